import { useMemo } from 'react';
import Supercluster, { type ClusterProperties } from 'supercluster';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { bounds, toScreen, type View } from './mercator.ts';
import type { Drawn } from './draw.ts';

type Points = MethodOutput<'map-points'>;
interface PointProps {
  i: number;
  s: number;
}
interface ClusterProps {
  s: number;
}

/**
 * Clusters of the points for the view: built once per set of points (supercluster indexes
 * 100,000 points in well under a second), then asked for the clusters in the visible box at
 * the current zoom on every move. `extent: 256` makes its pixels our 256-pixel tiles.
 */
export function useClusterIndex(points: Points | undefined) {
  return useMemo(() => {
    if (!points) return null;
    const index = new Supercluster<PointProps, ClusterProps>({
      radius: 40,
      extent: 256,
      maxZoom: 16,
      map: (p) => ({ s: p.s }),
      reduce: (acc, p) => {
        acc.s += p.s;
      },
    });
    index.load(
      points.ids.map((_, i) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [points.lon[i], points.lat[i]] },
        properties: { i, s: points.solidarity[i] },
      })),
    );
    return index;
  }, [points]);
}

export type ClusterIndex = NonNullable<ReturnType<typeof useClusterIndex>>;

/** What to draw for the view, in screen pixels, big clusters last (on top). */
export function visibleItems(index: ClusterIndex | null, view: View | null, width: number, height: number): Drawn[] {
  if (!index || !view || !width || !height) return [];
  const [w, s, e, n] = bounds(view, width, height);
  // A margin of a cluster's radius so discs at the edge do not pop in and out.
  const padLon = ((e - w) * 40) / width;
  const padLat = ((n - s) * 40) / height;
  const features = index.getClusters([Math.max(-180, w - padLon), Math.max(-85, s - padLat), Math.min(180, e + padLon), Math.min(85, n + padLat)], Math.round(view.zoom));
  const out: Drawn[] = [];
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    const [x, y] = toScreen(view, width, height, lon, lat);
    const p = f.properties as Partial<ClusterProperties> & { s: number; i?: number };
    if (p.cluster) {
      const count = p.point_count ?? 0;
      out.push({ kind: 'cluster', x, y, r: Math.min(30, 12 + 4.5 * Math.log10(count)), clusterId: p.cluster_id!, count, solidarity: p.s, lon, lat });
    } else {
      out.push({ kind: 'point', x, y, r: 6, index: p.i!, lon, lat });
    }
  }
  return out.sort((a, b) => (a.kind === 'cluster' ? a.count : 1) - (b.kind === 'cluster' ? b.count : 1));
}
