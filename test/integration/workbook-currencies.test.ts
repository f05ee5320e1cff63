import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open.ts';
import { parseFile } from '../../electron/core/import/formats/index.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import { writeCatalogueWorkbook, writeKindCsv } from '../../electron/core/export/workbook.ts';
import type { LabelLang } from '../../shared/domain/kind-labels.ts';
import { detectKind } from '../../shared/domain/kinds.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * The catalogue workbook carries the currencies themselves (ENGINE.md §3.8), not only the
 * enterprises' acceptances: exported to a file and imported into another catalogue, every
 * currency keeps its kind, issuer, rate, backing and the products it pays for.
 */
const enc = (s: string) => new TextEncoder().encode(s);
const pkg: TeiaPackage = {
  format: 'teia-package',
  version: 1,
  products: [
    { id: 'food', name: 'Food', names: { pt: 'Alimentos' }, parent: null },
    { id: 'bread', name: 'Bread', names: { pt: 'Pão' }, parent: 'food' },
    { id: 'milk', name: 'Milk', names: { pt: 'Leite' }, parent: 'food' },
  ],
  enterprises: [
    { id: 'banco-palmas', name: 'Banco Palmas', solidarity: true, locality: 'Fortaleza', country: 'BR', currencies: ['palmas'] },
    { id: 'padaria', name: 'Padaria', solidarity: true, currencies: [{ currency: 'palmas', share: 0.5 }, { currency: 'vale-feira', products: ['bread'] }, 'horas'] },
  ],
  currencies: [
    { id: 'palmas', name: 'Palmas', kind: 'social-currency', unit: 'P$', rate: 1, issuer: 'banco-palmas', backing: 'full-reserve', description: 'Backed by reais in the bank.' },
    { id: 'vale-feira', name: 'Vale-Feira', kind: 'voucher', rate: 0.25, products: ['bread', 'milk'] },
    { id: 'horas', name: 'Horas', kind: 'time-credits', unit: 'hour' },
  ],
};

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir('teia-workbook-currencies-');
  db = openDatabase(path.join(tmp.dir, 'teia.db'));
  expect(applyImportSync(db, parsePackage(enc(JSON.stringify(pkg)))).rejected).toEqual([]);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const currencies = (d: Db) => readPackage(d).currencies;
const acceptances = (d: Db) => Object.fromEntries(readPackage(d).enterprises!.map((e) => [e.id, e.currencies]));

describe('the currencies sheet of the catalogue workbook', () => {
  it.each<LabelLang>(['en', 'pt', 'es', 'fr'])('round-trips every currency and acceptance through an XLSX file (%s)', async (lang) => {
    const file = path.join(tmp.dir, `catalogue-${lang}.xlsx`);
    fs.writeFileSync(file, await writeCatalogueWorkbook(db, lang));
    const back = openDatabase(path.join(tmp.dir, `back-${lang}.db`));
    try {
      const bytes = fs.readFileSync(file);
      const report = applyImportSync(back, await parseFile(bytes, { fileName: path.basename(file) }), { fileName: path.basename(file) });
      expect(report.rejected).toEqual([]);
      expect(currencies(db)).toHaveLength(3);
      expect(currencies(back)).toEqual(currencies(db));
      expect(acceptances(back)).toEqual(acceptances(db));
      // Defined, so none of them is a currency of unknown kind.
      expect(back.prepare('SELECT count(*) FROM currencies WHERE kind IS NULL').pluck().get()).toBe(0);
    } finally {
      back.close();
    }
  });

  it('refuses a currency row it cannot keep whole, with its line and why, and imports the rest', async () => {
    const wb = new ExcelJS.Workbook();
    const ees = wb.addWorksheet('Enterprises');
    ees.addRow(['Id', 'Name', 'Currencies']);
    ees.addRow(['banco', 'Banco Comunitário', 'moeda']);
    const sheet = wb.addWorksheet('Currencies');
    sheet.addRow(['Id', 'Currency', 'Kind', 'Unit', 'Rate', 'Issuer', 'Backing', 'Description', 'Products']);
    sheet.addRow(['moeda', 'Moeda Social', 'Social currency', null, 1, 'banco', 'full_reserve', null, 'bread; milk']);
    sheet.addRow(['ficha', 'Ficha', 'token', null, null, null, null, null, null]);
    sheet.addRow(['cara', 'Cara', 'voucher', null, -2, null, null, null, null]);
    sheet.addRow(['fiado', 'Fiado', 'mutual-credit', null, null, 'nobody', null, null, null]);
    sheet.addRow(['lastro', 'Lastro', 'voucher', null, null, null, 'gold', null, null]);
    sheet.addRow(['sem-tipo', 'Sem Tipo', null, null, null, null, null, null, null]);
    sheet.addRow(['cesta', 'Cesta', 'voucher', null, null, null, null, null, 'sapatos']);
    const file = path.join(tmp.dir, 'currencies.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    const report = applyImportSync(db, await parseFile(fs.readFileSync(file), { fileName: 'currencies.xlsx' }), { fileName: 'currencies.xlsx' });
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]));
    expect(reasons).toEqual({
      3: 'Its kind "token" is not one Teia knows: write one of social-currency, mutual-credit, time-credits, voucher.',
      4: 'Its rate "-2" is not a number above 0.',
      5: 'Its issuer "nobody" is neither in the file nor in the catalogue.',
      6: 'Its backing "gold" is not one Teia knows: write one of full-reserve, fractional-reserve, none.',
      7: 'It gives no kind: write one of social-currency, mutual-credit, time-credits, voucher.',
      8: 'It may pay for the product "sapatos", which is neither in the file nor in the catalogue, so it would pay for something the catalogue does not know.',
    });
    // Each says which sheet its line is on (the enterprises sheet has lines 1–2 too).
    expect(report.rejected.map((r) => r.sheet)).toEqual(Array(6).fill('Currencies'));
    // The sheet's own refusals carry their sentence's key, for the window to say them in the person's language.
    expect(report.rejected.filter((r) => [3, 4, 6, 7].includes(r.line)).map((r) => [r.key, r.args])).toEqual([
      ['row-currency-kind', { kind: 'token', kinds: 'social-currency, mutual-credit, time-credits, voucher' }],
      ['row-currency-rate', { rate: '-2' }],
      ['row-currency-backing', { backing: 'gold', backings: 'full-reserve, fractional-reserve, none' }],
      ['row-currency-no-kind', { kinds: 'social-currency, mutual-credit, time-credits, voucher' }],
    ]);
    expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
    expect(currencies(db)!.find((c) => c.id === 'moeda')).toEqual({ id: 'moeda', name: 'Moeda Social', kind: 'social-currency', rate: 1, issuer: 'banco', backing: 'full-reserve', products: ['bread', 'milk'] });
    for (const id of ['ficha', 'cara', 'fiado', 'lastro', 'sem-tipo', 'cesta']) expect(currencies(db)!.some((c) => c.id === id)).toBe(false);
  });

  it('reads a currencies sheet of an OpenDocument workbook, headers and sheet name in Portuguese', async () => {
    const cell = (v: string | number) => (typeof v === 'number' ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`);
    const row = (...cells: (string | number)[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="Empreendimentos">${row('Id', 'Nome', 'Moedas')}${row('feira', 'Feira Livre', 'sampaio 40% (Pão)')}</table:table>
<table:table table:name="Moedas">${row('Id', 'Moeda', 'Tipo', 'Taxa', 'Emissor', 'Produtos')}${row('sampaio', 'Sampaio', 'social-currency', 0.5, 'feira', 'bread')}${row('vale', 'Vale', 'cheque', 1, 'feira', 'milk')}</table:table>
</office:spreadsheet></office:body></office:document-content>`;
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8(content) });
    const report = applyImportSync(db, await parseFile(ods, { fileName: 'moedas.ods' }), { fileName: 'moedas.ods' });
    expect(report.format).toBe('ods');
    expect(report.rejected.map((r) => [r.sheet, r.line, r.reason])).toEqual([['Moedas', 3, 'Its kind "cheque" is not one Teia knows: write one of social-currency, mutual-credit, time-credits, voucher.']]);
    expect(currencies(db)!.find((c) => c.id === 'sampaio')).toEqual({ id: 'sampaio', name: 'Sampaio', kind: 'social-currency', rate: 0.5, issuer: 'feira', products: ['bread'] });
    expect(acceptances(db).feira).toEqual([{ currency: 'sampaio', share: 0.4, products: ['bread'] }]);
  });

  it('as one CSV (teia export --kind currencies), imports back the same, known as currencies by its headers', async () => {
    const back = openDatabase(path.join(tmp.dir, 'csv.db'));
    try {
      // The issuer and products must be there first, as in the catalogue workbook's sheet order.
      const rest: TeiaPackage = { ...pkg, currencies: [] };
      expect(applyImportSync(back, parsePackage(enc(JSON.stringify(rest)))).rejected).toEqual([]);
      const csv = writeKindCsv(db, 'currencies', 'fr');
      // No kind given: the headers say what the sheet holds, in each language.
      for (const lang of ['en', 'pt', 'es', 'fr'] as const) expect(detectKind(Papa.parse<string[]>(writeKindCsv(db, 'currencies', lang).replace(/^\uFEFF/, '')).data[0])).toBe('currencies');
      const report = applyImportSync(back, await parseFile(enc(csv), { fileName: 'monnaies.csv' }), { fileName: 'monnaies.csv' });
      expect(report.rejected).toEqual([]);
      expect(currencies(back)).toEqual(currencies(db));
    } finally {
      back.close();
    }
  });
});
