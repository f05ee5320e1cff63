import type { Link, PlanChange } from './decisions.ts';
import type { CompareOutput } from '../../../../shared/contract/engine.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';

/** The names network-labels gives (useLabels' type, without loading the API client). */
type Labels = MethodOutput<'network-labels'>;

// Not useLabels' productName: that module loads the API client, and this one stays pure.
const productName = (labels: Labels, id: string, lang: string) => {
  const p = labels.products[id];
  return p ? (p.names[lang] ?? p.name) : id;
};

/** What a new supplier's page says about how to reach it. */
export interface Contact {
  email?: string;
  phone?: string;
  locality?: string;
  website?: string;
}

/** The column headings and figure names, in the person's language. */
export interface PlanTableText {
  product: string;
  from: string;
  to: string;
  quantity: string;
  of: string;
  unit: string;
  price: string;
  value: string;
  currency: string;
  distance: string;
  email: string;
  phone: string;
  town: string;
  figure: string;
  before: string;
  after: string;
  direct: string;
  chain: string;
  leakage: string;
  cost: string;
}

/** A cell: text, a number (already rounded), or a share in [0, 1] shown as a percentage. */
export type TableCell = string | number | { percent: number } | null;

export interface PlanTable {
  header: string[];
  rows: TableCell[][];
  /** Figures before and after, under their own header. */
  figuresHeader: string[];
  figures: TableCell[][];
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
const share = (v: number | null | undefined): TableCell => (v === null || v === undefined ? null : { percent: v });

/**
 * The plan as a table people read (issue 15): headings on the first line, names not ids, the
 * unit and the new supplier's price, the money's currency, the new supplier's contacts, amounts
 * rounded, shares as percentages; then the figures before and after. CSV and XLSX both write it.
 */
export function planTable(input: {
  shop: string;
  links: Link[];
  changes: PlanChange[];
  labels: Labels;
  compare: CompareOutput | undefined;
  lang: string;
  money: string | null;
  contacts: Record<string, Contact>;
  unitName(unit: string): string;
  text: PlanTableText;
}): PlanTable {
  const { links, changes, labels, compare, text } = input;
  const name = (id: string | null) => (id === null ? '' : (labels.enterprises[id]?.name ?? id));
  const header = [text.product, text.from, text.to, text.quantity, text.of, text.unit, text.price, text.value, text.currency, text.distance, text.email, text.phone, text.town];
  const rows: TableCell[][] = changes.map((c) => {
    const link = links.find((l) => l.flow === c.line);
    const sub = link?.substitutes.find((s) => s.enterprise === c.to) ?? (link?.leastBadAlternative?.enterprise === c.to ? link.leastBadAlternative : undefined);
    const unitValue = link && link.value !== null && link.quantity !== null && link.quantity > 0 ? link.value / link.quantity : null;
    const price = labels.offers.find((o) => o.enterprise === c.to && o.product === c.product)?.price ?? null;
    const unit = labels.products[c.product]?.unit;
    const contact = input.contacts[c.to] ?? {};
    return [
      productName(labels, c.product, input.lang),
      name(c.from),
      name(c.to),
      round(c.quantity),
      link && link.quantity !== null ? round(link.quantity) : null,
      unit ? input.unitName(unit) : null,
      price === null ? null : round(price),
      unitValue === null ? null : round(unitValue * c.quantity),
      input.money,
      sub?.distanceKm === null || sub?.distanceKm === undefined ? null : round(sub.distanceKm, 0),
      contact.email ?? null,
      contact.phone ?? null,
      contact.locality ?? null,
    ];
  });
  const figures: TableCell[][] = [];
  if (compare) {
    const me = compare.members.find((m) => m.id === input.shop);
    figures.push([text.direct, share(me?.directBefore), share(me?.directAfter)]);
    figures.push([text.chain, share(me?.chainBefore), share(me?.chainAfter)]);
    figures.push([text.leakage, share(compare.before.leakage.share), share(compare.after.leakage.share)]);
    figures.push([`${text.cost}${input.money ? ` (${input.money})` : ''}`, round(compare.before.cost), round(compare.after.cost)]);
  }
  return { header, rows, figuresHeader: [text.figure, text.before, text.after], figures };
}
