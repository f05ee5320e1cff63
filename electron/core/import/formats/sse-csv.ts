import type { ColumnMapping, ParseOptions, ParsedFile, Parser } from '../types.ts';
import { decodeText, headText } from './decode.ts';
import { parseCsvText } from './csv-text.ts';
import { normaliseHeader } from './mapping.ts';
import { codesOf, text } from './record.ts';
import type { RawFields } from './record.ts';
import { parseTable } from './tabular.ts';

/**
 * The "SSE standard CSV" of the solidarity-economy maps (Mykomap, Co-operatives UK open data):
 * fixed English headers, ESSGLOBAL values as URIs, and a postcode centroid (`Geo Container
 * Latitude/Longitude`) standing in when the exact position is empty.
 */
export const SSE_CSV_COLUMNS = [
  'Identifier', 'Name', 'Description', 'Organisational Structure', 'Primary Activity', 'Activities',
  'Street Address', 'Locality', 'Region', 'Postcode', 'Country ID', 'Territory ID', 'Website', 'Phone',
  'Email', 'Twitter', 'Facebook', 'Companies House Number', 'Qualifiers', 'Membership Type', 'Latitude',
  'Longitude', 'Geo Container', 'Geo Container Latitude', 'Geo Container Longitude', 'Sector', 'SIC Section',
  'SIC Code', 'Ownership Classification', 'Legal Form',
] as const;

const FIELD_COLUMNS: Record<string, string> = {
  id: 'Identifier',
  name: 'Name',
  description: 'Description',
  organisationalStructure: 'Organisational Structure',
  street: 'Street Address',
  locality: 'Locality',
  region: 'Region',
  postcode: 'Postcode',
  country: 'Country ID',
  website: 'Website',
  phone: 'Phone',
  email: 'Email',
  qualifiers: 'Qualifiers',
  legalForm: 'Legal Form',
  // Not in the standard: written by Teia's own SSE CSV export so a round trip keeps them.
  solidarity: 'Solidarity',
  currencies: 'Currencies',
  networks: 'Networks',
};
const DERIVED_COLUMNS = ['Primary Activity', 'Activities', 'Latitude', 'Longitude', 'Geo Container Latitude', 'Geo Container Longitude'];

function looksLikeSseHeader(headers: readonly string[]): boolean {
  const set = new Set(headers.map(normaliseHeader));
  return set.has('identifier') && set.has('name') && ['geocontainer', 'primaryactivity', 'organisationalstructure', 'geocontainerlatitude'].some((h) => set.has(h));
}

export const sseCsvParser: Parser = {
  format: 'sse-csv',
  detect(content) {
    const head = headText(content);
    const firstLine = head.split(/\r\n|\n|\r/, 1)[0] ?? '';
    return looksLikeSseHeader(firstLine.split(/[,;\t]/).map((h) => h.replace(/^"|"$/g, '').trim()));
  },
  parse(content, options: ParseOptions): ParsedFile {
    const table = parseCsvText(decodeText(content).text);
    // Headers are matched loosely (case, spacing) and used as the file spells them.
    const actual = new Map(table.headers.map((h) => [normaliseHeader(h), h]));
    const col = (standard: string) => actual.get(normaliseHeader(standard));
    const mapping: ColumnMapping = {};
    for (const [field, standard] of Object.entries(FIELD_COLUMNS)) {
      const h = col(standard);
      if (h !== undefined) mapping[field] = h;
    }
    const [primary, others, lat, lon, geoLat, geoLon] = DERIVED_COLUMNS.map(col);
    const derive = (get: (header: string | undefined) => unknown): RawFields => {
      const hasExact = text(get(lat)) !== undefined && text(get(lon)) !== undefined;
      return {
        activities: [...codesOf(get(primary)), ...codesOf(get(others))],
        lat: get(hasExact ? lat : geoLat),
        lon: get(hasExact ? lon : geoLon),
      };
    };
    const consumed = [primary, others, lat, lon, geoLat, geoLon].filter((h): h is string => h !== undefined);
    const parsed = parseTable(
      'sse-csv',
      table.headers,
      table.records,
      { mapping, derive, consumed },
      options,
    );
    // Other ESSGLOBAL columns (Membership Type, Territory ID) kept as codes in `extra` too.
    for (const e of parsed.enterprises) {
      for (const [k, v] of Object.entries(e.extra ?? {})) {
        if (typeof v === 'string' && /\/essglobal\//.test(v)) e.extra![k] = codesOf(v).join(';');
      }
    }
    return parsed;
  },
};

