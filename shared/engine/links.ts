import { cmpId, composite, distanceKm, type EngineModel } from './model.ts';
import { scanCandidates, type Cell, type CandidateIndex } from './candidates.ts';
import { haversineKm } from './geo.ts';
import type { Alternative, Link, Substitute } from './types.ts';

export interface LinkOptions {
  /** Keep at most this many substitutes per link (the spec lists all; the UI may not need to). */
  maxSubstitutes?: number;
  /** Keep only the first links (the spec lists all); substitutes are computed for those only. */
  maxLinks?: number;
}

/**
 * ENGINE.md §3.4: every flow into a member from a non-solidarity supplier, biggest-worst
 * first, with solidarity substitutes and the least-bad non-solidarity alternative.
 * Returns the links and, for each, the flow index (for explanations).
 */
export function nonSolidarityLinks(
  m: EngineModel,
  members: number[],
  cands: CandidateIndex,
  opts: LinkOptions = {},
): { links: Link[]; flowIndex: number[]; total: number } {
  const F = m.flows;
  const ids = m.ent.ids;
  const rows: { f: number; value: number | null; priority: number | null }[] = [];
  for (const b of members) {
    for (const f of F.into[b]) {
      const s = F.supplier[f];
      if (m.ent.solidarity[s]) continue;
      const v = F.value[f];
      const valued = !Number.isNaN(v);
      rows.push({ f, value: valued ? v : null, priority: valued ? v * (1 - m.ent.score[s]) : null });
    }
  }
  rows.sort((a, b) => {
    if (a.priority === null || b.priority === null) {
      if (a.priority !== b.priority) return a.priority === null ? 1 : -1;
    } else if (a.priority !== b.priority) return b.priority - a.priority;
    else if (a.value !== b.value) return (b.value as number) - (a.value as number);
    return (
      cmpId(ids[F.supplier[a.f]], ids[F.supplier[b.f]]) ||
      cmpId(F.ids[a.f], F.ids[b.f]) ||
      cmpId(m.prod.ids[F.product[a.f]], m.prod.ids[F.product[b.f]])
    );
  });
  const kept = opts.maxLinks !== undefined && rows.length > opts.maxLinks ? rows.slice(0, opts.maxLinks) : rows;
  // Alternatives are searched buyer by buyer, so distances from a buyer to grid cells are reused.
  const byBuyer = kept.map((_, i) => i).sort((x, y) => F.buyer[kept[x].f] - F.buyer[kept[y].f] || x - y);
  const links: Link[] = new Array(kept.length);
  let toCell: ((cell: Cell) => number) | null = null;
  let current = -1;
  for (const i of byBuyer) {
    const { f, value, priority } = kept[i];
    const b = F.buyer[f];
    if (b !== current) {
      current = b;
      toCell = cellDistances(m, b);
    }
    const s = F.supplier[f];
    const p = F.product[f];
    // An unknown quantity is NaN here: coverage is then null and any spare is enough.
    const q = F.quantityKnown[f] ? F.quantity[f] : NaN;
    links[i] = {
      flow: F.ids[f],
      supplier: ids[s],
      buyer: ids[b],
      product: m.prod.ids[p],
      quantity: Number.isNaN(q) ? null : q,
      value,
      supplierScore: m.ent.score[s],
      priority,
      substitutes: substitutesFor(m, cands, p, b, s, q, opts.maxSubstitutes, toCell!),
      leastBadAlternative: leastBadFor(m, cands, p, b, s, q, toCell!),
    };
  }
  return { links, flowIndex: kept.map((r) => r.f), total: rows.length };
}

/** Distance from one buyer to grid-cell centres, memoised for that buyer. */
export function cellDistances(m: EngineModel, buyer: number): (cell: Cell) => number {
  const memo = new Map<number, number>();
  const lat = m.ent.lat[buyer];
  const lon = m.ent.lon[buyer];
  return (cell) => {
    let d = memo.get(cell.key);
    if (d === undefined) memo.set(cell.key, (d = haversineKm(cell.centreLat, cell.centreLon, lat, lon)));
    return d;
  };
}

interface Ranked {
  c: number;
  spare: number;
  e: number;
  o: number;
}

/** Substitute order: composite descending, spare descending (unlimited first), then id. */
function rankOrder(ids: string[]) {
  return (a: Ranked, b: Ranked) => b.c - a.c || (a.spare === b.spare ? 0 : b.spare - a.spare) || cmpId(ids[a.e], ids[b.e]);
}

export function substitutesFor(
  m: EngineModel,
  cands: CandidateIndex,
  p: number,
  buyer: number,
  supplier: number,
  quantity: number,
  limit = Infinity,
  toCell: (cell: Cell) => number = cellDistances(m, buyer),
): Substitute[] {
  const ids = m.ent.ids;
  const order = rankOrder(ids);
  const kept: Ranked[] = [];
  const all = cands.of(p);
  const visit = (c: { enterprise: number; offer: number; spare: number }, comp: number) => {
    if (c.enterprise === buyer || c.enterprise === supplier || !(c.spare > 0)) return;
    const r = { c: comp, spare: c.spare, e: c.enterprise, o: c.offer };
    if (limit === Infinity) return void kept.push(r);
    if (kept.length === limit && order(r, kept[kept.length - 1]) >= 0) return;
    // Insert in order, keeping at most `limit`.
    let i = kept.length;
    while (i > 0 && order(r, kept[i - 1]) < 0) i--;
    kept.splice(i, 0, r);
    if (kept.length > limit) kept.pop();
  };
  if (limit === Infinity) {
    for (const c of all.solidarity.items) visit(c, composite(m, c.enterprise, buyer));
  } else if (limit > 0) {
    scanCandidates(m, all.solidarity, buyer, () => (kept.length < limit ? -Infinity : kept[kept.length - 1].c), visit, toCell);
  }
  if (limit === Infinity) kept.sort(order);
  return kept.map((r) => ({
    enterprise: ids[r.e],
    product: m.prod.ids[m.offers.product[r.o]],
    spare: r.spare === Infinity ? null : r.spare,
    coverage: coverageOf(r.spare, quantity),
    distanceKm: distanceKm(m, r.e, buyer),
    score: m.ent.score[r.e],
    composite: r.c,
  }));
}

/** min(1, amount / quantity): 1 when unlimited or the quantity is 0, null when the quantity is unknown (NaN). */
export function coverageOf(amount: number, quantity: number): number | null {
  if (amount === Infinity || quantity === 0) return 1;
  if (Number.isNaN(quantity)) return null;
  return Math.min(1, amount / quantity);
}

export function leastBadFor(
  m: EngineModel,
  cands: CandidateIndex,
  p: number,
  buyer: number,
  supplier: number,
  quantity: number,
  toCell: (cell: Cell) => number = cellDistances(m, buyer),
): Alternative | null {
  const bar = composite(m, supplier, buyer);
  const ids = m.ent.ids;
  let best: { c: number; e: number; o: number; spare: number } | null = null;
  scanCandidates(
    m,
    cands.of(p).other,
    buyer,
    // Must beat the current supplier strictly; ties with the best so far go to the smaller id.
    () => (best ? Math.max(best.c, bar) : bar),
    (c, k) => {
      if (c.enterprise === buyer || c.enterprise === supplier || !(c.spare > 0) || !(Number.isNaN(quantity) || c.spare >= quantity) || !(k > bar)) return;
      if (!best || k > best.c || (k === best.c && cmpId(ids[c.enterprise], ids[best.e]) < 0)) best = { c: k, e: c.enterprise, o: c.offer, spare: c.spare };
    },
    toCell,
  );
  const found = best as { c: number; e: number; o: number; spare: number } | null;
  if (!found) return null;
  return {
    enterprise: ids[found.e],
    product: m.prod.ids[m.offers.product[found.o]],
    spare: found.spare === Infinity ? null : found.spare,
    distanceKm: distanceKm(m, found.e, buyer),
    score: m.ent.score[found.e],
    composite: found.c,
  };
}
