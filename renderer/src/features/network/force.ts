import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import louvain from 'graphology-communities-louvain';
import type { Positions } from './types.ts';
import { seedPositions } from './layout.ts';
import { seededRandom } from '../../../../shared/engine/random.ts';

/**
 * Force-directed positions by ForceAtlas2, deterministic so the same graph always gives the
 * same picture. Synchronous: the app runs it in a worker (layout.worker.ts); the bench and unit
 * tests call it directly.
 * Up to 500 nodes: from a fixed spiral, until settled. Above: each trading community (Louvain)
 * starts as its own disc, hubs in the middle, and ForceAtlas2 (Barnes-Hut) only loosens the
 * picture for a few rounds. From a spiral, 60 rounds at 5,000 enterprises cost 2–2.6 s of CPU
 * and still gave one undifferentiated ball; the seeded start shows the communities at once,
 * for Louvain's ~0.3 s.
 */
export interface ForceInput {
  ids: string[];
  edges: { source: string; target: string; value: number }[];
  iterations?: number;
  /** Drawn diameters: on small graphs the layout keeps nodes from overlapping. */
  sizes?: Record<string, number>;
}

export function iterationsFor(nodes: number): number {
  // Fewer rounds on big graphs: each costs O(n log n), and the community start is already a picture.
  return nodes > 2000 ? 3 : nodes > 500 ? 20 : 300;
}

/** Above this many nodes the layout starts from communities (see forceLayout). */
const SEEDED = 500;

/** Each community a sunflower disc (its best-connected members in the middle), discs on a spiral by size. */
function communitySeed(g: Graph): void {
  const membership = louvain(g, { getEdgeWeight: 'weight', rng: seededRandom(42) });
  const members = new Map<number, string[]>();
  g.forEachNode((id) => {
    const list = members.get(membership[id]);
    if (list) list.push(id);
    else members.set(membership[id], [id]);
  });
  const golden = Math.PI * (3 - Math.sqrt(5));
  const spacing = 20;
  let area = 0;
  [...members.values()]
    .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1))
    .forEach((list, i) => {
      // The centre moves out with the area already used, so discs seldom overlap.
      const r = spacing * 1.3 * Math.sqrt(area + list.length / 2);
      area += list.length;
      const cx = r * Math.cos(i * golden);
      const cy = r * Math.sin(i * golden);
      list.sort((a, b) => g.degree(b) - g.degree(a) || (a < b ? -1 : 1));
      list.forEach((id, j) => {
        const rr = spacing * Math.sqrt(j + 0.5);
        g.mergeNodeAttributes(id, { x: cx + rr * Math.cos(j * golden), y: cy + rr * Math.sin(j * golden) });
      });
    });
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
  if (g.order > SEEDED && g.size > 0) communitySeed(g);
  if (g.order > 1) {
    const settings = forceAtlas2.inferSettings(g);
    const small = g.order <= SEEDED;
    forceAtlas2.assign(g, {
      iterations: iterations ?? iterationsFor(g.order),
      getEdgeWeight: 'weight',
      settings: {
        ...settings,
        barnesHutOptimize: !small,
        // Coarser Barnes-Hut cells (default 0.5): a third of the cost per round, no visible difference here.
        barnesHutTheta: small ? 0.5 : 1.2,
        // Small steps from the community start: loosen the discs, do not scramble them.
        slowDown: small ? settings.slowDown ?? 1 : 10,
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
