import { UndirectedGraph, DirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { cmpId, type EngineModel } from './model.ts';
import { seededRandom } from './random.ts';
import { louvainArrays } from './louvain.ts';
import type { Betweenness, Communities, Structure } from './types.ts';

/**
 * §3.7's seed-dependent figures, outside the §4 object: Louvain communities on the
 * undirected value-weighted graph, and betweenness on the directed flow graph. The graph is
 * the scope's members plus their direct trading partners (every flow with an end in scope),
 * so outside suppliers the network depends on can show up.
 */
export interface StructureOptions {
  seed?: number;
  /** Exact betweenness (every node a source) up to this many nodes; sampled above. */
  exactBetweennessUpTo?: number;
  /** graphology's Louvain up to this many edges; the array implementation above (default 50,000). */
  graphologyLouvainUpTo?: number;
  /** Roughly how many edge visits sampled betweenness may spend (sources × edges). */
  betweennessBudget?: number;
  top?: number;
}

export const DEFAULT_SEED = 42;

export function structure(m: EngineModel, members: number[], isMember: Uint8Array, opts: StructureOptions = {}): Structure {
  const seed = opts.seed ?? DEFAULT_SEED;
  // Node set: members, then every enterprise trading with one. Local index per enterprise
  // in a typed array (-1 = not in the graph).
  const F = m.flows;
  const local = new Int32Array(m.ent.ids.length).fill(-1);
  const nodes: number[] = [];
  const add = (e: number) => {
    if (local[e] === -1) {
      local[e] = nodes.length;
      nodes.push(e);
    }
  };
  for (const b of members) add(b);
  for (const b of members) {
    for (const f of F.into[b]) add(F.supplier[f]);
    for (const f of F.outOf[b]) add(F.buyer[f]);
  }
  // Pairs supplier → buyer over flows with an end in scope, aggregated per supplier with a
  // dense scratch row (value; 0 for pairs whose flows are all unvalued).
  const pairList: [number, number, number][] = [];
  const acc = new Float64Array(nodes.length);
  const hit = new Uint8Array(nodes.length);
  const touched: number[] = [];
  for (let s = 0; s < nodes.length; s++) {
    const e = nodes[s];
    for (const f of F.outOf[e]) {
      const b = F.buyer[f];
      if (!isMember[b] && !isMember[e]) continue;
      const t = local[b];
      if (!hit[t]) {
        hit[t] = 1;
        touched.push(t);
      }
      const v = F.value[f];
      if (!Number.isNaN(v)) acc[t] += v;
    }
    for (const t of touched) {
      pairList.push([s, t, acc[t]]);
      acc[t] = 0;
      hit[t] = 0;
    }
    touched.length = 0;
  }
  return {
    communities: communities(m, nodes, pairList, seed, opts.graphologyLouvainUpTo ?? 50_000),
    betweenness: betweenness(m, nodes, pairList, seed, opts),
  };
}

function communities(m: EngineModel, nodes: number[], pairs: [number, number, number][], seed: number, graphologyUpTo: number): Communities {
  const ids = m.ent.ids;
  // Merge both directions of a pair first (by the smaller end, with a dense scratch row),
  // so each undirected pair appears once.
  const n = nodes.length;
  const byLow = new Int32Array(n + 1);
  for (const [s, t, w] of pairs) if (s !== t && w > 0) byLow[Math.min(s, t) + 1]++;
  for (let i = 0; i < n; i++) byLow[i + 1] += byLow[i];
  const fill = byLow.slice(0, n);
  const hiOf = new Int32Array(byLow[n]);
  const wOf = new Float64Array(byLow[n]);
  for (const [s, t, w] of pairs) {
    if (s === t || !(w > 0)) continue;
    const lo = Math.min(s, t);
    hiOf[fill[lo]] = Math.max(s, t);
    wOf[fill[lo]++] = w;
  }
  const es: number[] = [];
  const et: number[] = [];
  const ew: number[] = [];
  const acc = new Float64Array(n);
  const seen: number[] = [];
  for (let lo = 0; lo < n; lo++) {
    for (let p = byLow[lo]; p < byLow[lo + 1]; p++) {
      if (acc[hiOf[p]] === 0) seen.push(hiOf[p]);
      acc[hiOf[p]] += wOf[p];
    }
    for (const hi of seen) {
      es.push(lo);
      et.push(hi);
      ew.push(acc[hi]);
      acc[hi] = 0;
    }
    seen.length = 0;
  }
  // Community of each local node, from either implementation.
  const community = new Int32Array(n);
  let modularity = 0;
  let method: Communities['method'];
  if (es.length <= graphologyUpTo) {
    method = 'graphology-louvain';
    const g = new UndirectedGraph<Record<string, never>, { weight: number }>();
    for (const e of nodes) g.addNode(ids[e]);
    for (let k = 0; k < es.length; k++) g.addUndirectedEdge(ids[nodes[es[k]]], ids[nodes[et[k]]], { weight: ew[k] });
    if (g.size > 0) {
      const detail = louvain.detailed(g, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
      nodes.forEach((e, i) => (community[i] = detail.communities[ids[e]]));
      modularity = detail.modularity;
    } else nodes.forEach((_, i) => (community[i] = i));
  } else {
    method = 'array-louvain';
    const r = louvainArrays(n, { s: Int32Array.from(es), t: Int32Array.from(et), w: Float64Array.from(ew) }, seededRandom(seed));
    community.set(r.community);
    modularity = r.modularity;
  }
  // Renumber by each community's smallest member id, so numbers do not depend on Louvain's internals.
  const byId = nodes.map((_, i) => i).sort((a, b) => cmpId(ids[nodes[a]], ids[nodes[b]]));
  const renum = new Map<number, number>();
  const membership: Record<string, number> = {};
  for (const i of byId) {
    let c = renum.get(community[i]);
    if (c === undefined) renum.set(community[i], (c = renum.size));
    membership[ids[nodes[i]]] = c;
  }
  const order = { length: renum.size };
  return { count: order.length, modularity, membership, seed, method };
}

function betweenness(m: EngineModel, nodes: number[], pairs: [number, number, number][], seed: number, opts: StructureOptions): Betweenness {
  const ids = m.ent.ids;
  const n = nodes.length;
  const top = opts.top ?? 20;
  const exactUpTo = opts.exactBetweennessUpTo ?? 2000;
  let values: Float64Array;
  let sources = n;
  let approximate = false;
  if (n === 0) {
    // An empty catalogue or scope: nothing depends on anyone (graphology's Brandes refuses an empty graph).
    values = new Float64Array(0);
  } else if (n <= exactUpTo) {
    const g = new DirectedGraph();
    for (const e of nodes) g.addNode(ids[e]);
    for (const [s, t] of pairs) if (s !== t) g.mergeEdge(ids[nodes[s]], ids[nodes[t]]);
    const c = betweennessCentrality(g, { normalized: true });
    values = Float64Array.from(nodes.map((e) => c[ids[e]] ?? 0));
  } else {
    const budget = opts.betweennessBudget ?? 10_000_000;
    sources = Math.max(1, Math.min(n, Math.floor(budget / Math.max(1, n + pairs.length))));
    approximate = sources < n;
    values = sampledBetweenness(n, pairs, sources, seed);
  }
  const ranked = nodes
    .map((e, i) => ({ id: ids[e], value: values[i] }))
    .sort((a, b) => b.value - a.value || cmpId(a.id, b.id))
    .slice(0, top);
  return { approximate, sources, nodes: n, top: ranked };
}

/**
 * Brandes on an unweighted directed graph from `k` sources chosen with a seeded shuffle,
 * scaled by n/k (an unbiased estimate), normalised like graphology-metrics: ÷ (n−1)(n−2).
 * With k = n it is exact betweenness.
 */
export function sampledBetweenness(n: number, pairs: [number, number, number][], k: number, seed: number): Float64Array {
  // CSR adjacency, parallel pairs already merged, self-loops dropped.
  const deg = new Int32Array(n + 1);
  for (const [s, t] of pairs) if (s !== t) deg[s + 1]++;
  for (let i = 0; i < n; i++) deg[i + 1] += deg[i];
  const adj = new Int32Array(deg[n]);
  const fill = deg.slice(0, n);
  for (const [s, t] of pairs) if (s !== t) adj[fill[s]++] = t;
  const order = Array.from({ length: n }, (_, i) => i);
  const rnd = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const cb = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const queue = new Int32Array(n);
  for (let si = 0; si < k; si++) {
    const s = order[si];
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++];
      for (let p = deg[v]; p < deg[v + 1]; p++) {
        const w = adj[p];
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    // Reverse BFS order: predecessors of w are v with an edge v→w and dist[v] = dist[w] − 1.
    for (let i = tail - 1; i >= 0; i--) {
      const v = queue[i];
      for (let p = deg[v]; p < deg[v + 1]; p++) {
        const w = adj[p];
        if (dist[w] === dist[v] + 1) delta[v] += (sigma[v] / sigma[w]) * (1 + delta[w]);
      }
      if (v !== s) cb[v] += delta[v];
    }
  }
  const scale = (n / k) * (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1);
  for (let i = 0; i < n; i++) cb[i] *= scale;
  return cb;
}
