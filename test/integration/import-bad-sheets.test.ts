import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teia } from '../helpers/cli.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';

/**
 * Sheets as they come: bad ones get a row-by-row report and, without acceptance, nothing
 * written; a real three-tier chain (Coffee Quality Institute lots: farm → mill → company)
 * imports whole and the engine answers on it.
 */
let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
beforeEach(() => {
  tmp = tempDir();
  dbPath = path.join(tmp.dir, 'teia.db');
});
afterEach(() => tmp.cleanup());

const counts = () => {
  const db = openDatabase(dbPath);
  try {
    return { enterprises: db.prepare('SELECT count(*) FROM enterprises').pluck().get(), flows: db.prepare('SELECT count(*) FROM flows').pluck().get() };
  } finally {
    db.close();
  }
};

describe('bad sheets', () => {
  it('missing columns: a sentence naming what to map or set, and nothing written', async () => {
    const file = path.join(tmp.dir, 'flows.csv');
    fs.writeFileSync(file, 'Fornecedor,Quantidade\nSítio A,10\n');
    const r = await teia('import', file, '--kind', 'flows', '--db', dbPath);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/needs buyer, product/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('unknown units, negative quantities, a buyer that is its own supplier, 50,000 empty rows, formulas, merged cells, dates as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Flows');
    ws.addRow(['Supplier', 'Buyer', 'Product', 'Quantity', 'Unit', 'Period']);
    ws.addRow(['Farm A', 'Mill B', 'Coffee', 10, 'bushels', 2025]); // 2: unknown unit
    ws.addRow(['Farm A', 'Mill B', 'Coffee', -5, 'kg', 2025]); // 3: negative
    ws.addRow(['Mill B', 'mill b', 'Coffee', 5, 'kg', 2025]); // 4: buyer is the supplier
    ws.addRow(['Farm A', 'Mill B', 'Coffee', { formula: '2*6', result: 12 }, 'kg', 45658]); // 5: formula, date serial
    ws.addRow(['Farm C', null, 'Coffee', 3, 'kg', null]); // 6: buyer under a merge
    ws.mergeCells('A6:B6');
    ws.addRow(['Farm C', 'Mill B', 'Coffee', null, null, new Date(Date.UTC(2025, 2, 1))]); // 7: unknown amount, a real date
    // 50,000 rows that only carry formatting: spacing, not records.
    for (let i = 0; i < 50_000; i++) ws.getCell(`A${8 + i}`).style = { font: { bold: true } };
    const file = path.join(tmp.dir, 'bad.xlsx');
    await wb.xlsx.writeFile(file);

    const dry = JSON.parse((await teia('import', file, '--db', dbPath, '--dry-run', '--json')).stdout) as {
      rowsRead: number; accepted: number; rejected: { line: number; reason: string }[]; written: { flows: number };
    };
    expect(dry.rowsRead).toBe(6);
    expect(dry.rejected.map((x) => [x.line, x.reason.split(' ').slice(0, 3).join(' ')])).toEqual([
      [2, 'Its unit "bushels"'],
      [3, 'Its quantity is'],
      [4, 'The buyer is'],
      [6, 'It names no'],
    ]);
    expect(dry.written.flows).toBe(2);
    expect(counts()).toEqual({ enterprises: 0, flows: 0 });

    // The Import screen writes nothing unless the person accepts leaving the bad rows out.
    const core = (await import('../../electron/core/index.ts')).openCore({ dbPath, host: 'server', sample: false });
    try {
      const content = fs.readFileSync(file).toString('base64');
      const refused = await core.dispatch('import-run', { fileName: 'bad.xlsx', contentBase64: content, acceptRejected: false });
      expect(refused).toMatchObject({ ok: true, value: { applied: false } });
      expect(counts()).toEqual({ enterprises: 0, flows: 0 });
      const accepted = await core.dispatch('import-run', { fileName: 'bad.xlsx', contentBase64: content, acceptRejected: true });
      expect(accepted).toMatchObject({ ok: true, value: { applied: true, written: { flows: 2 } } });
    } finally {
      core.close();
    }
    const db = openDatabase(dbPath);
    expect(db.prepare('SELECT quantity, period FROM flows ORDER BY rowid').all()).toEqual([
      { quantity: 12, period: '2025-01-01' },
      { quantity: null, period: '2025-03-01' },
    ]);
    db.close();
  });
});

describe('a real chain: Coffee Quality Institute lots', () => {
  it('imports farm → mill and mill → company flows with --map/--set, every row a flow or a reported rejection, and teia analyse answers', async () => {
    const lots = path.join(sharedDir, 'data', 'supply-chains', 'coffee-cqi-arabica-lots.csv');
    if (!fs.existsSync(lots)) return console.warn(`skipped: ${lots} is not there`);
    const tiers = [
      ['supplier=Farm.Name,buyer=Mill,supplierPlace=Country.of.Origin,buyerPlace=Country.of.Origin,period=Harvest.Year'],
      ['supplier=Mill,buyer=Company,supplierPlace=Country.of.Origin,period=Harvest.Year'],
    ];
    for (const [map] of tiers) {
      const r = await teia('import', lots, '--db', dbPath, '--kind', 'flows', '--map', map, '--set', 'product=Green coffee', '--json');
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as { rowsRead: number; accepted: number; rejected: { reason: string }[]; partners: { created: unknown[]; review: unknown[] } };
      expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
      expect(report.accepted).toBeGreaterThan(500);
      // Every rejection says why: no partner named, or a lot whose farm is its own mill.
      for (const x of report.rejected) expect(x.reason).toMatch(/names no (supplier|buyer)|buyer is also the supplier/);
    }
    const { flows, enterprises } = counts();
    expect(flows).toBeGreaterThan(1000);
    expect(enterprises).toBeGreaterThan(300);
    const analysis = await teia('analyse', '--db', dbPath, '--json');
    expect(analysis.code, analysis.stderr).toBe(0);
    const out = JSON.parse(analysis.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['scope', 'leakage']));
  }, 120_000);
});

describe('a real list: Open Supply Hub contributor → facility links', () => {
  it('facilities by their OS id, then the links naming them by id (supplier) and the contributor by name (buyer)', async () => {
    const links = path.join(sharedDir, 'data', 'supply-chains', 'open-apparel-registry', 'oar-contributor-facility-links.csv');
    if (!fs.existsSync(links)) return console.warn(`skipped: ${links} is not there`);
    const facilities = await teia('import', links, '--db', dbPath, '--kind', 'enterprises', '--map', 'id=facility_id,name=facility_name,street=facility_address,country=country_code,lat=lat,lon=lng', '--solidarity', 'no', '--json');
    expect(facilities.code, facilities.stderr).toBe(0);
    const f = JSON.parse(facilities.stdout) as { rowsRead: number; accepted: number; rejected: { reason: string }[] };
    // A facility several contributors list is one enterprise: its later rows are reported, not created twice.
    expect(f.accepted + f.rejected.length).toBe(f.rowsRead);
    for (const x of f.rejected) expect(x.reason).toMatch(/already used|no name/);
    const flows = await teia('import', links, '--db', dbPath, '--kind', 'flows', '--map', 'supplier=facility_id,buyer=contributor_name', '--set', 'product=Apparel', '--json');
    expect(flows.code, flows.stderr).toBe(0);
    const r = JSON.parse(flows.stdout) as { rowsRead: number; accepted: number; rejected: unknown[]; partners: { matched: number; created: { name: string }[] } };
    expect(r.accepted + r.rejected.length).toBe(r.rowsRead);
    expect(r.accepted).toBeGreaterThan(300);
    const contributors = new Set(fs.readFileSync(links, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[1]));
    // Every facility was found by its id; only the contributors (the buyers) are new.
    expect(r.partners.created.length).toBeLessThanOrEqual(contributors.size);
    const db = openDatabase(dbPath);
    expect(db.prepare('SELECT count(*) FROM flows f JOIN enterprises s ON s.id = f.supplier_id WHERE s.source_id IS NULL AND s.classified = 0').pluck().get()).toBe(0);
    db.close();
    const analysis = await teia('analyse', '--db', dbPath, '--json');
    expect(analysis.code, analysis.stderr).toBe(0);
  }, 120_000);
});

