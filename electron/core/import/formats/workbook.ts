import type { ImportFormat, ParseOptions, ParsedFile } from '../types.ts';
import { emptyParsedFile } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { detectKind, kindOfSheetName, type RecordKind } from '../../../../shared/domain/kinds.ts';
import { normaliseHeader, suggestMapping } from '../../../../shared/domain/mapping.ts';
import { uniqueHeaders } from './csv-text.ts';
import { parseMapped } from './csv.ts';
import type { TableRow } from './tabular.ts';

/**
 * A workbook's sheets (XLSX or ODS), read as one file: each sheet a table of one record kind,
 * told by its name in any of the four languages (Kumu's Elements/Connections too) or by its
 * columns. Sheets of instructions or lists are left out and said so. Records of every sheet
 * land together in one ParsedFile, so the import is one transaction and flows can name the
 * enterprises of the enterprises sheet. A workbook of one sheet reads as before (one table).
 */
export interface WorkbookSheet {
  name: string;
  rows: TableRow[];
}

/** Sheets a template carries for people, not for data. */
const notData = new Set(['instructions', 'instrucoes', 'instrucciones', 'lists', 'listas', 'listes', 'readme', 'leiame', 'leeme', 'lisezmoi', 'notes', 'notas']);

const filled = (cells: readonly unknown[]) => cells.filter((c) => c !== null && c !== undefined && String(c).trim() !== '').length;

/** The header is the first row with two or more values (a title line above it is skipped). */
export function headerRowIndex(rows: readonly (readonly unknown[])[]): number {
  const i = rows.findIndex((r) => filled(r) >= 2);
  return i !== -1 ? i : rows.findIndex((r) => filled(r) >= 1);
}

export interface SheetTable {
  name: string;
  kind: RecordKind;
  headers: string[];
  body: TableRow[];
  titleLines: number[];
}

/** The sheets that hold records, with their kind and header; the others with why not. */
export function dataSheets(sheets: readonly WorkbookSheet[], options: ParseOptions): { tables: SheetTable[]; skipped: string[] } {
  const tables: SheetTable[] = [];
  const skipped: string[] = [];
  for (const sheet of sheets) {
    const given = options.sheets?.[sheet.name];
    if (notData.has(normaliseHeader(sheet.name)) && !given) {
      skipped.push(sheet.name);
      continue;
    }
    const headerIndex = headerRowIndex(sheet.rows.map((r) => r.cells));
    if (headerIndex === -1) {
      if (sheets.length > 1) skipped.push(sheet.name);
      continue;
    }
    const headers = uniqueHeaders(sheet.rows[headerIndex].cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c))));
    const named = kindOfSheetName(sheet.name);
    let kind = given?.kind ?? (sheets.length === 1 ? options.kind : undefined) ?? named ?? detectKind(headers);
    if (!given && !named && sheets.length > 1 && kind === 'enterprises' && !suggestMapping(headers).name) {
      skipped.push(sheet.name);
      continue;
    }
    if (sheets.length === 1 && options.kind) kind = options.kind;
    // Wholly empty rows in a sheet are spacing, not records: they are not counted as read.
    const body = sheet.rows.slice(headerIndex + 1).filter((r) => filled(r.cells) > 0);
    const titleLines = sheet.rows.slice(0, headerIndex).filter((r) => filled(r.cells) > 0).map((r) => r.line);
    tables.push({ name: sheet.name, kind, headers, body, titleLines });
  }
  return { tables, skipped };
}

/** Reads the data sheets into one ParsedFile: enterprises first, then products, currencies, offers, needs, flows. */
export function parseWorkbook(format: ImportFormat & ('xlsx' | 'ods'), sheets: readonly WorkbookSheet[], options: ParseOptions): ParsedFile {
  const { tables, skipped } = dataSheets(sheets, options);
  if (tables.length === 0) throw new TeiaError('invalid-input', sheets.length > 1 ? 'No sheet of this workbook holds a table Teia can read.' : 'The first sheet of this workbook is empty.');
  const many = tables.length > 1;
  if (!many) {
    const t = tables[0];
    const parsed = parseMapped(format, t.headers, t.body, { ...options, kind: t.kind, ...sheetOptions(options, t.name) });
    if (t.titleLines.length) parsed.warnings.push(`Rows above the header were taken as titles, not data (line ${t.titleLines.join(', ')}).`);
    if (skipped.length) parsed.warnings.push(`Not read: ${skipped.map((s) => `sheet "${s}"`).join(', ')} (instructions or lists).`);
    return parsed;
  }
  const out = emptyParsedFile(format);
  for (const t of tables) {
    let parsed: ParsedFile;
    try {
      parsed = parseMapped(format, t.headers, t.body, { ...options, mapping: undefined, constants: undefined, kind: t.kind, ...sheetOptions(options, t.name) }, t.name);
    } catch (error) {
      if (error instanceof TeiaError) throw new TeiaError(error.code, `Sheet "${t.name}" (${t.kind}): ${error.message}`);
      throw error;
    }
    out.rowsRead += parsed.rowsRead;
    out.enterprises.push(...parsed.enterprises);
    out.products.push(...parsed.products);
    out.offers.push(...parsed.offers);
    out.needs.push(...parsed.needs);
    out.flows.push(...parsed.flows);
    out.networks.push(...parsed.networks);
    out.currencies.push(...parsed.currencies);
    out.rejected.push(...parsed.rejected);
    out.warnings.push(...parsed.warnings.map((w) => `Sheet "${t.name}" (${t.kind}): ${w}`));
  }
  if (skipped.length) out.warnings.push(`Not read: ${skipped.map((s) => `sheet "${s}"`).join(', ')} (instructions or lists).`);
  return out;
}

function sheetOptions(options: ParseOptions, name: string): Partial<ParseOptions> {
  const s = options.sheets?.[name];
  if (!s) return {};
  return { ...(s.kind ? { kind: s.kind } : {}), ...(s.mapping ? { mapping: s.mapping } : {}), ...(s.constants ? { constants: s.constants } : {}) };
}
