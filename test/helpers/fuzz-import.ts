import fc from 'fast-check';
import { expect } from 'vitest';
import type { Db } from '../../electron/core/db/open.ts';
import { parseFile } from '../../electron/core/import/formats/index.ts';
import { applyImport } from '../../electron/core/import/apply.ts';
import type { ImportFormat } from '../../electron/core/import/types.ts';
import { TeiaError } from '../../shared/contract/errors.ts';

/** Row counts of every table an import can touch: cheap enough to compare on each run. */
const tables = ['enterprises', 'products', 'offers', 'needs', 'flows', 'networks', 'memberships', 'imports', 'merge_proposals', 'criteria', 'enterprise_activities'];
export function counts(db: Db): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

/**
 * Takes out what the generated imports added since `lastImport` (rows carry their import), so
 * the catalogue stays the size of the sample and each run costs the same.
 */
export function trimTo(db: Db, lastImport: number): void {
  if (((db.prepare('SELECT max(id) FROM imports').pluck().get() as number | null) ?? 0) - lastImport < 20) return;
  db.transaction(() => {
    for (const t of ['flows', 'needs', 'offers', 'enterprises']) db.prepare(`DELETE FROM ${t} WHERE import_id > ?`).run(lastImport);
    db.prepare('DELETE FROM products WHERE import_id > ? AND id NOT IN (SELECT product_id FROM offers UNION SELECT product_id FROM needs UNION SELECT product_id FROM flows)').run(lastImport);
    db.prepare('DELETE FROM imports WHERE id > ?').run(lastImport);
  })();
}

/** A refusal must be a TeiaError with a sentence for a person (no stack, no "undefined"). */
export function expectSentence(err: unknown): asserts err is TeiaError {
  if (!(err instanceof TeiaError)) throw new Error(`Expected a TeiaError with a sentence, got: ${(err as Error)?.stack ?? String(err)}`);
  expect(err.message.length).toBeGreaterThan(10);
  expect(err.message.length).toBeLessThan(5000);
  expect(err.message).not.toMatch(/\n\s+at |\[object Object\]/);
}

export type Outcome = 'imported' | 'refused-file' | 'refused-rows';

/**
 * Reads and applies one file through the real import path and checks what every import must
 * keep, whatever the input: no throw other than a TeiaError with a sentence; accepted +
 * rejected = rows read; every rejected row has a line and a reason; a refused file leaves the
 * catalogue as it was; no transaction left open; done within `maxMs`.
 */
export async function checkImport(
  db: Db,
  content: Uint8Array,
  options: { format?: ImportFormat; fileName?: string; mapping?: Record<string, string> },
  maxMs = 10_000,
): Promise<Outcome> {
  const before = counts(db);
  const started = performance.now();
  const done = (o: Outcome) => {
    expect(db.inTransaction).toBe(false);
    expect(performance.now() - started).toBeLessThan(maxMs);
    return o;
  };
  let parsed;
  try {
    parsed = await parseFile(content, options);
  } catch (err) {
    expectSentence(err);
    expect(counts(db)).toEqual(before);
    return done('refused-file');
  }
  let report;
  try {
    report = await applyImport(db, parsed, { fileName: options.fileName ?? 'fuzz' });
  } catch (err) {
    expectSentence(err);
    expect(counts(db)).toEqual(before);
    return done('refused-file');
  }
  expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
  expect(report.warnings.join(' ')).not.toMatch(/Counting went wrong/);
  for (const r of report.rejected) {
    expect(Number.isInteger(r.line)).toBe(true);
    expect(r.reason.length).toBeGreaterThan(5);
    expect(r.reason).not.toMatch(/\n\s+at |\[object Object\]/);
  }
  if (!report.applied) {
    expect(counts(db)).toEqual(before);
    return done('refused-rows');
  }
  // Every kept enterprise is a new record (duplicates are proposed, not merged).
  expect(counts(db).enterprises).toBe(before.enterprises + report.written.enterprises);
  return done('imported');
}

// ---- generators of hostile files ----

const nastyCells = [
  '', ' ', '"', '""', '"unbalanced', 'a"b"c', 'x,y', 'x;y', 'line\nbreak', 'cr\rreturn', 'crlf\r\nrow', '-5', '-0.0', '1e309', '-1e309',
  'NaN', 'Infinity', '0x10', '１２', '12,5', '1.234,5', ' 42 ', 'true', 'sim', 'oui', 'null', 'undefined', '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")', '+1', '@SUM(A1)', 'Açúcar', 'Coopérative', '\u0000', '\uFEFF', '\u202Eevil', '🐝🍯', '\t', '91', '-181', '180.0001',
];
export const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nastyCells) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);
const headerPool = [
  'name', 'Name', 'Nome', 'nombre', 'id', 'Identifier', 'lat', 'lon', 'Latitude', 'Longitude', 'postcode', 'Postcode', 'capacity', 'price',
  'solidarity', 'locality', 'Locality', 'country', 'Country ID', 'product', 'description', 'email', 'website', 'Geo Container', 'Organisational Structure',
  'Primary Activity', 'Legal Form', '', '"', 'name',
];
export const header = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...headerPool) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

export interface TableSpec {
  headers: string[];
  rows: string[][];
  delimiter: string;
  quoting: 'proper' | 'none' | 'random';
  newline: '\n' | '\r\n' | '\r' | 'mixed';
  bom: boolean;
  encoding: 'utf8' | 'latin1' | 'utf16le';
}

export const tableSpec: fc.Arbitrary<TableSpec> = fc.record({
  headers: fc.array(header, { minLength: 1, maxLength: 8 }),
  rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { maxLength: 15 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  quoting: fc.constantFrom('proper', 'none', 'random'),
  newline: fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
  bom: fc.boolean(),
  encoding: fc.constantFrom('utf8', 'utf8', 'latin1', 'utf16le'),
});

/** A delimited file from a spec: quoted properly, not at all (malformed), or at random. */
export function writeTable(t: TableSpec, seed = 0): Uint8Array {
  let k = seed;
  const coin = () => ((k = (k * 1103515245 + 12345) >>> 0) & 256) !== 0;
  const q = (v: string) => {
    const needs = v.includes(t.delimiter) || /["\r\n]/.test(v);
    const quote = t.quoting === 'proper' ? needs : t.quoting === 'random' ? coin() : false;
    return quote ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const eols = ['\n', '\r\n', '\r'];
  const lines = [t.headers, ...t.rows].map((r) => r.map(q).join(t.delimiter));
  let text = '';
  lines.forEach((l, i) => (text += l + (t.newline === 'mixed' ? eols[i % 3] : t.newline)));
  if (t.bom) text = '\uFEFF' + text;
  return new Uint8Array(Buffer.from(text, t.encoding));
}
