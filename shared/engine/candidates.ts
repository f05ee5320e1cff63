import { cmpId, subtree, type EngineModel } from './model.ts';

/**
 * For a demanded product p: every enterprise with a covering offer (covers(p, q)), each with
 * its covering offer of largest spare (ties to the smaller product id) — ENGINE.md §3.4.
 * Split by solidarity, non-solidarity sorted by score descending so that the least-bad
 * search can stop early. Cached per product for the whole analysis.
 */
export interface Candidate {
  enterprise: number;
  offer: number;
  spare: number;
}

export interface Candidates {
  solidarity: Candidate[];
  /** Sorted by score descending, then id. */
  other: Candidate[];
}

export class CandidateIndex {
  private readonly cache = new Map<number, Candidates>();
  constructor(private readonly m: EngineModel) {}

  of(p: number): Candidates {
    let c = this.cache.get(p);
    if (!c) {
      c = this.build(p);
      this.cache.set(p, c);
    }
    return c;
  }

  private build(p: number): Candidates {
    const m = this.m;
    const best = new Map<number, number>(); // enterprise → offer
    for (const q of subtree(m, p)) {
      for (const o of m.offers.byProduct[q]) {
        const e = m.offers.enterprise[o];
        const cur = best.get(e);
        if (cur === undefined || better(m, o, cur)) best.set(e, o);
      }
    }
    const solidarity: Candidate[] = [];
    const other: Candidate[] = [];
    for (const [enterprise, offer] of best) {
      const c = { enterprise, offer, spare: m.offers.spare[offer] };
      (m.ent.solidarity[enterprise] ? solidarity : other).push(c);
    }
    const ids = m.ent.ids;
    other.sort((a, b) => m.ent.score[b.enterprise] - m.ent.score[a.enterprise] || cmpId(ids[a.enterprise], ids[b.enterprise]));
    return { solidarity, other };
  }
}

/** Larger spare wins; equal spare goes to the smaller product id (then the earlier offer). */
function better(m: EngineModel, o: number, cur: number): boolean {
  const a = m.offers.spare[o];
  const b = m.offers.spare[cur];
  if (a !== b) return a > b;
  const c = cmpId(m.prod.ids[m.offers.product[o]], m.prod.ids[m.offers.product[cur]]);
  return c < 0;
}
