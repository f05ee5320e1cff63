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
}

export function iterationsFor(nodes: number): number {
  // Fewer rounds on big graphs: each costs O(n log n) and the picture settles early.
  return nodes > 2000 ? 60 : nodes > 500 ? 120 : 300;
}

export function forceLayout({ ids, edges, iterations }: ForceInput): Positions {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const start = seedPositions(ids);
  for (const id of ids) g.addNode(id, { x: start[id].x, y: start[id].y });
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
    forceAtlas2.assign(g, {
      iterations: iterations ?? iterationsFor(g.order),
      getEdgeWeight: 'weight',
      settings: { ...settings, barnesHutOptimize: g.order > 500, adjustSizes: false, edgeWeightInfluence: 1 },
    });
  }
  const out: Positions = {};
  g.forEachNode((id, a) => (out[id] = { x: a.x as number, y: a.y as number }));
  return out;
}
