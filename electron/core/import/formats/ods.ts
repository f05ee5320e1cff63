import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { ParseOptions, ParsedFile, Parser } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import type { TableRow } from './tabular.ts';
import { parseWorkbook, type WorkbookSheet } from './workbook.ts';
import { checkZip } from './zip-guard.ts';

/**
 * An OpenDocument spreadsheet (LibreOffice, .ods): its content.xml read with fast-xml-parser,
 * entities left as written (no DOCTYPE, no expansion: an XML "billion laughs" stays a few
 * bytes) and the zip checked before it is inflated. Repeated rows and cells (ODS writes
 * "this empty row 1,048,000 times") are expanded only while they hold a value, so a sheet
 * padded to its last row costs nothing.
 */
export const odsParser: Parser = {
  format: 'ods',
  detect(content) {
    if (content.length < 4 || content[0] !== 0x50 || content[1] !== 0x4b || content[2] !== 0x03 || content[3] !== 0x04) return false;
    return Buffer.from(content.buffer, content.byteOffset, Math.min(content.byteLength, 4096)).includes('application/vnd.oasis.opendocument.spreadsheet');
  },
  parse(content, options: ParseOptions): ParsedFile {
    return parseWorkbook('ods', readOdsSheets(content), options);
  },
};

/** Cells of one row at most (beyond this a repeated cell is padding, not data). */
const maxColumns = 1024;
const maxRows = 1_100_000;

type Node = Record<string, unknown>;
const list = (v: unknown): Node[] => (v === undefined ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node]);

export function readOdsSheets(content: Uint8Array): WorkbookSheet[] {
  checkZip(content, 'an OpenDocument spreadsheet (.ods)');
  let xml: string;
  try {
    const files = unzipSync(content, { filter: (f) => f.name === 'content.xml' });
    if (!files['content.xml']) throw new Error('it has no content.xml');
    xml = strFromU8(files['content.xml']);
  } catch (error) {
    throw new TeiaError('invalid-input', `This file could not be read as an OpenDocument spreadsheet (.ods): ${(error as Error).message}.`);
  }
  if (/<!DOCTYPE/i.test(xml.slice(0, 2048))) throw new TeiaError('invalid-input', 'This spreadsheet declares a DOCTYPE, which real spreadsheets do not; it was not read.');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ['table:table', 'table:table-row', 'table:table-cell', 'table:covered-table-cell', 'text:p', 'table:table-row-group', 'table:table-header-rows'].includes(name),
  });
  const doc = parser.parse(xml) as Node;
  const body = (doc['office:document-content'] as Node | undefined)?.['office:body'] as Node | undefined;
  const spreadsheet = body?.['office:spreadsheet'] as Node | undefined;
  if (!spreadsheet) throw new TeiaError('invalid-input', 'This OpenDocument file holds no spreadsheet.');
  return list(spreadsheet['table:table']).map((t) => ({ name: String(t['@table:name'] ?? 'Sheet'), rows: readRows(t) }));
}

function rowsOf(t: Node): Node[] {
  // Header rows and row groups nest rows one level down; keep the document order.
  const out: Node[] = [];
  for (const key of Object.keys(t)) {
    if (key === 'table:table-row') out.push(...list(t[key]));
    else if (key === 'table:table-header-rows' || key === 'table:table-row-group') for (const g of list(t[key])) out.push(...rowsOf(g));
  }
  return out;
}

function readRows(table: Node): TableRow[] {
  const rows: TableRow[] = [];
  let line = 0;
  for (const row of rowsOf(table)) {
    const repeat = Math.max(1, Number(row['@table:number-rows-repeated'] ?? 1) || 1);
    const cells = readCells(row);
    const empty = cells.every((c) => c === null);
    if (empty) {
      line += repeat; // padding: counted for line numbers, never expanded
      continue;
    }
    for (let i = 0; i < repeat && rows.length < maxRows; i++) rows.push({ cells: [...cells], line: ++line });
  }
  return rows;
}

function readCells(row: Node): TableRow['cells'] {
  const cells: TableRow['cells'] = [];
  // Covered cells (under a merge) come in document order among the others.
  const all: Node[] = [];
  for (const key of Object.keys(row)) if (key === 'table:table-cell' || key === 'table:covered-table-cell') all.push(...list(row[key]));
  for (const cell of all) {
    const repeat = Math.max(1, Number(cell['@table:number-columns-repeated'] ?? 1) || 1);
    const value = cellValue(cell);
    if (value === null) {
      for (let i = 0; i < repeat && cells.length < maxColumns; i++) cells.push(null);
    } else for (let i = 0; i < repeat && cells.length < maxColumns; i++) cells.push(value);
  }
  while (cells.length && cells[cells.length - 1] === null) cells.pop();
  return cells;
}

function cellValue(cell: Node): TableRow['cells'][number] {
  const type = cell['@office:value-type'];
  if (type === 'float' || type === 'percentage' || type === 'currency') {
    const n = Number(cell['@office:value']);
    return Number.isFinite(n) ? n : null;
  }
  if (type === 'boolean') return cell['@office:boolean-value'] === 'true';
  if (type === 'date') {
    const d = new Date(String(cell['@office:date-value']));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const paragraphs = list(cell['text:p']).map(textOf);
  const text = paragraphs.join('\n');
  return text.trim() === '' ? null : unescapeXml(text);
}

function textOf(p: unknown): string {
  if (typeof p === 'string') return p;
  if (typeof p !== 'object' || p === null) return '';
  const n = p as Node;
  let out = typeof n['#text'] === 'string' ? n['#text'] : '';
  for (const [k, v] of Object.entries(n)) {
    if (k === 'text:s') out += ' '.repeat(Math.min(100, Number((v as Node)?.['@text:c'] ?? 1) || 1));
    else if (k === 'text:span' || k === 'text:a') out += list(v).map(textOf).join('');
  }
  return out;
}

/** The five XML entities and character references, by hand: the parser was told to expand none. */
function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}
