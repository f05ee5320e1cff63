import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { GraphNode, NetworkGraph } from './types.ts';
import { seededRandom } from '../../../../shared/engine/random.ts';

/**
 * The overview of a big scope: enterprises grouped by trading community (Louvain on the
 * undirected value-weighted graph, seeded so the same catalogue gives the same groups), one
 * node per group, links summed between groups. Cytoscape then draws tens of nodes instead of
 * thousands (bench/graph-render.ts: 5,000 enterprises drawn one by one took tens of seconds to
 * appear and seconds per frame here); a group opens to its own enterprises.
 */
export const GROUP_PREFIX = 'group:';


export function communitiesOf(ids: string[], edges: { source: string; target: string; value: number }[]): Record<string, number> {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of ids) g.addNode(id);
  for (const e of edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    const w = e.value > 0 ? e.value : 1e-6;
    if (g.hasEdge(e.source, e.target)) g.updateEdgeAttribute(e.source, e.target, 'weight', (x: number | undefined) => (x ?? 0) + w);
    else g.addEdge(e.source, e.target, { weight: w });
  }
  if (g.size === 0) return Object.fromEntries(ids.map((id, i) => [id, i]));
  return louvain(g, { getEdgeWeight: 'weight', rng: seededRandom(42) });
}

export interface GroupInfo {
  id: string;
  members: string[];
  /** Value-weighted share of the group's purchases from solidarity suppliers (null: none valued). */
  solidarityShare: number | null;
  /** The member moving the most value: the group's name. */
  lead: string;
}

/** Groups with one member stay themselves; the others become one node each. */
export function aggregate(graph: NetworkGraph, membership: Record<string, number>, name: (g: GroupInfo) => string): { graph: NetworkGraph; groups: Map<string, GroupInfo> } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const members = new Map<number, GraphNode[]>();
  for (const n of graph.nodes) {
    const c = membership[n.id] ?? -1;
    const list = members.get(c);
    if (list) list.push(n);
    else members.set(c, [n]);
  }
  const groupOf = new Map<string, string>();
  const groups = new Map<string, GroupInfo>();
  const nodes: GraphNode[] = [];
  const value = (n: GraphNode) => Math.max(n.inValue, n.outValue);
  for (const [c, list] of [...members.entries()].sort((a, b) => a[0] - b[0])) {
    if (list.length === 1) {
      groupOf.set(list[0].id, list[0].id);
      nodes.push(list[0]);
      continue;
    }
    const id = `${GROUP_PREFIX}${c}`;
    list.sort((a, b) => value(b) - value(a) || (a.id < b.id ? -1 : 1));
    for (const n of list) groupOf.set(n.id, id);
    groups.set(id, { id, members: list.map((n) => n.id), solidarityShare: null, lead: list[0].name });
  }
  // Purchases into each group, by supplier status: the group's colour.
  const bought = new Map<string, { all: number; solidarity: number }>();
  const pairs = new Map<string, { source: string; target: string; value: number; flows: number; unvalued: number; products: Set<string> }>();
  for (const e of graph.edges) {
    const s = groupOf.get(e.source);
    const t = groupOf.get(e.target);
    if (!s || !t) continue;
    const b = bought.get(t) ?? { all: 0, solidarity: 0 };
    b.all += e.value;
    if (byId.get(e.source)?.solidarity) b.solidarity += e.value;
    bought.set(t, b);
    if (s === t) continue;
    const key = `${s}\u0000${t}`;
    const p = pairs.get(key) ?? { source: s, target: t, value: 0, flows: 0, unvalued: 0, products: new Set<string>() };
    p.value += e.value;
    p.flows += e.flows;
    p.unvalued += e.unvalued;
    for (const x of e.products) p.products.add(x);
    pairs.set(key, p);
  }
  for (const g of groups.values()) {
    const b = bought.get(g.id);
    g.solidarityShare = b && b.all > 0 ? b.solidarity / b.all : null;
    const list = g.members.map((id) => byId.get(id)!);
    const located = list.filter((n) => n.lat !== null && n.lon !== null);
    nodes.push({
      id: g.id,
      name: name(g),
      solidarity: (g.solidarityShare ?? 0) >= 0.5,
      lat: located.length ? located.reduce((s, n) => s + n.lat!, 0) / located.length : null,
      lon: located.length ? located.reduce((s, n) => s + n.lon!, 0) / located.length : null,
      member: list.some((n) => n.member),
      inValue: list.reduce((s, n) => s + n.inValue, 0),
      outValue: list.reduce((s, n) => s + n.outValue, 0),
      tier: null,
    });
  }
  const edges = [...pairs.values()]
    .map((p) => ({ ...p, products: [...p.products].sort().slice(0, 20) }))
    .sort((a, b) => (a.source + '>' + a.target < b.source + '>' + b.target ? -1 : 1));
  return {
    graph: { ...graph, nodes: nodes.sort((a, b) => (a.id < b.id ? -1 : 1)), edges, totals: graph.totals, truncated: false },
    groups,
  };
}

/** One group's own enterprises and the links among them (its inside view). */
export function subgraph(graph: NetworkGraph, ids: Set<string>): NetworkGraph {
  return { ...graph, nodes: graph.nodes.filter((n) => ids.has(n.id)), edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** The n enterprises moving the most value (and the links among them); `keep` always stays. */
export function topByValue(graph: NetworkGraph, n: number, keep: string | null = null): NetworkGraph {
  if (graph.nodes.length <= n) return graph;
  const value = (x: GraphNode) => Math.max(x.inValue, x.outValue);
  const kept = new Set(
    [...graph.nodes]
      .sort((a, b) => (a.id === keep ? -1 : b.id === keep ? 1 : value(b) - value(a) || (a.id < b.id ? -1 : 1)))
      .slice(0, n)
      .map((x) => x.id),
  );
  return { ...subgraph(graph, kept), truncated: true };
}

/** Keeps the m links carrying the most value: between communities, most links are thin. */
export function topEdges(graph: NetworkGraph, m: number): NetworkGraph {
  if (graph.edges.length <= m) return graph;
  const edges = [...graph.edges].sort((a, b) => b.value - a.value || (a.source + '>' + a.target < b.source + '>' + b.target ? -1 : 1)).slice(0, m);
  return { ...graph, edges };
}
