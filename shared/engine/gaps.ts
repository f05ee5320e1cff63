import { cmpId, subtree, type EngineModel } from './model.ts';
import type { Gap } from './types.ts';

/** inflow(b, p) of §2: quantity into b of p or of any product p covers (`covered` = subtree of p). */
export function inflow(m: EngineModel, b: number, covered: Set<number>): number {
  let q = 0;
  for (const f of m.flows.into[b]) if (covered.has(m.flows.product[f])) q += m.flows.quantity[f];
  return q;
}

/** Each member's need with what is still unmet (§3.5), in package order. */
export interface UnmetNeed {
  need: number;
  unmet: number;
}

export function unmetNeeds(m: EngineModel, isMember: Uint8Array): UnmetNeed[] {
  const out: UnmetNeed[] = [];
  const coverCache = new Map<number, Set<number>>();
  const N = m.needs;
  for (let i = 0; i < N.ids.length; i++) {
    const b = N.enterprise[i];
    if (!isMember[b]) continue;
    const p = N.product[i];
    let covered = coverCache.get(p);
    if (!covered) coverCache.set(p, (covered = new Set(subtree(m, p))));
    out.push({ need: i, unmet: Math.max(0, N.quantity[i] - inflow(m, b, covered)) });
  }
  return out;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/**
 * Reference price of p (§3.5): median price of all offers covering p, else the median unit
 * value of valued flows of exactly p, else null. Cached per product.
 */
export class ReferencePrices {
  private readonly cache = new Map<number, number | null>();
  private flowUnitValues: Map<number, number[]> | null = null;
  constructor(private readonly m: EngineModel) {}

  of(p: number): number | null {
    if (this.cache.has(p)) return this.cache.get(p)!;
    const m = this.m;
    const prices: number[] = [];
    for (const q of subtree(m, p)) for (const o of m.offers.byProduct[q]) if (!Number.isNaN(m.offers.price[o])) prices.push(m.offers.price[o]);
    let r = median(prices);
    if (r === null) r = median(this.unitValues().get(p) ?? []);
    this.cache.set(p, r);
    return r;
  }

  private unitValues(): Map<number, number[]> {
    if (!this.flowUnitValues) {
      const map = new Map<number, number[]>();
      const F = this.m.flows;
      for (let f = 0; f < F.ids.length; f++) {
        const v = F.value[f];
        // A flow of quantity 0 has no unit value.
        if (Number.isNaN(v) || !(F.quantity[f] > 0)) continue;
        const p = F.product[f];
        let list = map.get(p);
        if (!list) map.set(p, (list = []));
        list.push(v / F.quantity[f]);
      }
      this.flowUnitValues = map;
    }
    return this.flowUnitValues;
  }
}

/** §3.5: products demanded in scope whose demand exceeds the solidarity supply. */
export function gaps(m: EngineModel, members: number[], unmet: UnmetNeed[], prices: ReferencePrices): Gap[] {
  const demand = new Map<number, number>();
  const F = m.flows;
  for (const b of members) {
    for (const f of F.into[b]) {
      if (m.ent.solidarity[F.supplier[f]]) continue;
      const p = F.product[f];
      demand.set(p, (demand.get(p) ?? 0) + F.quantity[f]);
    }
  }
  for (const u of unmet) {
    const p = m.needs.product[u.need];
    demand.set(p, (demand.get(p) ?? 0) + u.unmet);
  }
  const out: Gap[] = [];
  for (const [p, d] of demand) {
    let supply = 0;
    for (const q of subtree(m, p)) {
      for (const o of m.offers.byProduct[q]) if (m.ent.solidarity[m.offers.enterprise[o]]) supply += m.offers.spare[o];
    }
    const gap = Math.max(0, d - supply);
    if (!(gap > 0)) continue;
    const referencePrice = prices.of(p);
    out.push({ product: m.prod.ids[p], demand: d, supply, gap, referencePrice, value: referencePrice === null ? null : gap * referencePrice });
  }
  out.sort((a, b) => {
    if (a.value !== b.value) {
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return b.value - a.value;
    }
    return b.gap - a.gap || cmpId(a.product, b.product);
  });
  return out;
}
