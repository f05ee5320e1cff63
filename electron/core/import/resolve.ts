import type { Db } from '../db/open.ts';
import type { Enterprise, Product } from '../../../shared/domain/package.ts';
import type { PartnerReview, ResolutionSummary } from '../../../shared/contract/import.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { PartnerIndex, type PartnerMatch } from './resolve-partner.ts';
import { ProductIndex } from './resolve-product.ts';
import { conversion } from './kinds/units.ts';
import type { NamedRefs, ParsedFile, PartnerName, RejectedRow, Sourced } from './types.ts';

/**
 * The resolve step of the import pipeline for sheets that name partners and products as
 * people write them: every supplier, buyer or enterprise cell becomes the id of an
 * enterprise of the file or the catalogue (or of a new one), every product cell a product's.
 * - a confident match of the record matcher (resolve-partner.ts) is taken;
 * - an uncertain one (the matcher's middle band, or several namesakes) takes the person's decision when given
 *   (`decisions`, from the Import screen's review list); without one it is written as its own
 *   enterprise and a merge proposal is left for review (`teia review`), so a scripted import
 *   still lands whole;
 * - no match creates an enterprise *not yet classified* (solidarity false until a person says);
 * - an unknown product is created under `productParent` (or at the root).
 * Runs inside the import's transaction, so a dry run reports exactly what the import does.
 */
export interface ResolveOptions {
  /** Review key (`reviewKey`) → the enterprise id a person chose, or '' for "a new enterprise". */
  decisions?: Record<string, string>;
  productParent?: string | null;
}

export interface Resolved {
  /** Enterprises to create: not rows of the file, so not counted as accepted. */
  created: Sourced<Enterprise>[];
  createdProducts: Sourced<Product>[];
  rejected: RejectedRow[];
  /** Created enterprises that may be a catalogue one: existing id → incoming id. */
  proposals: { existingId: string; incomingId: string; reasons: string[] }[];
  summary: ResolutionSummary;
}

export const reviewKey = (p: PartnerName) => (p.place ? `${p.text}\u0000${p.place}` : p.text);

const slug = (name: string, fallback: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48) || fallback;

function needsResolving(parsed: ParsedFile): boolean {
  return [parsed.flows, parsed.offers, parsed.needs].some((list) => list.some((s) => s.names)) || parsed.products.some((p) => p.value.id === '' || p.names);
}

export function resolveNames(db: Db, parsed: ParsedFile, options: ResolveOptions = {}): Resolved | null {
  if (!needsResolving(parsed)) return null;
  const partners = PartnerIndex.fromCatalogue(db);
  for (const s of parsed.enterprises) {
    const e = s.value;
    partners.add({ id: e.id, name: e.name, sourceId: s.sourceId ?? null, locality: e.locality ?? null, region: e.region ?? null, country: e.country ?? null, inFile: true });
  }
  const products = ProductIndex.fromCatalogue(db);
  const out: Resolved = {
    created: [],
    createdProducts: [],
    rejected: [],
    proposals: [],
    summary: { matched: 0, created: [], review: [], newProducts: [] },
  };
  const takenEnterprise = (id: string) => partners.has(id);
  const decided = new Map<string, string>(); // review key → enterprise id
  const reviews = new Map<string, PartnerReview>();
  const createdByKey = new Map<string, { id: string; name: string; line: number }>();

  // Products of a products sheet: an empty id is the name's (or the record already there).
  if (options.productParent && !products.get(options.productParent)) {
    throw new TeiaError('invalid-input', `The parent product "${options.productParent}" is not in the catalogue.`);
  }
  for (const s of parsed.products) if (s.value.id !== '') products.add(s.value);
  for (const s of parsed.products) {
    if (s.value.id !== '') continue;
    const same = products.find(s.value.name, s.value.codes?.hs);
    s.value.id = same?.id ?? freeId(slug(s.value.name, 'product'), (id) => products.has(id) || parsed.products.some((p) => p.value.id === id));
    products.add({ ...s.value });
  }
  for (const s of parsed.products) {
    const parent = s.value.parent;
    if (parent && !products.get(parent) && !parsed.products.some((p) => p.value.id === parent)) {
      const byName = products.find(parent);
      if (byName) s.value.parent = byName.id;
    }
  }

  const partner = (p: PartnerName, line: number): string => {
    const key = reviewKey(p);
    const known = decided.get(key);
    if (known !== undefined) {
      const r = reviews.get(key);
      if (r) r.lines.push(line);
      const c = createdByKey.get(key);
      if (!r && c === undefined) out.summary.matched++;
      return known;
    }
    const choice = options.decisions?.[key];
    let match: PartnerMatch = partners.resolvePartner(p.text, p.place);
    if (choice !== undefined) {
      if (choice !== '' && !partners.has(choice)) throw new TeiaError('invalid-input', `The enterprise "${choice}" chosen for "${p.text}" is not in the catalogue or the file.`);
      match = choice === '' ? { status: 'new' } : { status: 'same', id: choice, reasons: ['chosen by a person'] };
    }
    let id: string;
    if (match.status === 'same') {
      id = match.id;
      out.summary.matched++;
    } else {
      id = freeId(slug(p.text, 'enterprise'), takenEnterprise);
      const e: Enterprise = { id, name: p.text, solidarity: false };
      if (p.place) {
        if (/^[a-z]{2}$/i.test(p.place)) e.country = p.place.toUpperCase();
        else e.locality = p.place;
      }
      out.created.push({ value: e, line });
      partners.add({ id, name: p.text, sourceId: null, locality: e.locality ?? null, region: null, country: e.country ?? null, inFile: true });
      const c = { id, name: p.text, line };
      createdByKey.set(key, c);
      // A name under review is listed there (with the enterprise it is written as), not twice.
      if (match.status !== 'review') out.summary.created.push(c);
      if (match.status === 'review') {
        const review: PartnerReview = {
          key,
          text: p.text,
          ...(p.place ? { place: p.place } : {}),
          lines: [line],
          reasons: match.reasons,
          candidates: match.candidates.map((x) => ({ id: x.id, name: x.name, locality: x.locality, country: x.country })),
          writtenAs: id,
        };
        reviews.set(key, review);
        out.summary.review.push(review);
        for (const x of match.candidates) if (!x.inFile) out.proposals.push({ existingId: x.id, incomingId: id, reasons: [...match.reasons, 'named in a sheet of partners'] });
      }
    }
    decided.set(key, id);
    return id;
  };

  const productOf = (names: NamedRefs, line: number): { id: string; factor: number } | string => {
    const ref = names.product!;
    let p = products.find(ref.text, ref.hs);
    if (!p) {
      const id = freeId(slug(ref.text, 'product'), (x) => products.has(x));
      const created: Product = { id, name: ref.text, parent: options.productParent ?? null };
      if (ref.unit) created.unit = ref.unit;
      if (ref.hs) created.codes = { hs: ref.hs };
      out.createdProducts.push({ value: created, line });
      out.summary.newProducts.push({ id, name: ref.text, line, parent: created.parent ?? null });
      products.add(created);
      p = created;
    }
    if (!ref.unit || !p.unit) return { id: p.id, factor: 1 };
    const factor = conversion(ref.unit, p.unit);
    if (factor === null) return `Its unit "${ref.unit}" cannot be converted to the unit of "${p.name}" (${p.unit}).`;
    return { id: p.id, factor };
  };

  const reject = (s: Sourced<unknown>, record: string, reason: string) => out.rejected.push({ line: s.line, ...(s.sheet ? { sheet: s.sheet } : {}), record, reason });

  parsed.flows = parsed.flows.filter((s) => {
    if (!s.names) return true;
    const f = s.value;
    const product = productOf(s.names, s.line);
    if (typeof product === 'string') return reject(s, `${f.supplier} → ${f.buyer}`, product), false;
    const supplier = partner(s.names.supplier!, s.line);
    const buyer = partner(s.names.buyer!, s.line);
    if (supplier === buyer) return reject(s, `${f.supplier} → ${f.buyer}`, 'The buyer is also the supplier: a flow goes from one enterprise to another.'), false;
    f.supplier = supplier;
    f.buyer = buyer;
    f.product = product.id;
    if (f.quantity !== undefined) f.quantity *= product.factor;
    return true;
  });
  for (const [list, what] of [[parsed.offers, 'offer'], [parsed.needs, 'need']] as const) {
    const kept = (list as Sourced<{ enterprise: string; product: string; capacity?: number; price?: number; quantity?: number }>[]).filter((s) => {
      if (!s.names) return true;
      const product = productOf(s.names, s.line);
      if (typeof product === 'string') return reject(s, `${what} of ${s.value.enterprise}`, product), false;
      s.value.enterprise = partner(s.names.enterprise!, s.line);
      s.value.product = product.id;
      if (s.value.capacity !== undefined) s.value.capacity *= product.factor;
      if (s.value.quantity !== undefined) s.value.quantity *= product.factor;
      if (s.value.price !== undefined) s.value.price /= product.factor;
      return true;
    });
    if (what === 'offer') parsed.offers = kept as typeof parsed.offers;
    else parsed.needs = kept as typeof parsed.needs;
  }
  return out;
}

/** `id`, or `id-2`, `id-3`… the first one not taken. */
function freeId(id: string, isTaken: (id: string) => boolean): string {
  if (!isTaken(id)) return id;
  for (let i = 2; ; i++) if (!isTaken(`${id}-${i}`)) return `${id}-${i}`;
}
