import type { Db } from '../../db/open.ts';
import type { ImportFormat, SheetOptions } from '../types.ts';
import { detectKind, type RecordKind } from '../../../../shared/domain/kinds.ts';
import { headText } from './decode.ts';
import { parseCsvText } from './csv-text.ts';
import { readXlsxSheets } from './xlsx.ts';
import { readOdsSheets } from './ods.ts';
import { dataSheets } from './workbook.ts';
import { EXAMPLE_HEADERS } from './tabular.ts';
import { normaliseHeader } from '../../../../shared/domain/mapping.ts';

/**
 * What a table file holds, for the Import screen: the kind of a one-table file (given, else
 * from its headers), or each data sheet of a workbook with its kind, header and row count.
 */
export async function describeTables(
  content: Uint8Array,
  format: ImportFormat,
  options: { kind?: RecordKind; sheets?: Record<string, SheetOptions> },
): Promise<{ kind: RecordKind | null; sheets: { name: string; kind: RecordKind; headers: string[]; rows: number }[] }> {
  if (format === 'csv') {
    const head = parseCsvText(headText(content, 64 * 1024));
    return { kind: options.kind ?? detectKind(head.headers), sheets: [] };
  }
  if (format !== 'xlsx' && format !== 'ods') return { kind: null, sheets: [] };
  const all = format === 'xlsx' ? await readXlsxSheets(content) : readOdsSheets(content);
  const { tables } = dataSheets(all, { kind: options.kind, sheets: options.sheets });
  // A template's example rows are not data: counted out, as the import leaves them out.
  const dataRows = (t: (typeof tables)[number]) => {
    const example = t.headers.findIndex((h) => EXAMPLE_HEADERS.has(normaliseHeader(h)));
    return example < 0 ? t.body.length : t.body.filter((r) => r.cells[example] === null || r.cells[example] === undefined || String(r.cells[example]).trim() === '').length;
  };
  const sheets = tables.map((t) => ({ name: t.name, kind: t.kind, headers: t.headers, rows: dataRows(t) }));
  return { kind: sheets.length === 1 ? sheets[0].kind : null, sheets: sheets.length > 1 ? sheets : [] };
}

/** The top two levels of the taxonomy: where a person may put products a sheet names and nobody had. */
export function productParents(db: Db): { id: string; name: string; depth: number }[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.name, 0 AS depth, p.position AS a, 0 AS b FROM products p WHERE p.parent IS NULL
       UNION ALL
       SELECT c.id, c.name, 1, p.position, c.position FROM products c JOIN products p ON p.id = c.parent WHERE p.parent IS NULL
       ORDER BY a, depth, b LIMIT 500`,
    )
    .all() as { id: string; name: string; depth: number }[];
  return rows.map(({ id, name, depth }) => ({ id, name, depth }));
}
