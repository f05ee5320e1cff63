import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import { catalogueStats } from '../../electron/core/catalogue/stats.ts';
import { generatePackage } from '../../electron/core/catalogue/generate.ts';
import { foldSql } from '../../electron/core/db/sort-key.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';

const examplePath = path.join(sharedDir, 'spec', 'example-network.json');
const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o, null, 1));
const records = (p: TeiaPackage) => ({
  products: p.products ?? [],
  enterprises: p.enterprises ?? [],
  offers: p.offers ?? [],
  needs: p.needs ?? [],
  flows: p.flows ?? [],
  networks: p.networks ?? [],
});

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'teia.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('package round trip', () => {
  it('gives back the spec example field for field', () => {
    const original = JSON.parse(fs.readFileSync(examplePath, 'utf8')) as TeiaPackage;
    const report = applyImportSync(db, parsePackage(fs.readFileSync(examplePath)), { fileName: 'example-network.json' });
    expect(report.rejected).toEqual([]);
    expect(report.accepted).toBe(report.rowsRead);
    expect(records(readPackage(db))).toEqual(records(original));
  });

  it('gives back a generated package field for field, and export → import → export is stable', () => {
    const original = generatePackage({ enterprises: 300, seed: 7 });
    const report = applyImportSync(db, parsePackage(bytes(original)));
    expect(report.rejected).toEqual([]);
    const exported = readPackage(db);
    expect(records(exported)).toEqual(records(original));

    const other = openDatabase(path.join(tmp.dir, 'second.db'));
    try {
      applyImportSync(other, parsePackage(bytes(exported)));
      expect(records(readPackage(other))).toEqual(records(exported));
    } finally {
      other.close();
    }
  });

  it('keeps unknown enterprise properties and reports the others', () => {
    const pkg = {
      format: 'teia-package',
      version: 1,
      colour: 'red',
      products: [{ id: 'p', name: 'P', parent: null, shelfLife: 3 }],
      enterprises: [{ id: 'a', name: 'A', solidarity: true, twitter: '@a' }],
    };
    const report = applyImportSync(db, parsePackage(bytes(pkg)));
    expect(report.warnings.join('\n')).toMatch(/colour/);
    expect(report.warnings.join('\n')).toMatch(/shelfLife/);
    expect(readPackage(db).enterprises).toEqual([{ id: 'a', name: 'A', solidarity: true, twitter: '@a' }]);
  });
});

describe('one transaction, every row accounted for', () => {
  const bad = {
    format: 'teia-package',
    version: 1,
    products: [
      { id: 'food', name: 'Food', parent: null },
      { id: 'x', name: 'X', parent: 'y' },
      { id: 'y', name: 'Y', parent: 'x' },
      { id: 'orphan', name: 'Orphan', parent: 'nowhere' },
      { id: 'child-of-loop', name: 'C', parent: 'x' },
    ],
    enterprises: [
      { id: 'a', name: 'A', solidarity: true },
      { id: 'b', name: 'B', solidarity: false },
      { id: 'c', name: 'No solidarity flag' },
      { id: 'a', name: 'A again', solidarity: true },
    ],
    offers: [{ enterprise: 'a', product: 'food', capacity: -1 }, { enterprise: 'a', product: 'food', capacity: 5 }],
    needs: [{ enterprise: 'ghost', product: 'food', quantity: 1 }],
    flows: [
      { id: 'f1', supplier: 'b', buyer: 'a', product: 'food', quantity: 3, value: 9 },
      { id: 'f2', supplier: 'b', buyer: 'a', product: 'x', quantity: 3 },
      { id: 'f1', supplier: 'a', buyer: 'b', product: 'food', quantity: 1 },
    ],
  };

  it('rejects each unusable row with its line and reason, and writes the rest', () => {
    const report = applyImportSync(db, parsePackage(bytes(bad)), { fileName: 'bad.json' });
    expect(report.rowsRead).toBe(15);
    expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
    const why = (record: RegExp) => report.rejected.find((r) => record.test(r.record ?? ''))?.reason ?? '';
    expect(why(/product "x"/)).toMatch(/loops/);
    expect(why(/product "orphan"/)).toMatch(/"nowhere" is neither/);
    expect(why(/product "child-of-loop"/)).toMatch(/could not be imported/);
    expect(why(/enterprise "c"/)).toMatch(/solidarity/);
    expect(why(/A again/)).toMatch(/already used/);
    expect(why(/need/)).toMatch(/"ghost"/);
    expect(why(/flow "f2"/)).toMatch(/product "x"/);
    expect(why(/flow "f1"/)).toMatch(/already used/);
    // The earlier line is the first f1's, which was written (and the second did not replace it).
    const text0 = new TextDecoder().decode(bytes(bad)).split('\n');
    let firstF1 = text0.findIndex((l) => l.includes('"f1"'));
    while (!/^\s*\{/.test(text0[firstF1])) firstF1--;
    firstF1++;
    expect(report.rejected.find((r) => /flow "f1"/.test(r.record ?? ''))).toMatchObject({ args: { id: 'f1', line: firstF1 } });
    expect(db.prepare("SELECT supplier_id, quantity FROM flows WHERE id = 'f1'").get()).toEqual({ supplier_id: 'b', quantity: 3 });
    // Lines point into the file as written (one property per line at this indentation).
    const text = new TextDecoder().decode(bytes(bad)).split('\n');
    for (const r of report.rejected) expect(text[r.line - 1]).toMatch(/^\s*\{/);
    const stats = catalogueStats(db);
    expect(stats).toMatchObject({ products: 1, enterprises: 2, offers: 1, needs: 0, flows: 1, imports: 1 });
    const row = db.prepare('SELECT rows_read, accepted, rejected, file_name FROM imports').get();
    expect(row).toEqual({ rows_read: 15, accepted: report.accepted, rejected: report.rejected.length, file_name: 'bad.json' });
    expect(db.prepare("SELECT import_id, source_row FROM enterprises WHERE id = 'b'").get()).toEqual({ import_id: report.importId, source_row: expect.any(Number) });
    // The same file again: its flows are the ones already there, updated, not duplicates (the
    // second f1 is still this file's duplicate).
    const again = applyImportSync(db, parsePackage(bytes(bad)), { fileName: 'bad.json' });
    expect(again.rejected.filter((r) => /flow "f1"/.test(r.record ?? ''))).toHaveLength(1);
    expect(again.written.flows).toBe(1);
    expect(db.prepare("SELECT count(*) FROM flows WHERE id = 'f1' AND import_id = ?").pluck().get(again.importId)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM flows').pluck().get()).toBe(stats.flows);
  });

  it('gives each repeated flow id the line of its own first usable row', () => {
    const pkg = {
      format: 'teia-package', version: 1,
      products: [{ id: 'food', name: 'Food' }],
      enterprises: [{ id: 'a', name: 'A', solidarity: true }, { id: 'b', name: 'B', solidarity: false }],
      flows: [
        { id: 'x', supplier: 'ghost', buyer: 'a', product: 'food', quantity: 1 },
        { id: 'x', supplier: 'b', buyer: 'a', product: 'food', quantity: 2 },
        { id: 'y', supplier: 'a', buyer: 'b', product: 'food', quantity: 3 },
        { id: 'x', supplier: 'a', buyer: 'b', product: 'food', quantity: 4 },
        { id: 'y', supplier: 'b', buyer: 'a', product: 'food', quantity: 5 },
      ],
    };
    const report = applyImportSync(db, parsePackage(bytes(pkg)));
    const lineOf = (q: number) => report.rejected.find((r) => r.args?.id !== undefined && r.line === lineOfQuantity(q))?.args?.line;
    const text = new TextDecoder().decode(bytes(pkg)).split('\n');
    const lineOfQuantity = (q: number) => {
      let at = text.findIndex((l) => l.includes(`"quantity": ${q}`));
      while (!/^\s*\{/.test(text[at])) at--;
      return at + 1;
    };
    // x's first row names an unknown supplier: the row written, and so the earlier line, is the second.
    expect(lineOf(4)).toBe(lineOfQuantity(2));
    expect(lineOf(5)).toBe(lineOfQuantity(3));
    expect(db.prepare('SELECT id, quantity FROM flows ORDER BY id').all()).toEqual([{ id: 'x', quantity: 2 }, { id: 'y', quantity: 3 }]);
  });

  it('writes many flows to a statement into a catalogue with none, and answers for each repeated id as one by one', () => {
    // 200 flows, so that most go 32 to a statement: ids repeated within one statement's rows and
    // across them, some first rows unusable (so the row written is a later one).
    const flows = Array.from({ length: 200 }, (_, k) => ({
      id: k === 9 || k === 20 || k === 130 ? 'dup' : `f${k % 150}`,
      supplier: k === 9 || k === 5 ? 'ghost' : 'a',
      buyer: 'b',
      product: 'food',
      quantity: k + 1,
    }));
    const pkg = { format: 'teia-package', version: 1, products: [{ id: 'food', name: 'Food' }], enterprises: [{ id: 'a', name: 'A', solidarity: true }, { id: 'b', name: 'B', solidarity: false }], flows };
    const text = new TextDecoder().decode(bytes(pkg)).split('\n');
    const lineOfQuantity = (q: number) => {
      let at = text.findIndex((l) => new RegExp(`"quantity": ${q}$`).test(l));
      while (!/^\s*\{/.test(text[at])) at--;
      return at + 1;
    };
    // What one-by-one writing gives: the first usable row of each id is written.
    const kept = new Map<string, number>();
    const expected: [number, number][] = []; // a repeat's line → the line it names
    for (const f of flows) {
      if (f.supplier === 'ghost') continue;
      const first = kept.get(f.id);
      if (first === undefined) kept.set(f.id, f.quantity);
      else expected.push([lineOfQuantity(f.quantity), lineOfQuantity(first)]);
    }
    const report = applyImportSync(db, parsePackage(bytes(pkg)));
    const repeats = report.rejected.filter((r) => r.key === 'row-id-used').map((r) => [r.line, r.args!.line]);
    expect(repeats).toEqual(expected);
    expect(report.rejected.filter((r) => /ghost/.test(r.reason))).toHaveLength(2);
    expect(report.written.flows).toBe(kept.size);
    expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
    const stored = db.prepare('SELECT id, quantity FROM flows').all() as { id: string; quantity: number }[];
    expect(new Map(stored.map((r) => [r.id, r.quantity]))).toEqual(kept);
  });

  it("writes an enterprise's long lists whole and in order, each code once", () => {
    // Longer than one INSERT of a list holds (write-package.ts), with a code given twice.
    const activities = [...Array.from({ length: 150 }, (_, i) => `act${i}`), 'act3'];
    const networks = Array.from({ length: 70 }, (_, i) => `net${i}`);
    const qualifiers = Array.from({ length: 65 }, (_, i) => `q${i}`);
    const criteria = { ecological: 0.5, decent_work: 1, transparency: 0 };
    const pkg = { format: 'teia-package', version: 1, enterprises: [{ id: 'a', name: 'A', solidarity: true, activities, networks, qualifiers, criteria }] };
    applyImportSync(db, parsePackage(bytes(pkg)));
    const e = readPackage(db).enterprises!.find((x) => x.id === 'a')!;
    expect(e.activities).toEqual(activities.slice(0, 150));
    expect(e.networks).toEqual(networks);
    expect(e.qualifiers).toEqual(qualifiers);
    expect(e.criteria).toEqual(criteria);
    expect(db.prepare('SELECT count(*) FROM networks').pluck().get()).toBe(70);
  });

  it('a dry run reports exactly the same and writes nothing', () => {
    const dry = applyImportSync(db, parsePackage(bytes(bad)), { dryRun: true });
    expect(dry.applied).toBe(false);
    expect(catalogueStats(db)).toMatchObject({ products: 0, enterprises: 0, flows: 0, imports: 0 });
    const real = applyImportSync(db, parsePackage(bytes(bad)));
    expect({ ...dry, durationMs: 0, importId: null, dryRun: false, applied: true }).toEqual({ ...real, durationMs: 0, importId: null });
  });

  it('refuses a file that cannot be read at all, writing nothing', () => {
    expect(() => parsePackage(new TextEncoder().encode('{"format": "teia-package", "version": 1, "enterprises": ['))).toThrow(/not valid JSON/);
    expect(() => parsePackage(bytes({ format: 'teia-package', version: 2 }))).toThrow(/version 2/);
    expect(() => parsePackage(bytes({ hello: 1 }))).toThrow(/not a Teia package/);
  });

  it('refuses a file none of whose rows can be used', () => {
    const report = applyImportSync(db, parsePackage(bytes({ format: 'teia-package', version: 1, enterprises: [{ id: 'x' }] })));
    expect(report.applied).toBe(false);
    expect(catalogueStats(db)).toMatchObject({ enterprises: 0, imports: 0 });
  });

  it('a big import puts back every index and trigger it set aside, whether it lands or fails', () => {
    const schema = () => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
    const before = schema();
    expect(before.some((o) => (o as { name: string }).name === 'flows_supplier')).toBe(true);
    const first = applyImportSync(db, parsePackage(bytes(generatePackage({ enterprises: 600, seed: 4 }))));
    expect(first.applied).toBe(true);
    expect(schema()).toEqual(before);
    // The sort-key trigger was set aside too: every row still has the keys it would have made.
    const keyed = db.prepare(`SELECT count(*) FROM enterprises WHERE name_key IS ${foldSql('name')} AND locality_key IS ${foldSql('locality')}`).pluck();
    expect(keyed.get()).toBe(first.written.enterprises);
    const failing = parsePackage(bytes(generatePackage({ enterprises: 3000, seed: 5 })));
    expect(() => applyImportSync(db, failing, { afterWrite: () => { throw new Error('disk full'); } })).toThrow('disk full');
    expect(schema()).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('leaves the catalogue as it was when the write fails half-way', () => {
    applyImportSync(db, parsePackage(fs.readFileSync(examplePath)));
    const before = readPackage(db);
    const pkg = generatePackage({ enterprises: 50, seed: 3 });
    expect(() =>
      applyImportSync(db, parsePackage(bytes(pkg)), {
        afterWrite: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(readPackage(db)).toEqual(before);
    expect(catalogueStats(db).imports).toBe(1);
  });
});

describe('package export', () => {
  it('streams the same text the whole-package writer gives', async () => {
    const { packageChunks } = await import('../../electron/core/export/package.ts');
    const { stringifyPackage } = await import('../../electron/core/catalogue/package-json.ts');
    applyImportSync(db, parsePackage(bytes(generatePackage({ enterprises: 2500, seed: 11, flowsPerEnterprise: 1 }))));
    const streamed = [...packageChunks(db)].join('');
    expect(streamed).toBe(stringifyPackage(readPackage(db)));
    expect(records(JSON.parse(streamed) as TeiaPackage)).toEqual(records(readPackage(db)));
  });
});

describe('search stays in step with imports', () => {
  it('finds what a flow-heavy file brought, after the indexes were set aside', async () => {
    const { searchQuery } = await import('../../electron/core/search/index.ts');
    const pkg = {
      format: 'teia-package',
      version: 1,
      products: [{ id: 'p', name: 'Rapadura', parent: null }],
      enterprises: [
        { id: 'a', name: 'Cooperativa Jabuticaba', solidarity: true },
        { id: 'b', name: 'Loja Pitanga', solidarity: false },
      ],
      offers: [{ enterprise: 'a', product: 'p', capacity: 10 }],
      flows: Array.from({ length: 6000 }, (_, i) => ({ supplier: 'a', buyer: 'b', product: 'p', quantity: 1, period: String(i) })),
    };
    applyImportSync(db, parsePackage(bytes(pkg)));
    const hits = searchQuery(db, { q: 'jabuticaba', limit: 5 });
    expect(hits.enterprises.map((e: { id: string }) => e.id)).toEqual(['a']);
  });
});
