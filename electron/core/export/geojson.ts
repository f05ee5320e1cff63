import type { Exporter } from './types.ts';
import { readPackage } from '../catalogue/read-package.ts';
import type { Enterprise, TeiaPackage } from '../../../shared/domain/package.ts';

/**
 * Enterprises as a GeoJSON FeatureCollection (RFC 7946): a Point at [lon, lat], or a null
 * geometry for an enterprise with no position (still exported: leaving it out would lose
 * it). Properties use the package's field names, so Teia's GeoJSON import reads them back.
 */
export function exportGeojson(pkg: TeiaPackage): string {
  const features = (pkg.enterprises ?? []).map((e) => {
    const { lat, lon, ...properties } = e as Enterprise;
    const geometry = lat !== undefined && lon !== undefined ? { type: 'Point', coordinates: [lon, lat] } : null;
    return { type: 'Feature', id: e.id, geometry, properties };
  });
  const collection: Record<string, unknown> = { type: 'FeatureCollection' };
  if (pkg.name) collection.name = pkg.name;
  collection.features = features;
  return JSON.stringify(collection, null, 1) + '\n';
}

export const geojsonExporter: Exporter = {
  format: 'geojson',
  extension: 'geojson',
  mimeType: 'application/geo+json',
  write: (db) => exportGeojson(readPackage(db)),
};
