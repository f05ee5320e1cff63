import readXlsxFile from 'read-excel-file/node';
import type { ParseOptions, ParsedFile, Parser } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import type { TableRow } from './tabular.ts';
import { parseWorkbook, type WorkbookSheet } from './workbook.ts';
import { checkWorkbook } from './xlsx-guard.ts';

export { headerRowIndex } from './workbook.ts';

/**
 * An Excel workbook: one sheet read like a CSV with the same column mapping, or several
 * sheets of different records (workbook.ts). The header is the first row with two or more
 * values; a row's line is its row number in the sheet. Formulas give the value Excel saved
 * with them; a merged cell's value is in its first cell only (the others read as empty).
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
    return parseWorkbook('xlsx', await readXlsxSheets(content), options);
  },
};

export async function readXlsxSheets(content: Uint8Array): Promise<WorkbookSheet[]> {
  checkWorkbook(content);
  try {
    const sheets = await readXlsxFile(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((cells, i) => ({ cells: cells as TableRow['cells'], line: i + 1 })) }));
  } catch (error) {
    throw new TeiaError('invalid-input', `This file could not be read as an Excel workbook (.xlsx): ${(error as Error).message}. Old .xls files must be saved as .xlsx or CSV first.`);
  }
}
