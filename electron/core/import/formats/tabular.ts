import type { ColumnMapping, ImportFormat, ParseOptions, ParsedFile } from '../types.ts';
import { emptyParsedFile } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import type { MappableField } from './mapping.ts';
import type { RawFields } from './record.ts';
import { buildEnterprise, IdAllocator, Notes } from './record.ts';

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
  const used = new Set([...Object.values(spec.mapping), ...(spec.consumed ?? [])]);
  const column = new Map(headers.map((h, i) => [h, i]));
  const mapped = Object.entries(spec.mapping).map(([field, header]) => [field as MappableField, column.get(header) ?? -1] as const);
  const extraColumns = headers.flatMap((h, i) => (used.has(h) ? [] : [[h, i] as const]));

  rows.forEach((row, index) => {
    if (index % 500 === 0) {
      if (options.signal?.aborted) throw new TeiaError('cancelled', 'The import was cancelled.');
      options.onProgress?.(index, rows.length);
    }
    out.rowsRead++;
    if (row.problem) {
      out.rejected.push({ line: row.line, reason: row.problem });
      return;
    }
    let surplus = false;
    for (let i = headers.length; i < row.cells.length; i++) if (!isBlank(row.cells[i])) surplus = true;
    if (surplus) {
      out.rejected.push({
        line: row.line,
        record: String(row.cells[0] ?? ''),
        reason: `It has ${row.cells.length} values but the header has ${headers.length} columns (a delimiter or quote out of place?).`,
      });
      return;
    }
    if (row.cells.every(isBlank)) {
      out.rejected.push({ line: row.line, reason: 'The row is empty.' });
      return;
    }
    if (row.cells.length < headers.length) notes.add('Row has fewer values than the header; the missing ones are empty', row.line);

    const cell = (i: number | undefined) => (i === undefined || i < 0 ? undefined : (row.cells[i] ?? undefined));
    const raw: RawFields = {};
    for (const [field, i] of mapped) raw[field] = cell(i);
    if (spec.derive) Object.assign(raw, spec.derive((header) => (header === undefined ? undefined : cell(column.get(header)))));
    const extra: Record<string, unknown> = {};
    for (const [h, i] of extraColumns) {
      const v = row.cells[i];
      if (!isBlank(v)) extra[h] = v instanceof Date ? v.toISOString() : v;
    }
    const result = buildEnterprise(raw, row.line, extra, ids, notes);
    if (result.sourced) out.enterprises.push(result.sourced);
    else if (result.rejected) out.rejected.push(result.rejected);
  });
  options.onProgress?.(rows.length, rows.length);
  out.warnings.push(...notes.warnings());
  out.columnFields = Object.fromEntries(Object.entries(spec.mapping).map(([field, header]) => [header, field]));
  return out;
}

/** Empty, missing or only spaces (checked without making a trimmed copy: this runs per cell). */
function isBlank(c: unknown): boolean {
  if (c === null || c === undefined) return true;
  return typeof c === 'string' ? !/\S/.test(c) : false;
}
