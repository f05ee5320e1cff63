import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Db } from '../../electron/core/db/open.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';
import { teia } from '../helpers/cli.ts';
import { compareResults } from '../unit/engine/compare.ts';

/**
 * Currencies in the package (format v1.1, ENGINE.md §3.8) through the catalogue: import,
 * read back, export; bad rows refused one by one; and migration 7 on rows written by v6.
 */
const v11Path = path.join(sharedDir, 'spec', 'example-network-v1.1.json');
const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o, null, 1));

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir('teia-currencies-');
  db = openDatabase(path.join(tmp.dir, 'teia.db'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/** A package accepting currencies in every form, one of them undefined, with a flow of unknown quantity. */
const everyForm: TeiaPackage = {
  format: 'teia-package',
  version: 1,
  products: [
    { id: 'food', name: 'Food', parent: null },
    { id: 'bread', name: 'Bread', parent: 'food' },
    { id: 'soap', name: 'Soap', parent: null },
  ],
  enterprises: [
    { id: 'bank', name: 'Banco Comunitário', solidarity: true },
    { id: 'bakery', name: 'Padaria', solidarity: true, currencies: ['sampa', { currency: 'vale', products: ['bread'] }, { currency: 'horas' }] },
    { id: 'shop', name: 'Loja', solidarity: false, currencies: [{ currency: 'sampa', share: 0.5 }, { currency: 'vale', share: 0.25, products: ['food'] }, 'ghost'] },
  ],
  flows: [
    { id: 'f1', supplier: 'bakery', buyer: 'shop', product: 'bread', quantity: 10, value: 30 },
    { id: 'f2', supplier: 'shop', buyer: 'bakery', product: 'soap', value: 12 },
  ],
  networks: [],
  currencies: [
    { id: 'sampa', name: 'Sampa', kind: 'social-currency', unit: 'S$', rate: 1, issuer: 'bank', backing: 'full-reserve', description: 'One Sampa per real.' },
    { id: 'horas', name: 'Horas', kind: 'time-credits', unit: 'h' },
    { id: 'vale', name: 'Vale', kind: 'voucher', products: ['food'] },
    { id: 'credito', name: 'Crédito', kind: 'mutual-credit', backing: 'none' },
  ],
};

describe('currencies in the package, through the catalogue', () => {
  it('round-trips every acceptance form and every currency field through import and export', async () => {
    const report = applyImportSync(db, parsePackage(bytes(everyForm)));
    expect(report.rejected).toEqual([]);
    expect(report.written.currencies).toBe(4);
    const back = readPackage(db);
    expect(back.enterprises).toEqual(everyForm.enterprises);
    expect(back.currencies).toEqual(everyForm.currencies);
    expect(back.flows).toEqual(everyForm.flows);
    // The accepted but undefined "ghost" is kept with no kind, and does not become a definition.
    expect(db.prepare("SELECT kind FROM currencies WHERE id = 'ghost'").pluck().get()).toBeNull();

    // And out through `teia export`, then into a second catalogue: the same again.
    db.close();
    const out = path.join(tmp.dir, 'out.json');
    const exported = await teia('export', out, '--db', path.join(tmp.dir, 'teia.db'));
    expect(exported.code).toBe(0);
    db = openDatabase(path.join(tmp.dir, 'teia.db'));
    const pkg = JSON.parse(fs.readFileSync(out, 'utf8')) as TeiaPackage;
    expect(pkg.currencies).toEqual(everyForm.currencies);
    const second = openDatabase(path.join(tmp.dir, 'second.db'));
    try {
      expect(applyImportSync(second, parsePackage(fs.readFileSync(out))).rejected).toEqual([]);
      expect(readPackage(second).enterprises).toEqual(everyForm.enterprises);
    } finally {
      second.close();
    }
  });

  it('imports the v1.1 spec example whole, and analyses it from the catalogue exactly as from the file', async () => {
    const report = applyImportSync(db, parsePackage(fs.readFileSync(v11Path)));
    expect(report.rejected).toEqual([]);
    expect(report.accepted).toBe(report.rowsRead);
    db.close();
    const fromDb = await teia('analyse', '--db', path.join(tmp.dir, 'teia.db'), '--network', 'rede-sp', '--json');
    db = openDatabase(path.join(tmp.dir, 'teia.db'));
    expect(fromDb.stderr).toBe('');
    const expected = JSON.parse(fs.readFileSync(path.join(sharedDir, 'spec', 'example-results-v1.1.json'), 'utf8'));
    expect(compareResults(JSON.parse(fromDb.stdout), expected, { skip: ['plan.changes'] })).toEqual([]);
  });

  it('still imports an old package whose enterprises list plain ids only', () => {
    const report = applyImportSync(db, parsePackage(fs.readFileSync(path.join(sharedDir, 'spec', 'example-network.json'))));
    expect(report.rejected).toEqual([]);
    expect(readPackage(db).enterprises!.find((e) => e.id === 'armazem')!.currencies).toEqual(['sampa']);
    expect(readPackage(db).currencies).toBeUndefined();
  });

  it('refuses bad currency rows one by one with a sentence, writing nothing of them', () => {
    const bad: TeiaPackage = {
      format: 'teia-package',
      version: 1,
      products: [
        { id: 'food', name: 'Food', parent: null },
        // A loop: neither can be imported, so a voucher for them would pay for nothing known.
        { id: 'loop-a', name: 'Loop A', parent: 'loop-b' },
        { id: 'loop-b', name: 'Loop B', parent: 'loop-a' },
      ],
      enterprises: [
        { id: 'ok', name: 'Fine', solidarity: true, currencies: ['undefined-one'] },
        { id: 'too-much', name: 'Too much', solidarity: true, currencies: [{ currency: 'v', share: 1.5 }] },
        { id: 'nothing', name: 'Nothing', solidarity: true, currencies: [{ currency: 'v', share: 0 }] },
        { id: 'odd-product', name: 'Odd product', solidarity: true, currencies: [{ currency: 'v', products: ['shoes'] }] },
      ],
      currencies: [
        { id: 'v', name: 'Voucher', kind: 'voucher', products: ['food'] },
        { id: 'cyclic', name: 'Cyclic voucher', kind: 'voucher', products: ['loop-a'] },
        { id: 'no-product', name: 'No product', kind: 'voucher', products: ['ghost-product'] },
        { id: 'no-issuer', name: 'No issuer', kind: 'social-currency', issuer: 'nobody' },
        { id: 'v', name: 'Again', kind: 'voucher' },
        { id: 'odd-kind', name: 'Odd kind', kind: 'other' as 'voucher' },
      ],
    };
    const report = applyImportSync(db, parsePackage(bytes(bad)));
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.record, r.reason]));
    expect(reasons['enterprise "too-much" (enterprises[1])']).toMatch(/share is at most 1/);
    expect(reasons['enterprise "nothing" (enterprises[2])']).toMatch(/share is a part of a price above 0/);
    expect(reasons['enterprise "Odd product"']).toBe('It accepts "v" for the product "shoes", which is neither in the file nor in the catalogue.');
    expect(reasons['currency "cyclic"']).toMatch(/the product "loop-a", which could not be imported/);
    expect(reasons['currency "no-product"']).toMatch(/the product "ghost-product", which is neither in the file nor in the catalogue/);
    expect(reasons['currency "no-issuer"']).toBe('Its issuer "nobody" is neither in the file nor in the catalogue.');
    expect(reasons['currency "v"']).toMatch(/already used by the currency on line/);
    expect(reasons['currency "odd-kind" (currencies[5])']).toMatch(/kind/);
    // Every row is either written or reported.
    expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
    // Nothing half-written: none of the refused enterprises or currencies is in the catalogue.
    expect(db.prepare('SELECT id FROM enterprises ORDER BY id').pluck().all()).toEqual(['ok']);
    expect(db.prepare('SELECT id, kind FROM currencies ORDER BY id').raw().all()).toEqual([
      ['undefined-one', null],
      ['v', 'voucher'],
    ]);
    expect(db.prepare("SELECT products FROM currencies WHERE id = 'v'").pluck().get()).toBe('["food"]');
  });
});

describe('migration 7 on a catalogue written at schema 6', () => {
  it("keeps every currency, acceptance and flow; an 'other' placeholder becomes kind null; flows may then lack a quantity", () => {
    const file = path.join(tmp.dir, 'v6.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, 0, migrations.filter((m) => m.version <= 6));
    old.exec(`
INSERT INTO products (id, name) VALUES ('honey', 'Honey');
INSERT INTO enterprises (id, name, solidarity, position) VALUES ('apiario', 'Apiário', 1, 0), ('banco', 'Banco Palmas', 1, 1), ('loja', 'Loja', 0, 2);
INSERT INTO currencies (id, name, kind, issuer, description) VALUES ('palmas', 'Palmas', 'social-currency', 'banco', 'One Palma per real'),
  ('horas', 'Horas', 'time-credits', NULL, NULL), ('eusko', 'eusko', 'other', NULL, NULL);
INSERT INTO enterprise_currencies (enterprise_id, currency_id, position) VALUES ('apiario', 'palmas', 0), ('apiario', 'eusko', 1), ('loja', 'horas', 0);
INSERT INTO flows (id, supplier_id, buyer_id, product_id, quantity, value) VALUES (NULL, 'apiario', 'loja', 'honey', 3, 30), ('f-x', 'loja', 'apiario', 'honey', 1, NULL), (NULL, 'apiario', 'banco', 'honey', 2, 20);
`);
    old.close();
    const m = openDatabase(file);
    try {
      expect(m.pragma('foreign_key_check')).toEqual([]);
      const pkg = readPackage(m);
      expect(pkg.currencies).toEqual([
        { id: 'palmas', name: 'Palmas', kind: 'social-currency', issuer: 'banco', description: 'One Palma per real' },
        { id: 'horas', name: 'Horas', kind: 'time-credits' },
      ]);
      expect(m.prepare("SELECT kind FROM currencies WHERE id = 'eusko'").pluck().get()).toBeNull();
      expect(pkg.enterprises!.map((e) => [e.id, e.currencies ?? []])).toEqual([
        ['apiario', ['palmas', 'eusko']],
        ['banco', []],
        ['loja', ['horas']],
      ]);
      // Flows keep their order (positional ids f1, f3 stay theirs).
      expect(pkg.flows!.map((f) => [f.id ?? null, f.buyer, f.quantity])).toEqual([
        [null, 'loja', 3],
        ['f-x', 'apiario', 1],
        [null, 'banco', 2],
      ]);
      m.prepare("INSERT INTO flows (supplier_id, buyer_id, product_id, value) VALUES ('loja', 'banco', 'honey', 5)").run();
      expect(m.prepare('SELECT count(*) FROM flows WHERE quantity IS NULL').pluck().get()).toBe(1);
      m.prepare("UPDATE enterprise_currencies SET share = 0.5 WHERE enterprise_id = 'apiario' AND currency_id = 'palmas'").run();
      expect(() => m.prepare("UPDATE enterprise_currencies SET share = 2 WHERE enterprise_id = 'loja'").run()).toThrow(/CHECK/);
      expect(readPackage(m).enterprises![0].currencies).toEqual([{ currency: 'palmas', share: 0.5 }, 'eusko']);
    } finally {
      m.close();
    }
  });
});
