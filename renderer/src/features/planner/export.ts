import { toCsv, type Cell } from './csv.ts';
import type { Link, PlanChange } from './decisions.ts';
import type { CompareOutput } from '../../../../shared/contract/engine.ts';
import type { Labels } from '../network/useLabels.ts';

/** The plan as a spreadsheet: one row per change, then the figures before and after. */
export function planCsv(
  shop: { id: string; name: string },
  links: Link[],
  changes: PlanChange[],
  labels: Labels,
  compare: CompareOutput | undefined,
  headers: Record<'line' | 'product' | 'from' | 'to' | 'quantity' | 'value' | 'score' | 'composite' | 'distance' | 'figure' | 'before' | 'after' | 'direct' | 'chain' | 'leakage' | 'cost', string>,
): string {
  const name = (id: string | null) => (id === null ? '' : (labels.enterprises[id]?.name ?? id));
  const rows: Cell[][] = [[shop.name, shop.id]];
  rows.push([headers.line, headers.product, headers.from, headers.to, headers.quantity, headers.value, headers.score, headers.composite, headers.distance]);
  for (const c of changes) {
    const link = links.find((l) => l.flow === c.line);
    const sub = link?.substitutes.find((s) => s.enterprise === c.to) ?? (link?.leastBadAlternative?.enterprise === c.to ? link.leastBadAlternative : undefined);
    const unitValue = link && link.value !== null && link.quantity !== null && link.quantity > 0 ? link.value / link.quantity : null;
    rows.push([
      c.line,
      labels.products[c.product]?.name ?? c.product,
      name(c.from),
      name(c.to),
      c.quantity,
      unitValue === null ? null : unitValue * c.quantity,
      sub?.score ?? null,
      sub?.composite ?? null,
      sub?.distanceKm ?? null,
    ]);
  }
  if (compare) {
    const me = compare.members.find((m) => m.id === shop.id);
    rows.push([]);
    rows.push([headers.figure, headers.before, headers.after]);
    rows.push([headers.direct, me?.directBefore ?? null, me?.directAfter ?? null]);
    rows.push([headers.chain, me?.chainBefore ?? null, me?.chainAfter ?? null]);
    rows.push([headers.leakage, compare.before.leakage.share, compare.after.leakage.share]);
    rows.push([headers.cost, compare.before.cost, compare.after.cost]);
  }
  return toCsv(rows);
}
