import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open.ts';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { servedApp } from '../helpers/app.ts';
import { teia } from '../helpers/cli.ts';
import { rpc } from './network-helpers.ts';

/**
 * Chains through the Import screen, in Chromium against `teia serve`: a forum's filled-in
 * template becomes a network with flows, offers and needs (an uncertain name answered on the
 * review list first), and the catalogue's own flows go to a workbook and back unchanged.
 */
interface Analysis {
  result: { leakage: { share: number | null; value: number | null }; gaps: unknown[]; links: unknown[] };
}
const pct = (v: number) => new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v);

describe('chains in through the Import screen', () => {
  const app = servedApp();
  const dbPath = () => path.join(app.dir, 'catalogue.db');

  it('a filled-in template gives a network with flows, offers and needs, after the review list, and its figures', async () => {
    const file = path.join(app.dir, 'forum.xlsx');
    const made = await teia('template', file, '--lang', 'en', '--db', dbPath());
    expect(made.code, made.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = (name: string) => wb.getWorksheet(name)!;
    // Name, Solidarity enterprise, Town, Region, Country, Latitude, Longitude, Email, Phone, Website, Legal form, Networks
    sheet('Enterprises').addRow(['Cooperativa Vale Verde', 'yes', 'Campinas', 'SP', 'BR', -22.9, -47.06, null, null, null, null, 'rede-forum']);
    sheet('Enterprises').addRow(['Cooperativa Vale Verde', 'yes', 'Poços de Caldas', 'MG', 'BR', -21.79, -46.56, null, null, null, null, 'rede-forum']);
    sheet('Enterprises').addRow(['Mercado Solidário do Fórum', 'yes', 'São Paulo', 'SP', 'BR', -23.55, -46.63, null, null, null, null, 'rede-forum']);
    sheet('Products').addRow(['Mel', null, 'kg', '0409']);
    sheet('Offers').addRow(['Mercado Solidário do Fórum', 'Mel', 40, 'kg', 25]);
    sheet('Needs').addRow(['Mercado Solidário do Fórum', 'Mel', 300, 'kg']);
    sheet('Flows').addRow(['Apiário Grande S.A.', 'Cooperativa Vale Verde', 'Mel', 100, 'kg', 2000, null, '2026']);
    sheet('Flows').addRow(['Cooperativa Vale Verde', 'Mercado Solidário do Fórum', 'Mel', 80, 'kg', 2400, null, '2026']);
    await wb.xlsx.writeFile(file);

    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('heading', { name: 'Sheets of this workbook' }).waitFor();
    await expect.poll(() => page.getByText('Flows: flows (who buys what from whom), 2 rows').count()).toBe(1);
    // "Cooperativa Vale Verde" is two enterprises of the sheet: nothing is written until a person says which.
    const review = page.getByRole('region', { name: 'Which enterprise does the sheet mean?' });
    await review.waitFor();
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    const choice = review.getByLabel(/Cooperativa Vale Verde/);
    await choice.selectOption({ label: 'the same as Cooperativa Vale Verde, Campinas, BR' });
    await page.getByText('New enterprises, to classify (1)').waitFor();
    await screenshot(page, 'import-template-review');
    await importButton.click();
    const report = page.getByRole('region', { name: 'Import report' });
    await report.waitFor();

    const db = openDatabase(dbPath(), { readonly: true });
    const flows = db.prepare("SELECT s.name AS supplier, s.locality AS place, f.quantity FROM flows f JOIN enterprises s ON s.id = f.supplier_id JOIN enterprises b ON b.id = f.buyer_id WHERE b.name IN ('Cooperativa Vale Verde', 'Mercado Solidário do Fórum') ORDER BY f.rowid").all();
    expect(flows).toEqual([
      { supplier: 'Apiário Grande S.A.', place: null, quantity: 100 },
      { supplier: 'Cooperativa Vale Verde', place: 'Campinas', quantity: 80 },
    ]);
    expect(db.prepare("SELECT classified, solidarity FROM enterprises WHERE name = 'Apiário Grande S.A.'").get()).toEqual({ classified: 0, solidarity: 0 });
    // "Mel" is the sample's own honey (named so in Portuguese): offered and needed by the new market.
    const market = "(SELECT id FROM enterprises WHERE name = 'Mercado Solidário do Fórum')";
    expect(db.prepare(`SELECT p.name, o.capacity, o.price FROM offers o JOIN products p ON p.id = o.product_id WHERE o.enterprise_id = ${market}`).all()).toHaveLength(1);
    expect(db.prepare(`SELECT n.quantity FROM needs n WHERE n.enterprise_id = ${market}`).pluck().all()).toEqual([300]);
    db.close();

    // The Network screen shows the engine's figures for the forum's network.
    const engine = await rpc<Analysis>(app.server.url, 'engine-analyse', { network: 'rede-forum', plan: false, limits: { links: 10, substitutes: 1, explain: 0 } });
    expect(engine.result.leakage.share).not.toBeNull();
    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    await page.getByRole('combobox', { name: /^Network/ }).selectOption('rede-forum');
    await expect.poll(() => page.getByTestId('fig-leakage').textContent(), { timeout: 30_000 }).toBe(pct(engine.result.leakage.share!));
    await screenshot(page, 'import-template-network');

    // The Planner, for the market: it buys only from the co-op (a solidarity enterprise by the sheet).
    await page.getByRole('link', { name: 'Sourcing planner', exact: true }).click();
    await page.getByLabel('Enterprise').fill('Mercado Sol');
    await page.getByRole('link', { name: 'Mercado Solidário do Fórum', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sourcing plan: Mercado Solidário do Fórum' }).waitFor();
    await expect.poll(() => page.getByTestId('shop-direct').textContent(), { timeout: 30_000 }).toBe(pct(1));
    await screenshot(page, 'import-template-planner');
    expect(errors).toEqual([]);
  });

  it('the catalogue’s flows, exported to a workbook, deleted and imported back, give the same figures', async () => {
    const { networks } = await rpc<{ networks: { id: string }[] }>(app.server.url, 'network-list', {});
    const net = networks.find((n) => n.id !== 'rede-forum')!.id;
    const figures = async () => {
      const r = await rpc<Analysis>(app.server.url, 'engine-analyse', { network: net, plan: false, limits: { links: 50, substitutes: 3, explain: 0 } });
      return { leakage: r.result.leakage, gaps: r.result.gaps, links: r.result.links };
    };
    const before = await figures();

    const page = await app.browser.newPage({ locale: 'en-GB', acceptDownloads: true, viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Spreadsheet (.xlsx, one sheet per kind)' }).click()]);
    const file = path.join(app.dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const db = openDatabase(dbPath());
    const flowCount = db.prepare('SELECT count(*) FROM flows').pluck().get() as number;
    expect(flowCount).toBeGreaterThan(0);
    db.prepare('DELETE FROM flows').run();
    db.close();
    expect(await figures()).not.toEqual(before);

    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByRole('heading', { name: 'Sheets of this workbook' }).waitFor();
    await expect.poll(() => page.getByText(/If you import now: .* rows accepted, 0 rejected\./).count()).toBe(1);
    // The workbook carries every record's id: the enterprises and products are the ones already there.
    await page.getByLabel('When an enterprise looks like one already in the catalogue').selectOption('merge');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('region', { name: 'Import report' }).waitFor();
    const after = openDatabase(dbPath(), { readonly: true });
    expect(after.prepare('SELECT count(*) FROM flows').pluck().get()).toBe(flowCount);
    after.close();
    const again = await figures();
    expect(again.leakage).toEqual(before.leakage);
    expect(again.gaps).toEqual(before.gaps);
    expect(again.links).toEqual(before.links);
    expect(errors).toEqual([]);
  });
});
