import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
// Country outlines shipped inside the app (world-atlas, ISC; Natural Earth, public domain):
// the map works with no network at all. 1:50m keeps coastlines readable at regional zooms.
import countries50m from 'world-atlas/countries-50m.json';

let cached: FeatureCollection | undefined;

export function countryOutlines(): FeatureCollection {
  if (!cached) {
    const topo = countries50m as unknown as Topology<{ countries: GeometryCollection }>;
    cached = feature(topo, topo.objects.countries) as FeatureCollection;
  }
  return cached;
}
