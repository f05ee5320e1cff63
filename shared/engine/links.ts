import { cmpId, composite, distanceKm, type EngineModel } from './model.ts';
import type { CandidateIndex } from './candidates.ts';
import type { Alternative, Link, Substitute } from './types.ts';

export interface LinkOptions {
  /** Keep at most this many substitutes per link (the spec lists all; the UI may not need to). */
  maxSubstitutes?: number;
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
): { links: Link[]; flowIndex: number[] } {
  const F = m.flows;
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
  const ids = m.ent.ids;
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
  const links = rows.map((r) => {
    const f = r.f;
    const s = F.supplier[f];
    const b = F.buyer[f];
    const p = F.product[f];
    return {
      flow: F.ids[f],
      supplier: ids[s],
      buyer: ids[b],
      product: m.prod.ids[p],
      quantity: F.quantity[f],
      value: r.value,
      supplierScore: m.ent.score[s],
      priority: r.priority,
      substitutes: substitutesFor(m, cands, p, b, s, F.quantity[f], opts.maxSubstitutes),
      leastBadAlternative: leastBadFor(m, cands, p, b, s, F.quantity[f]),
    };
  });
  return { links, flowIndex: rows.map((r) => r.f) };
}

export function substitutesFor(
  m: EngineModel,
  cands: CandidateIndex,
  p: number,
  buyer: number,
  supplier: number,
  quantity: number,
  limit = Infinity,
): Substitute[] {
  const ranked: { c: number; spare: number; e: number; o: number }[] = [];
  for (const c of cands.of(p).solidarity) {
    if (c.enterprise === buyer || c.enterprise === supplier || !(c.spare > 0)) continue;
    ranked.push({ c: composite(m, c.enterprise, buyer), spare: c.spare, e: c.enterprise, o: c.offer });
  }
  const ids = m.ent.ids;
  ranked.sort((a, b) => b.c - a.c || (a.spare === b.spare ? 0 : b.spare - a.spare) || cmpId(ids[a.e], ids[b.e]));
  const kept = ranked.length > limit ? ranked.slice(0, limit) : ranked;
  return kept.map((r) => ({
    enterprise: ids[r.e],
    product: m.prod.ids[m.offers.product[r.o]],
    spare: r.spare === Infinity ? null : r.spare,
    coverage: r.spare === Infinity ? 1 : Math.min(1, r.spare / quantity),
    distanceKm: distanceKm(m, r.e, buyer),
    score: m.ent.score[r.e],
    composite: r.c,
  }));
}

export function leastBadFor(
  m: EngineModel,
  cands: CandidateIndex,
  p: number,
  buyer: number,
  supplier: number,
  quantity: number,
): Alternative | null {
  const bar = composite(m, supplier, buyer);
  const ws = m.settings.composite.score;
  const wp = m.settings.composite.proximity;
  let best: { c: number; e: number; o: number; spare: number } | null = null;
  const ids = m.ent.ids;
  for (const c of cands.of(p).other) {
    // Candidates come by score descending: once even a next-door neighbour could not beat
    // the best so far (nor the bar), no later one can.
    const ceiling = ws * m.ent.score[c.enterprise] + wp;
    if (ceiling < bar || (best && ceiling < best.c)) break;
    if (c.enterprise === buyer || c.enterprise === supplier || !(c.spare >= quantity)) continue;
    const k = composite(m, c.enterprise, buyer);
    if (!(k > bar)) continue;
    if (!best || k > best.c || (k === best.c && cmpId(ids[c.enterprise], ids[best.e]) < 0)) {
      best = { c: k, e: c.enterprise, o: c.offer, spare: c.spare };
    }
  }
  if (!best) return null;
  return {
    enterprise: ids[best.e],
    product: m.prod.ids[m.offers.product[best.o]],
    spare: best.spare === Infinity ? null : best.spare,
    distanceKm: distanceKm(m, best.e, buyer),
    score: m.ent.score[best.e],
    composite: best.c,
  };
}
