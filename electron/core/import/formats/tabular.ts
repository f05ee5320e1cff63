import type { ColumnMapping, ImportFormat, ParseOptions, ParsedFile } from '../types.ts';
import { emptyParsedFile } from '../types.ts';
import { said, TeiaError } from '../../../../shared/contract/errors.ts';
import type { RecordKind } from '../../../../shared/domain/kinds.ts';
import type { RawFields } from './record.ts';
import { buildEnterprise, IdAllocator, Notes } from './record.ts';
import { buildRow } from '../kinds/rows.ts';
import { normaliseHeader } from '../../../../shared/domain/mapping.ts';

/** A table read from CSV or XLSX: header names and rows of cells, each row with its line. */
export interface TableRow {
  cells: (string | number | boolean | Date | null)[];
  line: number;
  problem?: string;
}

export interface TableSpec {
  /** field → header, for the fields copied from one column as they are. */
  mapping: ColumnMapping;
  /** Fields computed from several columns (e.g. the SSE CSV's fallback position). */
  derive?: (get: (header: string | undefined) => unknown) => RawFields;
  /** Headers `derive` reads, so they do not also land in `extra`. */
  consumed?: readonly string[];
  /** What each row is (default enterprises). */
  kind?: RecordKind;
  /** field → one value for every row whose cell for it is empty or absent. */
  constants?: Record<string, string>;
  /** Where the rows are, for a workbook of several sheets (put on each rejected row). */
  sheet?: string;
}

export function parseTable(
  format: ImportFormat,
  headers: readonly string[],
  rows: readonly TableRow[],
  spec: TableSpec,
  options: ParseOptions,
): ParsedFile {
  const out = emptyParsedFile(format);
  const notes = new Notes();
  const ids = new IdAllocator();
  // A template's example rows say so in an "Example" column; they are not data.
  const exampleColumn = headers.findIndex((h) => EXAMPLE_HEADERS.has(normaliseHeader(h)));
  let examples = 0;
  const used = new Set([...Object.values(spec.mapping), ...(spec.consumed ?? []), ...(exampleColumn >= 0 ? [headers[exampleColumn]] : [])]);
  const column = new Map(headers.map((h, i) => [h, i]));
  const mapped = Object.entries(spec.mapping).map(([field, header]) => [field, column.get(header) ?? -1] as const);
  const kind = spec.kind ?? 'enterprises';
  const constants = Object.entries(spec.constants ?? {});
  const reject = (r: ParsedFile['rejected'][number]) => out.rejected.push(spec.sheet ? { ...r, sheet: spec.sheet } : r);
  const extraColumns = headers.flatMap((h, i) => (used.has(h) ? [] : [[h, i] as const]));

  rows.forEach((row, index) => {
    if (index % 500 === 0) {
      if (options.signal?.aborted) throw new TeiaError('cancelled', 'The import was cancelled.', undefined, { key: 'cancelled' });
      options.onProgress?.(index, rows.length);
    }
    if (exampleColumn >= 0 && !isBlank(row.cells[exampleColumn])) {
      examples++;
      return;
    }
    out.rowsRead++;
    if (row.problem) {
      reject({ line: row.line, reason: row.problem });
      return;
    }
    let surplus = false;
    for (let i = headers.length; i < row.cells.length; i++) if (!isBlank(row.cells[i])) surplus = true;
    if (surplus) {
      reject({
        line: row.line,
        record: String(row.cells[0] ?? ''),
        reason: `It has ${row.cells.length} values but the header has ${headers.length} columns (a delimiter or quote out of place?).`,
        ...said({ key: 'row-cells', args: { cells: row.cells.length, columns: headers.length } }),
      });
      return;
    }
    if (row.cells.every(isBlank)) {
      reject({ line: row.line, reason: 'The row is empty.', ...said({ key: 'row-empty' }) });
      return;
    }
    if (row.cells.length < headers.length) notes.add('Row has fewer values than the header; the missing ones are empty', row.line);

    const cell = (i: number | undefined) => (i === undefined || i < 0 ? undefined : (row.cells[i] ?? undefined));
    const raw: Record<string, unknown> = {};
    for (const [field, i] of mapped) raw[field] = cell(i);
    for (const [field, value] of constants) if (isBlank(raw[field])) raw[field] = value;
    if (spec.derive) Object.assign(raw, spec.derive((header) => (header === undefined ? undefined : cell(column.get(header)))));
    const extra: Record<string, unknown> = {};
    for (const [h, i] of extraColumns) {
      const v = row.cells[i];
      if (!isBlank(v)) extra[h] = v instanceof Date ? v.toISOString() : v;
    }
    if (kind !== 'enterprises') {
      const r = buildRow(kind, raw, row.line);
      if ('rejected' in r) return reject(r.rejected);
      if (Object.keys(extra).length) r.sourced.extra = { ...r.sourced.extra, ...extra };
      if (spec.sheet) r.sourced.sheet = spec.sheet;
      if (r.kind === 'flows') out.flows.push(r.sourced);
      else if (r.kind === 'offers') out.offers.push(r.sourced);
      else if (r.kind === 'needs') out.needs.push(r.sourced);
      else if (r.kind === 'networks') out.networks.push(r.sourced);
      else if (r.kind === 'currencies') out.currencies.push(r.sourced);
      else out.products.push(r.sourced);
      return;
    }
    const result = buildEnterprise(raw as RawFields, row.line, extra, ids, notes);
    if (result.sourced) out.enterprises.push(spec.sheet ? { ...result.sourced, sheet: spec.sheet } : result.sourced);
    else if (result.rejected) reject(result.rejected);
  });
  options.onProgress?.(rows.length, rows.length);
  if (examples) out.warnings.push(`${examples} example ${examples === 1 ? 'row was' : 'rows were'} left out (marked in the "${headers[exampleColumn]}" column).`);
  out.warnings.push(...notes.warnings());
  out.columnFields = Object.fromEntries(Object.entries(spec.mapping).map(([field, header]) => [header, field]));
  return out;
}

/** The header of a template's example marker, in the four languages. */
export const EXAMPLE_HEADERS = new Set(['example', 'exemplo', 'ejemplo', 'exemple']);

/** Empty, missing or only spaces (checked without making a trimmed copy: this runs per cell). */
function isBlank(c: unknown): boolean {
  if (c === null || c === undefined) return true;
  return typeof c === 'string' ? !/\S/.test(c) : false;
}
