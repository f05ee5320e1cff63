import Papa from 'papaparse';

export interface FileTable {
  headers: string[];
  rows: string[][];
}

/** field → column header (any record kind's fields). */
export type Mapping = Partial<Record<string, string>>;

/** The file's bytes as base64, the form the contract carries (same door in desktop and browser). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/**
 * The header and first rows, read here when the core gives no table (an Excel sheet, or a
 * CSV whose columns it could not map yet): the mapping step needs the headers either way.
 */
export async function localTable(file: File, format: string, maxRows = 10): Promise<FileTable | null> {
  if (format === 'csv' || format === 'sse-csv') {
    const text = (await file.slice(0, 256 * 1024).text()).replace(/^\uFEFF/, '');
    const result = Papa.parse<string[]>(text, { preview: maxRows + 1, skipEmptyLines: true });
    const [headers = [], ...rows] = result.data;
    return { headers, rows };
  }
  if (format === 'xlsx') {
    // Loaded only when someone imports a spreadsheet: most people never need it.
    const { readSheet } = await import('read-excel-file/browser');
    const data = await readSheet(file);
    const text = (c: unknown) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c));
    const nonEmpty = data.map((r) => r.map(text)).filter((r) => r.some((c) => c.trim() !== ''));
    const [headers = [], ...rows] = nonEmpty;
    return { headers, rows: rows.slice(0, maxRows) };
  }
  return null;
}

/** Only the fields that name a column: the contract's mapping (field → header). */
export function cleanMapping(mapping: Mapping): Record<string, string> {
  // Also for constants: a field given no value is not sent.
  return Object.fromEntries(Object.entries(mapping).filter(([, h]) => Boolean(h))) as Record<string, string>;
}

