import { readSheet } from 'read-excel-file/node';
import type { SheetData } from 'read-excel-file/node';
import type { ParseOptions, ParsedFile, Parser } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { uniqueHeaders } from './csv-text.ts';
import { parseMapped } from './csv.ts';
import type { TableRow } from './tabular.ts';
import { checkWorkbook } from './xlsx-guard.ts';

/**
 * The first sheet of an Excel workbook, read like a CSV with the same column mapping. The
 * header is the first row with two or more values (a title line above it is skipped and
 * reported); a row's line is its row number in the sheet.
 */
export const xlsxParser: Parser = {
  format: 'xlsx',
  detect(content) {
    // A zip (PK\x03\x04) whose entries include the workbook part xl/…; entry names are
    // stored uncompressed in the local headers, so a byte search finds them.
    if (content.length < 4 || content[0] !== 0x50 || content[1] !== 0x4b || content[2] !== 0x03 || content[3] !== 0x04) return false;
    return Buffer.from(content.buffer, content.byteOffset, content.byteLength).includes('xl/');
  },
  async parse(content, options: ParseOptions): Promise<ParsedFile> {
    let data: SheetData;
    checkWorkbook(content);
    try {
      data = await readSheet(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    } catch (error) {
      throw new TeiaError('invalid-input', `This file could not be read as an Excel workbook (.xlsx): ${(error as Error).message}. Old .xls files must be saved as .xlsx or CSV first.`);
    }
    const rows: TableRow[] = data.map((cells, i) => ({ cells: cells as TableRow['cells'], line: i + 1 }));
    const headerIndex = headerRowIndex(rows.map((r) => r.cells));
    if (headerIndex === -1) throw new TeiaError('invalid-input', 'The first sheet of this workbook is empty.');
    const headers = uniqueHeaders(rows[headerIndex].cells.map((c) => (c === null ? '' : String(c))));
    // Wholly empty rows in a sheet are spacing, not records: they are not counted as read.
    const body = rows.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''));
    const parsed = parseMapped('xlsx', headers, body, options);
    const skipped = rows.slice(0, headerIndex).filter((r) => filled(r.cells) > 0);
    if (skipped.length) parsed.warnings.push(`Rows above the header were taken as titles, not data (line ${skipped.map((r) => r.line).join(', ')}).`);
    return parsed;
  },
};

const filled = (cells: readonly unknown[]) => cells.filter((c) => c !== null && c !== undefined && String(c).trim() !== '').length;

/**
 * Sheets often open with a title line above the table: the header is the first row with two
 * or more values (or the first non-empty one in a one-column sheet); -1 for an empty sheet.
 */
export function headerRowIndex(rows: readonly (readonly unknown[])[]): number {
  const i = rows.findIndex((r) => filled(r) >= 2);
  return i !== -1 ? i : rows.findIndex((r) => filled(r) >= 1);
}
