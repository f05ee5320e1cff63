/**
 * The points a first map view should fit (issue 15): where most enterprises are, leaving out
 * the few far from all the others, which would otherwise zoom the map out to a continent. A
 * robust box: the 5th to 95th percentile of latitude and of longitude, widened by its own
 * size on every side (so the edge of a region is kept); points outside it are outliers. Pure,
 * so a unit test checks it. "Show everything" still fits every point.
 */
const LOW = 0.05;
const HIGH = 0.95;
const WIDEN = 1;
/** Below this many points every point counts: there is no "most" to speak of. */
const MIN_POINTS = 8;

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** Indices of the points inside the robust box (all of them when few or none are far). */
export function corePoints(lons: readonly number[], lats: readonly number[]): number[] {
  const all = lons.map((_, i) => i);
  if (lons.length < MIN_POINTS) return all;
  const box = (values: readonly number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const lo = quantile(sorted, LOW);
    const hi = quantile(sorted, HIGH);
    // A tiny spread (a town) still keeps a few kilometres either side.
    const pad = Math.max((hi - lo) * WIDEN, 0.05);
    return [lo - pad, hi + pad] as const;
  };
  const [w, e] = box(lons);
  const [s, n] = box(lats);
  const inside = all.filter((i) => lons[i] >= w && lons[i] <= e && lats[i] >= s && lats[i] <= n);
  return inside.length ? inside : all;
}
