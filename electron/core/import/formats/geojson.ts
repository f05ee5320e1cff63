import type { ParseOptions, ParsedFile, Parser } from '../types.ts';
import { emptyParsedFile } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { headText } from './decode.ts';
import { isObject, readJson } from './json.ts';
import type { MappableField } from './mapping.ts';
import { isMappableField, suggestMapping } from './mapping.ts';
import type { RawFields } from './record.ts';
import { buildEnterprise, IdAllocator, Notes, text } from './record.ts';

/**
 * GeoJSON (RFC 7946): each Point feature is an enterprise. Properties named like package
 * fields (as Teia's own GeoJSON export writes them) are read as those fields; otherwise the
 * name comes from `name`/`title`/`label` (and other fields from the usual header names); all
 * remaining properties are kept as the enterprise's source attributes. A feature with no
 * geometry is kept without a position; a line or polygon is rejected (it is not a place).
 * `line` is the feature's 1-based index.
 */
export const geojsonParser: Parser = {
  format: 'geojson',
  detect(content) {
    const head = headText(content);
    return /^\s*\{/.test(head) && /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(head);
  },
  parse(content, options: ParseOptions): ParsedFile {
    const doc = readJson(content, 'GeoJSON');
    let features: unknown[];
    if (isObject(doc) && doc.type === 'FeatureCollection' && Array.isArray(doc.features)) features = doc.features;
    else if (isObject(doc) && doc.type === 'Feature') features = [doc];
    else throw new TeiaError('invalid-input', 'This GeoJSON has no features: expected a FeatureCollection or a Feature.');

    const out = emptyParsedFile('geojson');
    const notes = new Notes();
    const ids = new IdAllocator();
    const columnFields: Record<string, string> = {};
    features.forEach((feature, index) => {
      const line = index + 1;
      out.rowsRead++;
      if (!isObject(feature) || feature.type !== 'Feature') {
        out.rejected.push({ line, reason: 'It is not a GeoJSON Feature.' });
        return;
      }
      const props = isObject(feature.properties) ? feature.properties : {};
      const { raw, used } = fieldsFromProperties(props, columnFields, options.mapping);
      if (raw.id === undefined && (typeof feature.id === 'string' || typeof feature.id === 'number')) raw.id = String(feature.id);

      const geometry = feature.geometry;
      if (geometry === null || geometry === undefined) {
        if (raw.lat === undefined) notes.add('Feature has no geometry; kept without a position', line);
      } else {
        const point = pointOf(geometry);
        if (!point) {
          const kind = isObject(geometry) && typeof geometry.type === 'string' ? geometry.type : 'not a geometry';
          out.rejected.push({ line, record: typeof raw.name === 'string' ? raw.name : undefined, reason: `Its geometry is ${kind}, not a Point: only places can be enterprises.` });
          return;
        }
        [raw.lon, raw.lat] = point;
      }
      const extra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(props)) if (!used.has(k) && v !== null && v !== '') extra[k] = v;
      const result = buildEnterprise(raw, line, extra, ids, notes);
      if (result.sourced) out.enterprises.push(result.sourced);
      else if (result.rejected) out.rejected.push(result.rejected);
    });
    out.warnings.push(...notes.warnings());
    out.columnFields = columnFields;
    return out;
  },
};

/**
 * OpenStreetMap's tags, as Overpass and most OSM exports write them into properties: the
 * address under `addr:*` (a street is its name and house number), contacts under `contact:*`
 * or bare, and a name per language under `name:xx` when there is no plain `name`.
 */
function osmFields(props: Record<string, unknown>, raw: RawFields, used: Set<string>, columnFields: Record<string, string>): void {
  const first = (field: MappableField, keys: string[]) => {
    if (raw[field] !== undefined) return;
    const k = keys.find((key) => text(props[key]) !== undefined);
    if (k === undefined) return;
    raw[field] = props[k];
    used.add(k);
    columnFields[k] = field;
  };
  const street = text(props['addr:street']);
  if (raw.street === undefined && street !== undefined) {
    const number = text(props['addr:housenumber']);
    raw.street = number ? `${street} ${number}` : street;
    used.add('addr:street');
    columnFields['addr:street'] = 'street';
    if (number) used.add('addr:housenumber');
  }
  first('locality', ['addr:city', 'addr:town', 'addr:village', 'addr:hamlet', 'addr:municipality']);
  first('postcode', ['addr:postcode']);
  first('region', ['addr:state', 'addr:province', 'addr:region']);
  first('country', ['addr:country']);
  first('email', ['contact:email', 'email']);
  first('phone', ['contact:phone', 'phone', 'contact:mobile', 'mobile']);
  first('website', ['contact:website', 'website', 'url', 'contact:url']);
  first('name', Object.keys(props).filter((k) => /^name:[a-z]{2,3}$/.test(k)).sort());
}

/** A given mapping first (`--map`), then package field names, OSM's tags, the usual aliases (`title`, `label`, `Nome`…). */
function fieldsFromProperties(props: Record<string, unknown>, columnFields: Record<string, string>, mapping?: Record<string, string>): { raw: RawFields; used: Set<string> } {
  const raw: RawFields = {};
  const used = new Set<string>();
  for (const [field, key] of Object.entries(mapping ?? {})) {
    if (!isMappableField(field) || !(key in props)) continue;
    raw[field] = props[key];
    used.add(key);
    columnFields[key] = field;
    // The mapping step names addr:street; its house number goes with it, as by default.
    const number = key === 'addr:street' ? text(props['addr:housenumber']) : undefined;
    if (number !== undefined && text(props[key]) !== undefined) {
      raw[field] = `${text(props[key])} ${number}`;
      used.add('addr:housenumber');
    }
  }
  for (const [k, v] of Object.entries(props)) {
    if (isMappableField(k) && raw[k] === undefined) {
      raw[k] = v;
      used.add(k);
      columnFields[k] = k;
    }
  }
  osmFields(props, raw, used, columnFields);
  const suggested = suggestMapping(Object.keys(props).filter((k) => !used.has(k)));
  for (const [field, key] of Object.entries(suggested)) {
    if (raw[field as MappableField] === undefined) {
      raw[field as MappableField] = props[key];
      used.add(key);
      columnFields[key] = field;
    }
  }
  return { raw, used };
}

/** [lon, lat] of a Point (or a MultiPoint of one point), else undefined. */
function pointOf(geometry: unknown): [unknown, unknown] | undefined {
  if (!isObject(geometry)) return undefined;
  const c = geometry.coordinates;
  if (geometry.type === 'Point' && Array.isArray(c) && c.length >= 2) return [c[0], c[1]];
  if (geometry.type === 'MultiPoint' && Array.isArray(c) && c.length === 1 && Array.isArray(c[0]) && c[0].length >= 2) return [c[0][0], c[0][1]];
  return undefined;
}
