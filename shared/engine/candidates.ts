import { cmpId, subtree, type EngineModel } from './model.ts';
import { haversineKm } from './geo.ts';

/**
 * For a demanded product p: every enterprise with a covering offer (covers(p, q)), each with
 * its covering offer of largest spare (ties to the smaller product id) — ENGINE.md §3.4.
 * Split by solidarity, each sorted by score descending, cached per product.
 *
 * For speed at national scale the searches walk a list by score and stop once even a
 * next-door candidate could not reach the threshold (composite ≤ ws·score + wp). Each
 * candidate also sits in a 1° grid cell with the cell's radius around its centre: for a buyer
 * at distance d from the centre every member is at least d − radius away (triangle
 * inequality), which bounds its proximity and skips the exact distance for most far ones.
 */
export interface Candidate {
  enterprise: number;
  offer: number;
  spare: number;
  /** Index into the list's cells. */
  cell: number;
}

export interface Cell {
  /** Global grid key; -1 for enterprises without coordinates. */
  key: number;
  centreLat: number;
  centreLon: number;
  radiusKm: number;
}

export interface CandidateList {
  /** By score descending, then id. */
  items: Candidate[];
  cells: Cell[];
}

export interface Candidates {
  solidarity: CandidateList;
  other: CandidateList;
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
      const c = { enterprise, offer, spare: m.offers.spare[offer], cell: -1 };
      (m.ent.solidarity[enterprise] ? solidarity : other).push(c);
    }
    const ids = m.ent.ids;
    const byScore = (a: Candidate, b: Candidate) => m.ent.score[b.enterprise] - m.ent.score[a.enterprise] || cmpId(ids[a.enterprise], ids[b.enterprise]);
    solidarity.sort(byScore);
    other.sort(byScore);
    return { solidarity: { items: solidarity, cells: cells(m, solidarity) }, other: { items: other, cells: cells(m, other) } };
  }
}

export function cellKey(lat: number, lon: number): number {
  return Number.isNaN(lat) ? -1 : (Math.floor(lat) + 90) * 360 + (Math.floor(lon) + 180);
}

function cells(m: EngineModel, items: Candidate[]): Cell[] {
  const index = new Map<number, number>();
  const out: Cell[] = [];
  for (const c of items) {
    const e = c.enterprise;
    const key = cellKey(m.ent.lat[e], m.ent.lon[e]);
    let i = index.get(key);
    if (i === undefined) {
      i = out.length;
      index.set(key, i);
      const located = key !== -1;
      out.push({ key, centreLat: located ? Math.floor(m.ent.lat[e]) + 0.5 : NaN, centreLon: located ? Math.floor(m.ent.lon[e]) + 0.5 : NaN, radiusKm: 0 });
    }
    c.cell = i;
    const cell = out[i];
    if (key !== -1) cell.radiusKm = Math.max(cell.radiusKm, haversineKm(cell.centreLat, cell.centreLon, m.ent.lat[e], m.ent.lon[e]));
  }
  return out;
}

/** Larger spare wins; equal spare goes to the smaller product id (then the earlier offer). */
function better(m: EngineModel, o: number, cur: number): boolean {
  const a = m.offers.spare[o];
  const b = m.offers.spare[cur];
  if (a !== b) return a > b;
  const c = cmpId(m.prod.ids[m.offers.product[o]], m.prod.ids[m.offers.product[cur]]);
  return c < 0;
}

/**
 * Visits, in score order, the candidates of `list` that may reach `threshold()` as suppliers
 * of `buyer`, each with its exact composite (the same arithmetic as composite()). `threshold`
 * may rise as the caller finds better ones; a candidate whose bound is strictly below it is
 * skipped (ties are still visited), and the walk stops when no later one can reach it.
 */
let scratch = { bound: new Float64Array(256), stamp: new Uint32Array(256), call: 0 };

export function scanCandidates(
  m: EngineModel,
  list: CandidateList,
  buyer: number,
  threshold: () => number,
  visit: (c: Candidate, composite: number) => void,
  distanceToCell: (cell: Cell) => number,
): void {
  const ws = m.settings.composite.score;
  const wp = m.settings.composite.proximity;
  const bLat = m.ent.lat[buyer];
  const bLon = m.ent.lon[buyer];
  const located = !Number.isNaN(bLat);
  // Upper bound of proximity per cell, computed when first needed: scratch arrays reused
  // across calls (a stamp per call says which entries are current), to spare the allocator.
  const n = list.cells.length;
  if (scratch.bound.length < n) scratch = { bound: new Float64Array(n * 2), stamp: new Uint32Array(n * 2), call: 0 };
  const stamp = ++scratch.call;
  const { bound: proxBound, stamp: stamps } = scratch;
  const { lat, lon, score } = m.ent;
  // A hair above the bounds, so rounding in an exact composite never beats its own bound.
  const EPS = 1e-12;
  for (const c of list.items) {
    const e = c.enterprise;
    const t = threshold();
    if (ws * score[e] + wp + EPS < t) break;
    let pb: number;
    if (stamps[c.cell] === stamp) pb = proxBound[c.cell];
    else {
      const cell = list.cells[c.cell];
      pb = !located || cell.key === -1 ? 0 : 1 / (1 + Math.max(0, distanceToCell(cell) - cell.radiusKm) / 100);
      proxBound[c.cell] = pb;
      stamps[c.cell] = stamp;
    }
    if (ws * score[e] + wp * pb + EPS < t) continue;
    const p = !located || Number.isNaN(lat[e]) ? 0 : 1 / (1 + haversineKm(lat[e], lon[e], bLat, bLon) / 100);
    visit(c, ws * score[e] + wp * p);
  }
}

/**
 * For the plan: every covering offer with spare > 0 (not one per enterprise), split by
 * solidarity and by unlimited (unknown capacity) or limited, each by score descending.
 */
export interface OfferLists {
  solidarityUnlimited: CandidateList;
  solidarityLimited: CandidateList;
  otherUnlimited: CandidateList;
  otherLimited: CandidateList;
}

export class OfferIndex {
  private readonly cache = new Map<number, OfferLists>();
  constructor(private readonly m: EngineModel) {}

  of(p: number): OfferLists {
    let c = this.cache.get(p);
    if (!c) {
      c = this.build(p);
      this.cache.set(p, c);
    }
    return c;
  }

  private build(p: number): OfferLists {
    const m = this.m;
    const groups: Candidate[][] = [[], [], [], []];
    for (const q of subtree(m, p)) {
      for (const o of m.offers.byProduct[q]) {
        const spare = m.offers.spare[o];
        if (!(spare > 0)) continue;
        const e = m.offers.enterprise[o];
        groups[(m.ent.solidarity[e] ? 0 : 2) + (spare === Infinity ? 0 : 1)].push({ enterprise: e, offer: o, spare, cell: -1 });
      }
    }
    const ids = m.ent.ids;
    const list = (items: Candidate[]): CandidateList => {
      items.sort((a, b) => m.ent.score[b.enterprise] - m.ent.score[a.enterprise] || cmpId(ids[a.enterprise], ids[b.enterprise]) || a.offer - b.offer);
      return { items, cells: cells(m, items) };
    };
    return { solidarityUnlimited: list(groups[0]), solidarityLimited: list(groups[1]), otherUnlimited: list(groups[2]), otherLimited: list(groups[3]) };
  }
}
