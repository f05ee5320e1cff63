import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open.ts';
import { parseFile } from '../../electron/core/import/formats/index.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import { generatePackage } from '../../electron/core/catalogue/generate.ts';
import { writeCatalogueWorkbook, writeKindCsv, writeTemplate } from '../../electron/core/export/workbook.ts';
import { LABEL_LANGS } from '../../shared/domain/kind-labels.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { teia } from '../helpers/cli.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';

/** Workbooks of several sheets (XLSX and ODS), templates, and the catalogue to a spreadsheet and back. */
const examplePath = path.join(sharedDir, 'spec', 'example-network.json');

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

const freshDb = (name: string) => openDatabase(path.join(tmp.dir, name));
const importBytes = async (target: Db, bytes: Uint8Array, fileName: string, apply: Parameters<typeof applyImportSync>[2] = {}) =>
  applyImportSync(target, await parseFile(bytes, { fileName }), { fileName, ...apply });
/** The package as plain data (key order aside, which toEqual ignores). */
const comparable = (p: TeiaPackage) => JSON.parse(JSON.stringify(p)) as unknown;

describe('the catalogue to a workbook and back', () => {
  it('gives back the spec example record for record', async () => {
    applyImportSync(db, parsePackage(fs.readFileSync(examplePath)), { fileName: 'example-network.json' });
    const bytes = await writeCatalogueWorkbook(db, 'pt');
    const back = freshDb('back.db');
    const report = await importBytes(back, bytes, 'catalogue.xlsx');
    expect(report.rejected).toEqual([]);
    expect(report.partners?.created).toEqual([]);
    expect(comparable(readPackage(back))).toEqual(comparable(readPackage(db)));
    back.close();
  });

  it('gives back a generated catalogue, and each kind as CSV imports the same', async () => {
    const pkg = generatePackage({ enterprises: 300, seed: 7 });
    applyImportSync(db, parsePackage(new TextEncoder().encode(JSON.stringify(pkg))), { fileName: 'generated.json' });
    const back = freshDb('back.db');
    const report = await importBytes(back, await writeCatalogueWorkbook(db), 'generated.xlsx');
    expect(report.rejected).toEqual([]);
    expect(comparable(readPackage(back))).toEqual(comparable(readPackage(db)));
    back.close();
    const csvBack = freshDb('csv.db');
    for (const kind of ['networks', 'products', 'enterprises', 'offers', 'needs', 'flows'] as const) {
      const r = await importBytes(csvBack, new TextEncoder().encode(writeKindCsv(db, kind)), `${kind}.csv`);
      expect(r.rejected, kind).toEqual([]);
    }
    expect(comparable(readPackage(csvBack))).toEqual(comparable(readPackage(db)));
    csvBack.close();
  });
});

describe('templates', () => {
  it('in each language, read empty, leave out their example rows and the instructions', async () => {
    applyImportSync(db, parsePackage(fs.readFileSync(examplePath)), { fileName: 'example-network.json' });
    for (const lang of LABEL_LANGS) {
      const parsed = await parseFile(await writeTemplate(db, lang), { fileName: `template-${lang}.xlsx` });
      expect(parsed.rowsRead, lang).toBe(0);
      expect(parsed.warnings.filter((w) => /example row/.test(w)), lang).toHaveLength(5);
    }
  });

  it('filled in and imported, gives enterprises, products, offers, needs and flows (teia template → teia import)', async () => {
    db.close();
    const dbPath = path.join(tmp.dir, 'teia.db');
    await teia('import', examplePath, '--db', dbPath);
    const file = path.join(tmp.dir, 'forum.xlsx');
    expect((await teia('template', file, '--lang', 'pt', '--db', dbPath)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = (name: string) => wb.getWorksheet(name)!;
    // The drop-down lists are there: solidarity yes/no, units, the catalogue's products.
    expect(sheet('Empreendimentos').getCell('B3').dataValidation?.formulae?.[0]).toMatch(/Listas/);
    expect(sheet('Listas').getColumn(3).values).toContain('Café');
    sheet('Empreendimentos').addRow(['Cooperativa Nova Esperança', 'sim', 'Campinas', 'SP', 'BR']);
    sheet('Produtos').addRow(['Mel', 'Alimentos', 'kg', '0409']);
    sheet('Ofertas').addRow(['Cooperativa Nova Esperança', 'Mel', 0.5, 't', 40000]);
    sheet('Necessidades').addRow(['Cooperativa Nova Esperança', 'Sacos de papel', 300, 'unit']);
    sheet('Fluxos').addRow(['Apiário Serra Azul', 'Cooperativa Nova Esperança', 'Mel', 120, 'kg', 2400, null, '2026']);
    sheet('Fluxos').addRow(['Cooperativa Nova Esperança', 'Armazém Solidário', 'Mel', null, null, null, null, '2026']);
    await wb.xlsx.writeFile(file);
    const r = await teia('import', file, '--db', dbPath, '--json');
    const report = JSON.parse(r.stdout) as { rejected: unknown[]; written: Record<string, number>; partners: { created: { name: string }[] } };
    expect(report.rejected).toEqual([]);
    expect(report.written).toMatchObject({ enterprises: 2, products: 1, offers: 1, needs: 1, flows: 2 });
    expect(report.partners.created.map((c) => c.name)).toEqual(['Apiário Serra Azul']);
    db = openDatabase(dbPath);
    expect(db.prepare("SELECT parent, unit FROM products WHERE name = 'Mel'").get()).toEqual({ parent: 'food', unit: 'kg' });
    expect(db.prepare("SELECT capacity, price FROM offers WHERE product_id = (SELECT id FROM products WHERE name = 'Mel')").get()).toEqual({ capacity: 500, price: 40 });
    expect(db.prepare("SELECT quantity FROM flows WHERE buyer_id = 'armazem' AND product_id = (SELECT id FROM products WHERE name = 'Mel')").pluck().get()).toBeNull();
    expect(db.prepare("SELECT solidarity, classified FROM enterprises WHERE name = 'Apiário Serra Azul'").get()).toEqual({ solidarity: 0, classified: 0 });
    expect(db.prepare("SELECT solidarity FROM enterprises WHERE name = 'Cooperativa Nova Esperança'").pluck().get()).toBe(1);
  });
});

describe('a workbook of several sheets', () => {
  it('reads Kumu-style Elements/Connections sheets in one transaction: one bad sheet row is reported, not the file lost', async () => {
    const wb = new ExcelJS.Workbook();
    const el = wb.addWorksheet('Elements');
    el.addRow(['Name', 'Type', 'City']);
    el.addRow(['Fazenda Boa Vista', 'farm', 'Poços de Caldas']);
    el.addRow(['Cooperativa Regional', 'co-op', 'Guaxupé']);
    const co = wb.addWorksheet('Connections');
    co.addRow(['From', 'To', 'Product', 'Quantity', 'Date']);
    co.addRow(['Fazenda Boa Vista', 'Cooperativa Regional', 'Café', 30, new Date(Date.UTC(2025, 5, 1))]);
    co.addRow(['Fazenda Boa Vista', 'Cooperativa Regional', 'Café', -2, null]);
    co.addRow(['Fazenda Boa Vista', 'Cooperativa Regional', 'Café', { formula: '10*3', result: 30 }, 45658]);
    co.mergeCells('A6:B6');
    co.getCell('A6').value = 'Merged partner';
    co.getCell('C6').value = 'Café';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importBytes(db, bytes, 'kumu.xlsx');
    expect(r.rowsRead).toBe(6);
    expect(r.rejected.map((x) => [x.sheet, x.line, x.reason.slice(0, 24)])).toEqual([
      ['Connections', 3, 'Its quantity is negative'],
      ['Connections', 6, 'It names no buyer.'],
    ]);
    expect(db.prepare('SELECT quantity, period FROM flows ORDER BY rowid').all()).toEqual([
      { quantity: 30, period: '2025-06-01' },
      { quantity: 30, period: '2025-01-01' },
    ]);
    expect(db.prepare('SELECT count(*) FROM enterprises').pluck().get()).toBe(2);
  });

  it('reads an OpenDocument workbook, expanding no entity and no padding of repeated empty rows', async () => {
    const cell = (v: string | number) => (typeof v === 'number' ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`);
    const row = (...cells: (string | number)[]) => `<table:table-row>${cells.map(cell).join('')}</table:table-row>`;
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="Fluxos">${row('Fornecedor', 'Comprador', 'Produto', 'Quantidade')}${row('Moinho &amp; Filhos', 'Padaria Pão &lt;Nosso&gt;', 'Farinha', 12)}<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>`;
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8(content) });
    const r = await importBytes(db, ods, 'fluxos.ods');
    expect(r.format).toBe('ods');
    expect(r.rowsRead).toBe(1);
    expect(db.prepare('SELECT name FROM enterprises ORDER BY name').pluck().all()).toEqual(['Moinho & Filhos', 'Padaria Pão <Nosso>']);
    // A zip whose directory says content.xml inflates to 600 MB: refused before anything is inflated.
    const bomb = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8(content) });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    for (let i = 0; i + 46 < bomb.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && new TextDecoder().decode(bomb.subarray(i + 46, i + 57)) === 'content.xml') view.setUint32(i + 24, 600 * 1024 * 1024, true);
    }
    await expect(parseFile(bomb, { fileName: 'bomb.ods' })).rejects.toThrow(/would expand to 600 MB/);
    const doctype = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${content.slice(content.indexOf('<office:document-content'))}`) });
    await expect(parseFile(doctype, { fileName: 'doctype.ods' })).rejects.toThrow(/DOCTYPE/);
  });
});
