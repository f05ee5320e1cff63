import Papa from 'papaparse';
import type { ImportFormat } from './types.ts';

export interface PreviewTable {
  headers: string[];
  rows: string[][];
}

/** The header and first rows of a CSV-like file, for the import dialog to show before mapping. */
export function previewTable(content: Uint8Array, format: ImportFormat, maxRows = 10): PreviewTable | null {
  if (format !== 'csv' && format !== 'sse-csv') return null;
  // Enough of the file for ten rows even with long descriptions; a cut last row is dropped.
  const text = new TextDecoder().decode(content.subarray(0, 256 * 1024)).replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(text, { preview: maxRows + 1, skipEmptyLines: true });
  const [headers = [], ...rows] = result.data;
  return { headers, rows: rows.slice(0, maxRows) };
}
