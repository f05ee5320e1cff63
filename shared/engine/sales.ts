import { cmpId, composite, distanceKm, subtree, type EngineModel } from './model.ts';
import { inflow } from './gaps.ts';
import { coverageOf } from './links.ts';
import type { Outlet, OutletAlternative, Sales } from './types.ts';

/**
 * ENGINE.md §3.9, the sales side: what members sell to non-solidarity buyers, and which
 * solidarity enterprises could buy it instead (their unmet needs, and the demand they now
 * meet from non-solidarity suppliers).
 */
export interface SalesOptions {
  /** Keep only the first outlets (the spec lists all); alternatives are computed for those only. */
  maxOutlets?: number;
  /** Keep at most this many alternatives per outlet (the spec lists all). */
  maxAlternatives?: number;
}

export function salesSide(m: EngineModel, members: number[], isMember: Uint8Array, opts: SalesOptions = {}): { sales: Sales; total: number } {
  const F = m.flows;
  const ids = m.ent.ids;
  const S = m.ent.solidarity;
  const shares: Record<string, number | null> = {};
  let value = 0;
  let total = 0;
  let outsideValue = 0;
  const rows: { f: number; value: number | null; priority: number | null }[] = [];
  for (const s of members) {
    let sol = 0;
    let all = 0;
    for (const f of F.outOf[s]) {
      const b = F.buyer[f];
      const v = F.value[f];
      const valued = !Number.isNaN(v);
      if (valued) {
        all += v;
        if (S[b]) sol += v;
        else {
          value += v;
          if (!isMember[b]) outsideValue += v;
        }
      }
      if (!S[b]) rows.push({ f, value: valued ? v : null, priority: valued ? v * (1 - m.ent.score[b]) : null });
    }
    total += all;
    shares[ids[s]] = all > 0 ? sol / all : null;
  }
  rows.sort((a, b) => {
    if (a.priority === null || b.priority === null) {
      if (a.priority !== b.priority) return a.priority === null ? 1 : -1;
    } else if (a.priority !== b.priority) return b.priority - a.priority;
    else if (a.value !== b.value) return (b.value as number) - (a.value as number);
    return cmpId(ids[F.buyer[a.f]], ids[F.buyer[b.f]]) || cmpId(F.ids[a.f], F.ids[b.f]);
  });
  const kept = opts.maxOutlets !== undefined && rows.length > opts.maxOutlets ? rows.slice(0, opts.maxOutlets) : rows;
  const rooms = new RoomIndex(m);
  const outlets: Outlet[] = kept.map(({ f, value: v, priority }) => {
    const s = F.supplier[f];
    const b = F.buyer[f];
    const p = F.product[f];
    const q = F.quantityKnown[f] ? F.quantity[f] : NaN;
    return {
      flow: F.ids[f],
      supplier: ids[s],
      buyer: ids[b],
      product: m.prod.ids[p],
      quantity: Number.isNaN(q) ? null : q,
      value: v,
      buyerScore: m.ent.score[b],
      priority,
      alternatives: alternativesFor(m, rooms.of(p), s, b, q, opts.maxAlternatives),
    };
  });
  return { sales: { shares, value, total, share: total > 0 ? value / total : null, outsideValue, outlets }, total: rows.length };
}

function alternativesFor(m: EngineModel, candidates: RoomCandidate[], supplier: number, buyer: number, quantity: number, limit = Infinity): OutletAlternative[] {
  // No alternatives asked for (limits.substitutes 0): the pruning below needs a last kept row.
  if (limit <= 0) return [];
  const ids = m.ent.ids;
  const ws = m.settings.composite.score;
  const wp = m.settings.composite.proximity;
  const order = (a: { e: number; room: number; c: number }, b: { e: number; room: number; c: number }) => b.c - a.c || b.room - a.room || cmpId(ids[a.e], ids[b.e]);
  const rows: { e: number; room: number; c: number }[] = [];
  // Candidates come by score, descending: once even a next-door one could not beat the last
  // kept (composite ≤ ws·score + wp), no later one can (the pruning of candidates.ts).
  for (const { e, room } of candidates) {
    if (e === supplier || e === buyer) continue;
    if (rows.length >= limit && ws * m.ent.score[e] + wp + 1e-12 < rows[rows.length - 1].c) break;
    const r = { e, room, c: composite(m, e, supplier) };
    if (limit === Infinity) {
      rows.push(r);
      continue;
    }
    if (rows.length >= limit && order(r, rows[rows.length - 1]) >= 0) continue;
    let i = rows.length;
    while (i > 0 && order(r, rows[i - 1]) < 0) i--;
    rows.splice(i, 0, r);
    if (rows.length > limit) rows.pop();
  }
  if (limit === Infinity) rows.sort(order);
  return rows.map((r) => ({
    enterprise: ids[r.e],
    room: r.room,
    coverage: coverageOf(r.room, quantity),
    distanceKm: distanceKm(m, r.e, supplier),
    score: m.ent.score[r.e],
    composite: r.c,
  }));
}

interface RoomCandidate {
  e: number;
  room: number;
}

/**
 * room(e) of §3.9 for every solidarity enterprise, per product sold: Σ of its unmet needs of
 * `p` or of any broader product, plus the quantities it buys of those from non-solidarity
 * suppliers. Built per exact product once, then merged up the ancestors of each product sold.
 */
class RoomIndex {
  private base: Map<number, Map<number, number>> | null = null;
  private readonly cache = new Map<number, RoomCandidate[]>();
  constructor(private readonly m: EngineModel) {}

  /** Solidarity enterprises with room for `p` above 0, by score descending (then id). */
  of(p: number): RoomCandidate[] {
    const hit = this.cache.get(p);
    if (hit) return hit;
    const r = new Map<number, number>();
    const base = this.baseRooms();
    for (let q = p; q !== -1; q = this.m.prod.parent[q]) {
      for (const [e, x] of base.get(q) ?? []) r.set(e, (r.get(e) ?? 0) + x);
    }
    const { score, ids } = this.m.ent;
    const list = [...r].filter(([, room]) => room > 0).map(([e, room]) => ({ e, room }));
    list.sort((a, b) => score[b.e] - score[a.e] || cmpId(ids[a.e], ids[b.e]));
    this.cache.set(p, list);
    return list;
  }

  /** Product → solidarity enterprise → room coming from that exact product. */
  private baseRooms(): Map<number, Map<number, number>> {
    if (this.base) return this.base;
    const m = this.m;
    const base = new Map<number, Map<number, number>>();
    const add = (q: number, e: number, x: number) => {
      if (!(x > 0)) return;
      let row = base.get(q);
      if (!row) base.set(q, (row = new Map()));
      row.set(e, (row.get(e) ?? 0) + x);
    };
    const S = m.ent.solidarity;
    const covered = new Map<number, Set<number>>();
    const N = m.needs;
    for (let n = 0; n < N.ids.length; n++) {
      const e = N.enterprise[n];
      if (!S[e]) continue;
      const q = N.product[n];
      let set = covered.get(q);
      if (!set) covered.set(q, (set = new Set(subtree(m, q))));
      add(q, e, Math.max(0, N.quantity[n] - inflow(m, e, set)));
    }
    const F = m.flows;
    for (let f = 0; f < F.ids.length; f++) {
      const e = F.buyer[f];
      if (S[e] && !S[F.supplier[f]]) add(F.product[f], e, F.quantity[f]);
    }
    this.base = base;
    return base;
  }
}
