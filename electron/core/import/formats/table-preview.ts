import type { ImportFormat } from '../types.ts';
import { decodeText } from './decode.ts';
import { parseCsvText } from './csv-text.ts';
import { readXlsxSheets } from './xlsx.ts';
import { readOdsSheets } from './ods.ts';
import { dataSheets } from './workbook.ts';

const cellText = (c: unknown) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c));

export interface TablePreview {
  headers: string[];
  rows: string[][];
  /** The mapping step's first guess is `suggestMapping(headers)` (shared/domain/mapping.ts). */
}

/**
 * The header and first rows of a CSV-like file or workbook, read exactly as the parsers read
 * them (encoding fallback, delimiter guess, first sheet), for the import dialog's mapping
 * step. Null for formats that are not tables.
 */
export async function readTablePreview(content: Uint8Array, format: ImportFormat, maxRows = 10): Promise<TablePreview | null> {
  if (format === 'csv' || format === 'sse-csv') {
    // Enough of the file for the first rows even with long descriptions; a cut last row is dropped.
    const slice = content.length > 512 * 1024 ? content.subarray(0, 512 * 1024) : content;
    const table = parseCsvText(decodeText(slice).text);
    const records = slice === content ? table.records : table.records.slice(0, -1);
    return { headers: table.headers, rows: records.slice(0, maxRows).map((r) => r.cells) };
  }
  if (format === 'xlsx' || format === 'ods') {
    // The first sheet that holds data (a template opens with its instructions).
    const sheets = format === 'xlsx' ? await readXlsxSheets(content) : readOdsSheets(content);
    const first = dataSheets(sheets, {}).tables[0];
    if (!first) return { headers: [], rows: [] };
    return { headers: first.headers, rows: first.body.slice(0, maxRows).map((r) => first.headers.map((_, i) => cellText(r.cells[i]))) };
  }
  if (format === 'geojson') return geojsonTable(content, maxRows);
  return null;
}

/** GeoJSON as a table for the mapping step: the features' property names (first 2,000 features) and their first values. */
function geojsonTable(content: Uint8Array, maxRows: number): TablePreview | null {
  let doc: unknown;
  try {
    doc = JSON.parse(decodeText(content).text);
  } catch {
    return null;
  }
  const o = doc as { type?: unknown; features?: unknown; properties?: unknown };
  const features = o?.type === 'FeatureCollection' && Array.isArray(o.features) ? o.features : o?.type === 'Feature' ? [o] : [];
  const props = features.slice(0, 2000).map((f) => ((f as { properties?: unknown })?.properties ?? {}) as Record<string, unknown>);
  const headers = [...new Set(props.flatMap((p) => (p && typeof p === 'object' ? Object.keys(p) : [])))];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return { headers, rows: props.slice(0, maxRows).map((p) => headers.map((h) => cell(p[h]))) };
}
