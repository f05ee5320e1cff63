import { CRITERIA } from '../domain/package.ts';
import { composite, distanceKm, proximity, subtree, type EngineModel } from './model.ts';
import type { Analysis } from './analyse.ts';

/**
 * Why each ranked item ranks where it does, as data the UI renders (and a plain-English
 * formatter for the CLI): the criteria behind a score (and which are unknown), the distance,
 * the spare capacity. Separate from the §4 object, which stays exactly as the spec prints it.
 */
export interface CriterionPart {
  criterion: string;
  /** null = not recorded (counts 0: unknown is not good). */
  value: number | null;
  weight: number;
  /** weight · value ÷ Σ weights: this criterion's share of the score. */
  contribution: number;
}

export interface SupplierExplanation {
  enterprise: string;
  solidarity: boolean;
  score: number;
  criteria: CriterionPart[];
  /** Criteria of the scored set with no value. */
  unknown: string[];
  /** Recorded criteria outside the scored set: kept, not scored. */
  ignored: string[];
  /** Relative to the buyer, when there is one. */
  buyer: string | null;
  distanceKm: number | null;
  proximity: number | null;
  composite: number | null;
  compositeWeights: { score: number; proximity: number };
}

export interface OfferPart {
  product: string;
  /** null = unlimited (capacity unknown). */
  spare: number | null;
  capacity: number | null;
  price: number | null;
}

export interface LinkExplanation {
  flow: string;
  /** priority = value × (1 − supplier score); null when the flow has no known value. */
  value: number | null;
  priority: number | null;
  supplier: SupplierExplanation;
  substitutes: (SupplierExplanation & { offer: OfferPart; coverage: number | null })[];
  leastBad: (SupplierExplanation & { offer: OfferPart; beats: number }) | null;
}

export interface GapExplanation {
  product: string;
  fromFlows: { flow: string; supplier: string; buyer: string; quantity: number }[];
  unmetNeeds: { need: string; enterprise: string; unmet: number }[];
  supply: { enterprise: string; product: string; spare: number | null }[];
  referencePrice: { value: number | null; from: 'offers' | 'flows' | null; count: number };
}

export function explainSupplier(m: EngineModel, enterprise: string, buyer?: string | null): SupplierExplanation {
  const e = m.ent.index.get(enterprise);
  if (e === undefined) throw new Error(`Unknown enterprise "${enterprise}".`);
  const b = buyer ? m.ent.index.get(buyer) : undefined;
  const raw = m.ent.criteria[e] ?? {};
  let den = 0;
  for (const c of CRITERIA) den += m.settings.weights[c];
  const criteria: CriterionPart[] = CRITERIA.map((c) => {
    const v = raw[c];
    const value = typeof v === 'number' && !Number.isNaN(v) ? Math.min(1, Math.max(0, v)) : null;
    const weight = m.settings.weights[c];
    return { criterion: c, value, weight, contribution: den > 0 && value !== null ? (weight * value) / den : 0 };
  });
  return {
    enterprise,
    solidarity: m.ent.solidarity[e] === 1,
    score: m.ent.score[e],
    criteria,
    unknown: criteria.filter((c) => c.value === null).map((c) => c.criterion),
    ignored: Object.keys(raw).filter((c) => !(CRITERIA as readonly string[]).includes(c)),
    buyer: b === undefined ? null : m.ent.ids[b],
    distanceKm: b === undefined ? null : distanceKm(m, e, b),
    proximity: b === undefined ? null : proximity(m, e, b),
    composite: b === undefined ? null : composite(m, e, b),
    compositeWeights: { ...m.settings.composite },
  };
}

function offerPart(m: EngineModel, enterprise: string, product: string): OfferPart {
  const e = m.ent.index.get(enterprise)!;
  const p = m.prod.index.get(product)!;
  const o = m.offers.byProduct[p].filter((i) => m.offers.enterprise[i] === e).sort((a, b) => m.offers.spare[b] - m.offers.spare[a])[0];
  if (o === undefined) return { product, spare: null, capacity: null, price: null };
  const cap = m.offers.capacity[o];
  const price = m.offers.price[o];
  return { product, spare: m.offers.spare[o] === Infinity ? null : m.offers.spare[o], capacity: cap === Infinity ? null : cap, price: Number.isNaN(price) ? null : price };
}

export function explainLink(a: Analysis, i: number): LinkExplanation {
  const m = a.model;
  const link = a.result.links[i];
  const current = explainSupplier(m, link.supplier, link.buyer);
  return {
    flow: link.flow,
    value: link.value,
    priority: link.priority,
    supplier: current,
    substitutes: link.substitutes.map((s) => ({ ...explainSupplier(m, s.enterprise, link.buyer), offer: offerPart(m, s.enterprise, s.product), coverage: s.coverage })),
    leastBad: link.leastBadAlternative
      ? { ...explainSupplier(m, link.leastBadAlternative.enterprise, link.buyer), offer: offerPart(m, link.leastBadAlternative.enterprise, link.leastBadAlternative.product), beats: current.composite ?? 0 }
      : null,
  };
}

export function explainGap(a: Analysis, product: string): GapExplanation {
  const m = a.model;
  const p = m.prod.index.get(product);
  if (p === undefined) throw new Error(`Unknown product "${product}".`);
  const F = m.flows;
  const fromFlows: GapExplanation['fromFlows'] = [];
  for (const b of a.members) {
    for (const f of F.into[b]) {
      if (F.product[f] !== p || m.ent.solidarity[F.supplier[f]]) continue;
      fromFlows.push({ flow: F.ids[f], supplier: m.ent.ids[F.supplier[f]], buyer: m.ent.ids[b], quantity: F.quantity[f] });
    }
  }
  const member = new Set(a.members);
  const covered = new Set(subtree(m, p));
  const unmetNeeds: GapExplanation['unmetNeeds'] = [];
  for (let n = 0; n < m.needs.ids.length; n++) {
    const b = m.needs.enterprise[n];
    if (m.needs.product[n] !== p || !member.has(b)) continue;
    let inflow = 0;
    for (const f of F.into[b]) if (covered.has(F.product[f])) inflow += F.quantity[f];
    const unmet = Math.max(0, m.needs.quantity[n] - inflow);
    if (unmet > 0) unmetNeeds.push({ need: m.needs.ids[n], enterprise: m.ent.ids[b], unmet });
  }
  const supply: GapExplanation['supply'] = [];
  const prices: number[] = [];
  for (const q of covered) {
    for (const o of m.offers.byProduct[q]) {
      if (!Number.isNaN(m.offers.price[o])) prices.push(m.offers.price[o]);
      const e = m.offers.enterprise[o];
      if (!m.ent.solidarity[e] || !(m.offers.spare[o] > 0)) continue;
      supply.push({ enterprise: m.ent.ids[e], product: m.prod.ids[q], spare: m.offers.spare[o] === Infinity ? null : m.offers.spare[o] });
    }
  }
  const gap = a.result.gaps.find((g) => g.product === product);
  let from: 'offers' | 'flows' | null = 'offers';
  let count = prices.length;
  if (!prices.length) {
    for (let f = 0; f < F.ids.length; f++) if (F.product[f] === p && !Number.isNaN(F.value[f]) && F.quantity[f] > 0) count++;
    from = count ? 'flows' : null;
  }
  return { product, fromFlows, unmetNeeds, supply, referencePrice: { value: gap?.referencePrice ?? null, from, count } };
}

export interface AnalysisExplanations {
  links: LinkExplanation[];
  gaps: GapExplanation[];
}

export function explainAnalysis(a: Analysis, limit = Infinity): AnalysisExplanations {
  const n = Math.min(a.result.links.length, limit);
  return {
    links: Array.from({ length: n }, (_, i) => explainLink(a, i)),
    gaps: a.result.gaps.slice(0, limit).map((g) => explainGap(a, g.product)),
  };
}

// ---- Plain English ----

const label = (c: string) => c.replace(/_/g, ' ');
const num = (x: number) => (Math.round(x * 100) / 100).toString();

/** "ecological 0.6, decent work 0.6, 140 km; unknown: gender equity" */
export function formatSupplier(x: SupplierExplanation, opts: { spare?: number | null; maxCriteria?: number } = {}): string {
  const known = x.criteria
    .filter((c) => c.value !== null)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, opts.maxCriteria ?? 3)
    .map((c) => `${label(c.criterion)} ${num(c.value!)}`);
  const parts = [...known];
  if (x.buyer !== null) parts.push(x.distanceKm === null ? 'distance unknown' : `${Math.round(x.distanceKm)} km`);
  if (opts.spare !== undefined) parts.push(opts.spare === null ? 'spare unlimited (capacity unknown)' : `spare ${num(opts.spare)}`);
  let s = parts.join(', ') || 'no criteria recorded';
  if (x.unknown.length) s += `; unknown: ${x.unknown.map(label).join(', ')}`;
  return s;
}

export function formatLinkExplanation(x: LinkExplanation): string[] {
  const out: string[] = [];
  out.push(
    x.priority === null
      ? `${x.flow}: value unknown, so ranked last; supplier score ${num(x.supplier.score)} (${formatSupplier(x.supplier)})`
      : `${x.flow}: priority ${num(x.priority)} = value ${num(x.value!)} × (1 − score ${num(x.supplier.score)}); supplier: ${formatSupplier(x.supplier)}`,
  );
  for (const s of x.substitutes) out.push(`  substitute ${s.enterprise} (composite ${num(s.composite ?? 0)}, ${s.coverage === null ? 'the flow\'s quantity is unknown' : `covers ${Math.round(s.coverage * 100)}%`}) because: ${formatSupplier(s, { spare: s.offer.spare })}`);
  if (x.leastBad) out.push(`  least bad ${x.leastBad.enterprise} (composite ${num(x.leastBad.composite ?? 0)} > ${num(x.leastBad.beats)}) because: ${formatSupplier(x.leastBad, { spare: x.leastBad.offer.spare })}`);
  return out;
}
