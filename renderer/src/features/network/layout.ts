import type { NetworkGraph, Point, Positions } from './types.ts';

/**
 * Layouts that need no simulation: geographic (lat/lon) and tiers (suppliers left, buyers
 * right). Pure and fast (linear), so they run on the UI thread even at 5,000 enterprises;
 * the force-directed layout runs in a worker (layout.worker.ts).
 */
/** Width of the map in model units: wider for more enterprises, so they spread at zoom 1. */
const spread = (n: number) => Math.max(800, 110 * Math.sqrt(n));

/**
 * Equirectangular projection scaled to a width that grows with the number of enterprises, with longitude
 * shrunk by cos(mean latitude) so a region keeps its shape. Enterprises without coordinates
 * line up in a row under the map, where they can still be seen and picked.
 */
export function geoLayout(graph: NetworkGraph): { positions: Positions; unplaced: number } {
  const placed = graph.nodes.filter((n) => n.lat !== null && n.lon !== null);
  const positions: Positions = {};
  if (placed.length) {
    const meanLat = placed.reduce((s, n) => s + n.lat!, 0) / placed.length;
    const k = Math.cos((meanLat * Math.PI) / 180);
    const xs = placed.map((n) => n.lon! * k);
    const ys = placed.map((n) => -n.lat!);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const span = Math.max(x1 - x0, y1 - y0) || 1;
    const size = spread(graph.nodes.length);
    placed.forEach((n, i) => (positions[n.id] = { x: ((xs[i] - x0) / span) * size, y: ((ys[i] - y0) / span) * size }));
  }
  const unplaced = graph.nodes.filter((n) => n.lat === null || n.lon === null);
  const bottom = Math.max(0, ...Object.values(positions).map((p) => p.y)) + 120;
  const perRow = Math.max(1, Math.ceil(Math.sqrt(unplaced.length * 4)));
  unplaced.forEach((n, i) => (positions[n.id] = { x: (i % perRow) * 60, y: bottom + Math.floor(i / perRow) * 60 }));
  return { positions, unplaced: unplaced.length };
}

/**
 * Tier of each enterprise: with a focus, the upstream distance the core computed; otherwise
 * the distance downstream to the nearest final buyer (an enterprise that sells to no one in
 * the graph). Enterprises only in a cycle get the tier after the deepest one.
 */
export function tiersOf(graph: NetworkGraph): Map<string, number> {
  const tiers = new Map<string, number>();
  if (graph.focus !== null) {
    const deepest = Math.max(0, ...graph.nodes.map((n) => n.tier ?? 0));
    for (const n of graph.nodes) tiers.set(n.id, n.tier ?? deepest + 1);
    return tiers;
  }
  const suppliersOf = new Map<string, string[]>();
  const sells = new Set<string>();
  for (const e of graph.edges) {
    if (e.source === e.target) continue;
    sells.add(e.source);
    const list = suppliersOf.get(e.target);
    if (list) list.push(e.source);
    else suppliersOf.set(e.target, [e.source]);
  }
  let frontier = graph.nodes.filter((n) => !sells.has(n.id)).map((n) => n.id);
  for (const id of frontier) tiers.set(id, 0);
  for (let t = 1; frontier.length; t++) {
    const next: string[] = [];
    for (const b of frontier) {
      for (const s of suppliersOf.get(b) ?? []) {
        if (!tiers.has(s)) {
          tiers.set(s, t);
          next.push(s);
        }
      }
    }
    frontier = next;
  }
  const deepest = Math.max(0, ...tiers.values());
  for (const n of graph.nodes) if (!tiers.has(n.id)) tiers.set(n.id, deepest + 1);
  return tiers;
}

/** Space for one enterprise and its name in the tiers layout (model units, ≈ pixels at zoom 1). */
const TIER_ROW = 34;
const TIER_COLUMN = 170;
/** Between two tiers: wider than between the columns of one tier, so the tiers read apart. */
const TIER_GAP = 120;

/**
 * Columns by tier, deepest suppliers on the left; in a tier, the biggest flows first. A tier
 * too tall for the panel wraps into several columns side by side, so that the whole picture
 * keeps about the panel's shape (`aspect`, width over height) instead of running off-screen in
 * one column (300 farms selling to 5 traders was one column 300 rows tall).
 */
export function tierLayout(graph: NetworkGraph, aspect = 1.8): Positions {
  const tiers = tiersOf(graph);
  const deepest = Math.max(0, ...tiers.values());
  const columns = new Map<number, typeof graph.nodes>();
  for (const n of graph.nodes) {
    const t = tiers.get(n.id)!;
    const col = columns.get(t);
    if (col) col.push(n);
    else columns.set(t, [n]);
  }
  const sizes = [...columns.values()].map((c) => c.length);
  const tallest = Math.max(1, ...sizes);
  // The fewest rows whose picture is no wider than the panel's shape allows.
  const widthFor = (rows: number) => sizes.reduce((w, n) => w + Math.ceil(n / rows) * TIER_COLUMN, 0) + (sizes.length - 1) * TIER_GAP;
  let rows = 1;
  while (rows < tallest && widthFor(rows) > aspect * rows * TIER_ROW) rows++;
  const positions: Positions = {};
  let x = 0;
  for (let t = deepest; t >= 0; t--) {
    const col = columns.get(t);
    if (!col) continue;
    col.sort((a, b) => Math.max(b.inValue, b.outValue) - Math.max(a.inValue, a.outValue) || (a.id < b.id ? -1 : 1));
    const inTier = Math.min(rows, col.length);
    const top = -((inTier - 1) * TIER_ROW) / 2;
    col.forEach((n, i) => (positions[n.id] = { x: x + Math.floor(i / rows) * TIER_COLUMN, y: top + (i % rows) * TIER_ROW }));
    x += Math.ceil(col.length / rows) * TIER_COLUMN + TIER_GAP;
  }
  return positions;
}

/** A deterministic starting point for the force layout: a sunflower spiral by id order. */
export function seedPositions(ids: string[]): Positions {
  const positions: Positions = {};
  const golden = Math.PI * (3 - Math.sqrt(5));
  ids.forEach((id, i) => {
    const r = 20 * Math.sqrt(i + 0.5);
    positions[id] = { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) } satisfies Point;
  });
  return positions;
}
