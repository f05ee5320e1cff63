import type { GraphNode, NetworkGraph, Positions, ProposedLink, ViewEdge, ViewElement, ViewNode } from './types.ts';

/**
 * The view graph, separate from the domain graph (ARCHITECTURE rule 7): a pure function from
 * the catalogue's flow graph (and any proposed substitutions) to cytoscape elements.
 * Enterprises are sized by the value flowing through them, coloured by solidarity (and
 * shaped, so colour is never the only sign); links from non-solidarity suppliers are marked,
 * proposed substitutions dashed. Labels stay plain text: cytoscape paints them on a canvas.
 */
export const NODE_MIN = 14;
export const NODE_MAX = 64;
export const EDGE_MIN = 1;
export const EDGE_MAX = 12;

export interface MapOptions {
  proposed?: ProposedLink[];
  focus?: string | null;
}

/** Square-root scale: area, not diameter, grows with value (what the eye compares). */
export function scale(value: number, max: number, lo: number, hi: number): number {
  if (!(max > 0) || !(value > 0)) return lo;
  return lo + (hi - lo) * Math.sqrt(Math.min(value, max) / max);
}

export function nodeValue(n: { inValue: number; outValue: number }): number {
  return Math.max(n.inValue, n.outValue);
}

export function toElements(graph: NetworkGraph, positions: Positions, options: MapOptions = {}): ViewElement[] {
  const proposed = options.proposed ?? [];
  // Sized by value; when no flow carries a value (a chain typed from lots or a registry), by the
  // number of links instead, so hubs still stand out from the enterprises around them.
  let maxNode = 0;
  for (const n of graph.nodes) maxNode = Math.max(maxNode, nodeValue(n));
  const degree = new Map<string, number>();
  if (maxNode === 0) for (const e of graph.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const maxDegree = Math.max(0, ...degree.values());
  const sizeOf = (n: GraphNode) => (maxNode > 0 ? scale(nodeValue(n), maxNode, NODE_MIN, NODE_MAX) : scale((degree.get(n.id) ?? 0) - 1, maxDegree - 1, NODE_MIN, NODE_MAX));
  let maxEdge = 0;
  for (const e of graph.edges) maxEdge = Math.max(maxEdge, e.value);
  for (const p of proposed) maxEdge = Math.max(maxEdge, p.value);
  const solidarity = new Map(graph.nodes.map((n) => [n.id, n.solidarity]));
  const nodes: ViewNode[] = graph.nodes.map((n) => {
    const value = nodeValue(n);
    const classes = [n.solidarity ? 'solidarity' : 'other', n.member ? 'member' : 'outside'];
    if (options.focus === n.id) classes.push('focus');
    return {
      group: 'nodes',
      data: { id: n.id, label: n.name, size: sizeOf(n), value, solidarity: n.solidarity, member: n.member },
      position: positions[n.id] ?? { x: 0, y: 0 },
      classes: classes.join(' '),
    };
  });
  const edges: ViewEdge[] = graph.edges.map((e) => ({
    group: 'edges',
    data: {
      id: `e:${e.source}>${e.target}`,
      source: e.source,
      target: e.target,
      value: e.value,
      width: scale(e.value, maxEdge, EDGE_MIN, EDGE_MAX),
      products: e.products.join(', '),
    },
    classes: solidarity.get(e.source) ? 'solidarity-link' : 'non-solidarity',
  }));
  const present = new Set(graph.nodes.map((n) => n.id));
  for (const p of proposed) {
    // A substitute outside the drawn graph cannot be drawn; the planner lists it anyway.
    if (!present.has(p.source) || !present.has(p.target)) continue;
    edges.push({
      group: 'edges',
      data: { id: `p:${p.source}>${p.target}`, source: p.source, target: p.target, value: p.value, width: scale(p.value, maxEdge, EDGE_MIN, EDGE_MAX), products: '' },
      classes: 'proposed',
    });
  }
  return [...nodes, ...edges];
}

/**
 * Adds the new suppliers of proposed substitutions that the graph does not hold yet (a
 * substitute is often outside the chain drawn), one tier above the buyer they would serve.
 */
export function withProposed(graph: NetworkGraph, proposed: ProposedLink[]): NetworkGraph {
  const present = new Map(graph.nodes.map((n) => [n.id, n]));
  const extra: GraphNode[] = [];
  for (const p of proposed) {
    if (present.has(p.source) || p.sourceName === undefined) continue;
    const buyer = present.get(p.target);
    if (!buyer) continue;
    const node: GraphNode = {
      id: p.source,
      name: p.sourceName,
      solidarity: p.sourceSolidarity ?? true,
      lat: p.sourceLat ?? null,
      lon: p.sourceLon ?? null,
      // Drawn at full strength: a proposal is not "outside" the picture.
      member: buyer.member,
      inValue: 0,
      outValue: p.value,
      tier: buyer.tier === null ? null : buyer.tier + 1,
    };
    extra.push(node);
    present.set(p.source, node);
  }
  return extra.length ? { ...graph, nodes: [...graph.nodes, ...extra] } : graph;
}
