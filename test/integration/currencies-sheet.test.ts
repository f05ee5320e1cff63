import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open.ts';
import { parseFile } from '../../electron/core/import/formats/index.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import { writeCatalogueWorkbook } from '../../electron/core/export/workbook.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * What an enterprise accepts, from a sheet's "currencies" column (issue 13): the share of a
 * price and the products it takes a currency for, in one cell ("ipe 50%; vale-feira (Pão)");
 * a cell that cannot be right is its row's sentence, and nothing of that row is written.
 */
const enc = (s: string) => new TextEncoder().encode(s);
const base: TeiaPackage = {
  format: 'teia-package',
  version: 1,
  products: [
    { id: 'food', name: 'Food', names: { pt: 'Alimentos' }, parent: null },
    { id: 'bread', name: 'Bread', names: { pt: 'Pão' }, parent: 'food' },
    { id: 'milk', name: 'Milk', names: { pt: 'Leite' }, parent: 'food' },
  ],
  enterprises: [],
  currencies: [
    { id: 'ipe', name: 'Ipê', kind: 'social-currency' },
    { id: 'vale-feira', name: 'Vale-Feira', kind: 'voucher', products: ['food'] },
  ],
};

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir('teia-currency-sheet-');
  db = openDatabase(path.join(tmp.dir, 'teia.db'));
  expect(applyImportSync(db, parsePackage(enc(JSON.stringify(base)))).rejected).toEqual([]);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('the currencies column of an enterprise sheet', () => {
  it('reads shares and products (by id or by name), and refuses a cell it cannot keep whole, row by row', async () => {
    const csv = [
      'name,locality,currencies',
      'Padaria Pão da Terra,São Paulo,"ipe 50%; vale-feira (Pão, milk)"',
      'Loja Cara,São Paulo,ipe 150%',
      'Loja Grátis,São Paulo,ipe 0%',
      'Feira Vazia,São Paulo,vale-feira ()',
      'Sapataria,São Paulo,vale-feira (sapatos)',
      'Parêntese,São Paulo,ipe (bread',
      'Banco Novo,São Paulo,"moeda-nova; ipe 25,5%; ipe"',
    ].join('\n');
    const parsed = await parseFile(enc(csv), { fileName: 'ees.csv' });
    const report = applyImportSync(db, parsed, { fileName: 'ees.csv' });
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]));
    expect(reasons).toEqual({
      3: '"ipe 150%": the share taken in ipe is a part of a price above 0% and at most 100%.',
      4: '"ipe 0%": the share taken in ipe is a part of a price above 0% and at most 100%.',
      5: '"vale-feira ()" has brackets with no product in them: name the products it takes vale-feira for, or leave the brackets out for everything.',
      6: 'It accepts "vale-feira" for the product "sapatos", which is neither in the file nor in the catalogue.',
      7: '"ipe (bread" is not understood as an accepted currency: write its id, then the share it takes if not the whole price, then the products it takes it for in brackets, as in "vale-feira 50% (bread)".',
    });
    expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
    // Nothing of a refused row is written; the others whole.
    const enterprises = readPackage(db).enterprises!;
    expect(enterprises.map((e) => [e.name, e.currencies])).toEqual([
      ['Padaria Pão da Terra', [{ currency: 'ipe', share: 0.5 }, { currency: 'vale-feira', products: ['bread', 'milk'] }]],
      // A currency nobody defined is kept, with no kind; listed twice, the first entry counts.
      ['Banco Novo', ['moeda-nova', { currency: 'ipe', share: 0.255 }]],
    ]);
    expect(db.prepare("SELECT kind FROM currencies WHERE id = 'moeda-nova'").pluck().get()).toBeNull();
  });

  it('round-trips every form through the catalogue workbook', async () => {
    const pkg: TeiaPackage = {
      ...base,
      products: [],
      currencies: [],
      enterprises: [
        { id: 'padaria', name: 'Padaria', solidarity: true, currencies: ['ipe', { currency: 'vale-feira', share: 0.3, products: ['bread', 'milk'] }] },
        { id: 'loja', name: 'Loja', solidarity: true, currencies: [{ currency: 'ipe', share: 1 / 3 }, { currency: 'vale-feira', products: ['food'] }] },
      ],
    };
    expect(applyImportSync(db, parsePackage(enc(JSON.stringify(pkg)))).rejected).toEqual([]);
    const bytes = await writeCatalogueWorkbook(db, 'pt');
    const back = openDatabase(path.join(tmp.dir, 'back.db'));
    try {
      const report = applyImportSync(back, await parseFile(bytes, { fileName: 'catalogue.xlsx' }), { fileName: 'catalogue.xlsx' });
      expect(report.rejected).toEqual([]);
      const currencies = (d: Db) => Object.fromEntries(readPackage(d).enterprises!.map((e) => [e.id, e.currencies]));
      expect(currencies(back).padaria).toEqual(currencies(db).padaria);
      // A third is written "33.3333333333%": back to twelve digits.
      const [ipe, vale] = currencies(back).loja as [{ currency: string; share: number }, unknown];
      expect(ipe.currency).toBe('ipe');
      expect(ipe.share).toBeCloseTo(1 / 3, 12);
      expect(vale).toEqual({ currency: 'vale-feira', products: ['food'] });
    } finally {
      back.close();
    }
  });

  it('says when an acceptance pays for nothing (limited to products the voucher does not cover), and keeps it as written', async () => {
    const csv = ['name,currencies', 'Bazar,"vale-feira (soap)"', 'Padaria,"vale-feira (Pão)"', 'Empório,"vale-feira (Alimentos)"'].join('\n');
    const withSoap: TeiaPackage = { ...base, enterprises: [], currencies: [], products: [{ id: 'soap', name: 'Soap', parent: null }] };
    expect(applyImportSync(db, parsePackage(enc(JSON.stringify(withSoap)))).rejected).toEqual([]);
    const report = applyImportSync(db, await parseFile(enc(csv), { fileName: 'ees.csv' }), { fileName: 'ees.csv' });
    expect(report.rejected).toEqual([]);
    expect(report.warnings.filter((w) => /counts for nothing/.test(w))).toEqual([
      'Bazar accepts Vale-Feira only for soap, which Vale-Feira does not pay for (it pays for food): that acceptance counts for nothing until one of them changes.',
    ]);
    expect(readPackage(db).enterprises!.find((e) => e.name === 'Bazar')!.currencies).toEqual([{ currency: 'vale-feira', products: ['soap'] }]);
  });
});
