import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Positions } from './types.ts';
import { seedPositions } from './layout.ts';

/**
 * Force-directed positions by ForceAtlas2 (Barnes-Hut above 500 nodes), from a fixed spiral
 * start so the same graph always gives the same picture. Synchronous: the app runs it in a
 * worker (layout.worker.ts); the bench and unit tests call it directly.
 */
export interface ForceInput {
  ids: string[];
  edges: { source: string; target: string; value: number }[];
  iterations?: number;
  /** Drawn diameters: on small graphs the layout keeps nodes from overlapping. */
  sizes?: Record<string, number>;
}

export function iterationsFor(nodes: number): number {
  // Fewer rounds on big graphs: each costs O(n log n) and the picture settles early.
  return nodes > 2000 ? 60 : nodes > 500 ? 120 : 300;
}

export function forceLayout({ ids, edges, iterations, sizes }: ForceInput): Positions {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const start = seedPositions(ids);
  for (const id of ids) g.addNode(id, { x: start[id].x, y: start[id].y, size: sizes?.[id] ?? 10 });
  const maxValue = Math.max(0, ...edges.map((e) => e.value));
  for (const e of edges) {
    if (e.source === e.target || !g.hasNode(e.source) || !g.hasNode(e.target)) continue;
    // Heavier flows pull harder, but an unvalued link still holds its ends together.
    const weight = 1 + (maxValue > 0 ? (4 * e.value) / maxValue : 0);
    if (g.hasEdge(e.source, e.target)) g.updateEdgeAttribute(e.source, e.target, 'weight', (w: number | undefined) => (w ?? 0) + weight);
    else g.addEdge(e.source, e.target, { weight });
  }
  if (g.order > 1) {
    const settings = forceAtlas2.inferSettings(g);
    const small = g.order <= 500;
    forceAtlas2.assign(g, {
      iterations: iterations ?? iterationsFor(g.order),
      getEdgeWeight: 'weight',
      settings: {
        ...settings,
        barnesHutOptimize: !small,
        // Small, dense graphs (a community overview) would otherwise collapse into a ball with
        // the unlinked ones far away: more repulsion, nodes kept apart, strong gravity.
        adjustSizes: small && sizes !== undefined,
        strongGravityMode: small,
        gravity: small ? 0.5 : settings.gravity,
        scalingRatio: small ? 20 : settings.scalingRatio,
        edgeWeightInfluence: small ? 0.5 : 1,
      },
    });
  }
  const out: Positions = {};
  g.forEachNode((id, a) => (out[id] = { x: a.x as number, y: a.y as number }));
  return normalise(out, spanFor(ids.length));
}

/** How wide a picture of n enterprises should be, in model units (≈ pixels at zoom 1). */
export function spanFor(n: number): number {
  return Math.max(500, 110 * Math.sqrt(n));
}

/**
 * ForceAtlas2's coordinates have no fixed scale: a small graph may come out a few units wide,
 * and cytoscape would then zoom in until nodes and labels overlap. Rescale to `span`.
 */
export function normalise(p: Positions, span: number): Positions {
  const ids = Object.keys(p);
  if (ids.length < 2) return p;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const id of ids) {
    x0 = Math.min(x0, p[id].x);
    x1 = Math.max(x1, p[id].x);
    y0 = Math.min(y0, p[id].y);
    y1 = Math.max(y1, p[id].y);
  }
  const k = span / (Math.max(x1 - x0, y1 - y0) || 1);
  const out: Positions = {};
  for (const id of ids) out[id] = { x: (p[id].x - x0) * k, y: (p[id].y - y0) * k };
  return out;
}
