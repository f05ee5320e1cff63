import { cmpId, type EngineModel } from './model.ts';

/**
 * ENGINE.md §3.1 and §3.2. Values come from model.flows.value (NaN = unknown, left out).
 */

/** §3.1: value from solidarity suppliers ÷ value of all valued inflow; null without valued inflow. */
export function directShare(m: EngineModel, b: number): number | null {
  let sol = 0;
  let all = 0;
  for (const f of m.flows.into[b]) {
    const v = m.flows.value[f];
    if (Number.isNaN(v)) continue;
    all += v;
    if (m.ent.solidarity[m.flows.supplier[f]]) sol += v;
  }
  return all > 0 ? sol / all : null;
}

/**
 * The valued flow graph aggregated per (supplier, buyer) pair, in compressed rows by buyer:
 * for buyer j, suppliers k = src[start[j]..start[j+1]) with values val[...]; out[j] = Σ values
 * of all flows out of j. Built once per analysis.
 */
export interface PairGraph {
  start: Int32Array;
  src: Int32Array;
  val: Float64Array;
  out: Float64Array;
}

export function buildPairGraph(m: EngineModel): PairGraph {
  const n = m.ent.ids.length;
  const { supplier, value, into } = m.flows;
  const out = new Float64Array(n);
  const start = new Int32Array(n + 1);
  const srcList: number[] = [];
  const valList: number[] = [];
  const slot = new Int32Array(n).fill(-1); // supplier → position in this buyer's row
  for (let j = 0; j < n; j++) {
    start[j] = srcList.length;
    const rowStart = srcList.length;
    for (const f of into[j]) {
      const v = value[f];
      if (Number.isNaN(v)) continue;
      const k = supplier[f];
      out[k] += v;
      if (slot[k] >= rowStart && srcList[slot[k]] === k) valList[slot[k]] += v;
      else {
        slot[k] = srcList.length;
        srcList.push(k);
        valList.push(v);
      }
    }
  }
  start[n] = srcList.length;
  return { start, src: Int32Array.from(srcList), val: Float64Array.from(valList), out };
}

/**
 * §3.2 for every enterprise at once, in O(T · pairs). θ_t = P^{t-1} θ_1 with
 * P[k][j] = v(k→j)/out(j), so Σ_k θ_t(k)·w(k) = (r_t · V)(b) where r_1 = w and
 * r_{t+1}(j) = Σ_k r_t(k) v(k→j) / out(j) — one backward sweep per tier serves all buyers.
 * Returns chain share per enterprise (null where there is no valued inflow).
 */
export function chainSharesAll(m: EngineModel, g: PairGraph, tiers: number): (number | null)[] {
  const n = m.ent.ids.length;
  const sol = new Float64Array(n);
  const one = new Float64Array(n).fill(1);
  for (let k = 0; k < n; k++) sol[k] = m.ent.solidarity[k];
  // R = Σ_{t=1..T} r_t, for the solidarity weight and for the all-ones weight.
  const accS = sol.slice();
  const accD = one.slice();
  let rS = sol;
  let rD = one;
  for (let t = 2; t <= tiers; t++) {
    const nS = new Float64Array(n);
    const nD = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const o = g.out[j];
      if (o <= 0) continue;
      let s = 0;
      let d = 0;
      for (let p = g.start[j]; p < g.start[j + 1]; p++) {
        const k = g.src[p];
        s += rS[k] * g.val[p];
        d += rD[k] * g.val[p];
      }
      nS[j] = s / o;
      nD[j] = d / o;
    }
    for (let j = 0; j < n; j++) {
      accS[j] += nS[j];
      accD[j] += nD[j];
    }
    rS = nS;
    rD = nD;
  }
  const result: (number | null)[] = new Array(n).fill(null);
  for (let b = 0; b < n; b++) {
    let s = 0;
    let d = 0;
    let inflow = 0;
    for (let p = g.start[b]; p < g.start[b + 1]; p++) {
      const k = g.src[p];
      s += accS[k] * g.val[p];
      d += accD[k] * g.val[p];
      inflow += g.val[p];
    }
    result[b] = inflow > 0 && d > 0 ? s / d : null;
  }
  return result;
}

export interface ChainTier {
  tier: number;
  /** Σ_k θ_t(k) and its solidarity part. */
  value: number;
  solidarityValue: number;
  /** Enterprises reached at this tier. */
  enterprises: number;
}

export interface Chain {
  share: number | null;
  tiers: ChainTier[];
  /** The upstream enterprises carrying the most attributed value over all tiers (top 20). */
  top: { enterprise: number; value: number }[];
}

/**
 * §3.2 for one buyer, forward, tier by tier, so that the UI can show what each tier
 * contributes. Same definition as chainSharesAll. The per-tier vectors are sparse (a list of
 * touched enterprises over dense typed arrays reused across tiers), so a walk that reaches
 * most of a 50,000-enterprise catalogue by tier 6 stays cheap.
 */
export function chainOf(m: EngineModel, g: PairGraph, b: number, tiers: number): Chain {
  const n = m.ent.ids.length;
  let theta = new Float64Array(n);
  let next = new Float64Array(n);
  const total = new Float64Array(n);
  let touched: number[] = [];
  let nextTouched: number[] = [];
  const seen = new Uint8Array(n); // touched in the next tier already
  const reached = new Uint8Array(n); // touched in any tier
  const reachedList: number[] = [];
  for (let p = g.start[b]; p < g.start[b + 1]; p++) {
    const k = g.src[p];
    if (!seen[k]) {
      seen[k] = 1;
      touched.push(k);
    }
    theta[k] += g.val[p];
  }
  for (const k of touched) seen[k] = 0;
  const out: ChainTier[] = [];
  let sum = 0;
  let solSum = 0;
  for (let t = 1; t <= tiers && touched.length > 0; t++) {
    let v = 0;
    let sv = 0;
    for (const k of touched) {
      const x = theta[k];
      v += x;
      if (m.ent.solidarity[k]) sv += x;
      total[k] += x;
      if (!reached[k]) {
        reached[k] = 1;
        reachedList.push(k);
      }
    }
    out.push({ tier: t, value: v, solidarityValue: sv, enterprises: touched.length });
    sum += v;
    solSum += sv;
    if (t === tiers) break;
    // θ_{t+1}(k) = Σ_j θ_t(j) · v(k→j) / out(j)
    for (const j of touched) {
      const o = g.out[j];
      if (o <= 0) continue;
      const f = theta[j] / o;
      for (let p = g.start[j]; p < g.start[j + 1]; p++) {
        const k = g.src[p];
        if (!seen[k]) {
          seen[k] = 1;
          nextTouched.push(k);
        }
        next[k] += f * g.val[p];
      }
    }
    for (const j of touched) theta[j] = 0;
    for (const k of nextTouched) seen[k] = 0;
    [theta, next] = [next, theta];
    [touched, nextTouched] = [nextTouched, touched];
    nextTouched.length = 0;
  }
  // The 20 largest, by a bounded insertion rather than sorting everything reached.
  const top: { enterprise: number; value: number }[] = [];
  const before = (a: { enterprise: number; value: number }, c: { enterprise: number; value: number }) =>
    c.value - a.value || cmpId(m.ent.ids[a.enterprise], m.ent.ids[c.enterprise]);
  for (const enterprise of reachedList) {
    const item = { enterprise, value: total[enterprise] };
    if (top.length === 20 && before(item, top[19]) >= 0) continue;
    let i = top.length;
    while (i > 0 && before(item, top[i - 1]) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > 20) top.pop();
  }
  return { share: sum > 0 ? solSum / sum : null, tiers: out, top };
}
