import type { Near } from '../../../shared/contract/search.ts';

const EARTH_RADIUS_KM = 6371.0088; // ENGINE.md §2

/** Great-circle distance in kilometres (haversine, as the engine measures it). */
export function haversineKm(a: Near, b: Near): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceOrNull(near: Near | undefined, lat: number | null, lon: number | null): number | null {
  if (!near || lat === null || lon === null) return null;
  return haversineKm(near, { lat, lon });
}

/**
 * The grid-cell tags (1° cells, as the search index writes them: 'xc<lat+90>x<lon+180>') of
 * the cells around a point, `ring` cells out in each direction: ring 1 covers at least ~110 km
 * around it. Longitude wraps; latitude stops at the poles.
 */
export function cellTags(near: Near, ring: number): string[] {
  const tags: string[] = [];
  const lat0 = Math.floor(near.lat + 90);
  const lon0 = Math.floor(near.lon + 180);
  for (let dy = -ring; dy <= ring; dy++) {
    const y = lat0 + dy;
    if (y < 0 || y > 180) continue;
    for (let dx = -ring; dx <= ring; dx++) tags.push(`xc${y}x${(((lon0 + dx) % 360) + 360) % 360}`);
  }
  return tags;
}
