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
  // Node set and aggregated pairs (supplier → buyer), flows with an end in scope.
  const local = new Map<number, number>(); // enterprise → local index
  const nodes: number[] = [];
  const add = (e: number) => {
    let i = local.get(e);
    if (i === undefined) {
      i = nodes.length;
      local.set(e, i);
      nodes.push(e);
    }
    return i;
  };
  for (const b of members) add(b);
  const F = m.flows;
  const pairs = new Map<number, number>(); // s·2³²+t → position in pairList
  const pairList: [number, number, number][] = [];
  const collect = (f: number) => {
    const s = add(F.supplier[f]);
    const t = add(F.buyer[f]);
    const v = F.value[f];
    const key = s * 4294967296 + t;
    const prev = pairs.get(key);
    const w = Number.isNaN(v) ? 0 : v;
    if (prev === undefined) {
      pairs.set(key, pairList.length);
      pairList.push([s, t, w]);
    } else pairList[prev][2] += w;
  };
  for (const b of members) {
    for (const f of F.into[b]) collect(f);
    for (const f of F.outOf[b]) if (!isMember[F.buyer[f]]) collect(f);
  }
  return {
    communities: communities(m, nodes, pairList, seed, opts.graphologyLouvainUpTo ?? 50_000),
    betweenness: betweenness(m, nodes, pairList, seed, opts),
  };
}

function communities(m: EngineModel, nodes: number[], pairs: [number, number, number][], seed: number, graphologyUpTo: number): Communities {
  const ids = m.ent.ids;
  // Merge both directions of a pair first, so the graph gets one addEdge per pair.
  const n = nodes.length;
  const weight = new Map<number, number>();
  for (const [s, t, w] of pairs) {
    if (s === t || !(w > 0)) continue;
    const key = s < t ? s * n + t : t * n + s;
    weight.set(key, (weight.get(key) ?? 0) + w);
  }
  let raw: Record<string, number>;
  let modularity = 0;
  let method: Communities['method'];
  if (weight.size <= graphologyUpTo) {
    method = 'graphology-louvain';
    const g = new UndirectedGraph<Record<string, never>, { weight: number }>();
    for (const e of nodes) g.addNode(ids[e]);
    for (const [key, w] of weight) {
      const a = Math.floor(key / n);
      g.addUndirectedEdge(ids[nodes[a]], ids[nodes[key - a * n]], { weight: w });
    }
    if (g.size > 0) {
      const detail = louvain.detailed(g, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
      raw = detail.communities;
      modularity = detail.modularity;
    } else raw = Object.fromEntries(g.nodes().map((id, i) => [id, i]));
  } else {
    method = 'array-louvain';
    const s = new Int32Array(weight.size);
    const t = new Int32Array(weight.size);
    const w = new Float64Array(weight.size);
    let k = 0;
    for (const [key, x] of weight) {
      s[k] = Math.floor(key / n);
      t[k] = key - s[k] * n;
      w[k++] = x;
    }
    const r = louvainArrays(n, { s, t, w }, seededRandom(seed));
    raw = {};
    for (let i = 0; i < n; i++) raw[ids[nodes[i]]] = r.community[i];
    modularity = r.modularity;
  }
  // Renumber by each community's smallest member id, so numbers do not depend on Louvain's internals.
  const first = new Map<number, string>();
  for (const [id, c] of Object.entries(raw)) if (!first.has(c) || cmpId(id, first.get(c)!) < 0) first.set(c, id);
  const order = [...first.entries()].sort((a, b) => cmpId(a[1], b[1])).map(([c]) => c);
  const renum = new Map(order.map((c, i) => [c, i]));
  const membership: Record<string, number> = {};
  for (const id of [...Object.keys(raw)].sort(cmpId)) membership[id] = renum.get(raw[id])!;
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
  if (n <= exactUpTo) {
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
