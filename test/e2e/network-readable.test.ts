import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { teia } from '../helpers/cli.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';
import { shot } from './network-helpers.ts';

// Issue 15: a real chain of a few hundred enterprises, its flows without value and its
// enterprises without coordinates (the Coffee Quality Institute's lots of Mexico and Guatemala:
// farm → mill → exporter, a few hundred enterprises around a handful of traders).
const lots = path.join(sharedDir, 'data', 'supply-chains', 'coffee-cqi-arabica-lots.csv');

describe.skipIf(!fs.existsSync(lots))('network view: a real chain of a few hundred enterprises is readable', () => {
  const tmp = tempDir();
  let server: ServeProcess;
  let browser: Browser;
  let enterprises = 0;
  beforeAll(async () => {
    const all = Papa.parse<Record<string, string>>(fs.readFileSync(lots, 'utf8'), { header: true, skipEmptyLines: true });
    const chain = path.join(tmp.dir, 'lots-mx-gt.csv');
    fs.writeFileSync(chain, Papa.unparse(all.data.filter((r) => r['Country.of.Origin'] === 'Mexico' || r['Country.of.Origin'] === 'Guatemala')));
    const db = path.join(tmp.dir, 'chain.db');
    for (const map of ['supplier=Farm.Name,buyer=Mill,supplierPlace=Country.of.Origin,buyerPlace=Country.of.Origin', 'supplier=Mill,buyer=Company,supplierPlace=Country.of.Origin']) {
      const r = await teia('import', chain, '--db', db, '--kind', 'flows', '--map', map, '--set', 'product=Green coffee', '--json');
      expect(r.code, r.stderr).toBe(0);
    }
    server = await startServe(['--db', db, '--no-sample']);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  const ready = (page: Page) => page.locator('[data-testid="network-graph"][data-status="ready"]');
  const layout = (page: Page) => page.getByRole('combobox', { name: /^Layout/ });

  it('names what fits, lays the tiers out to fit the panel, and says when there are no coordinates', async () => {
    const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(new URL('network?view=graph', server.url).href);
    await ready(page).waitFor({ timeout: 120_000 });
    const summary = (await page.getByTestId('graph-summary').textContent()) ?? '';
    enterprises = Number(/([\d,]+) enterprises/.exec(summary)?.[1].replace(/,/g, ''));
    expect(enterprises).toBeGreaterThan(250);
    expect(enterprises).toBeLessThan(500);
    // No flow has a value: the legend says sizes are numbers of links.
    await expect.poll(() => page.getByText('Size: number of links').count()).toBe(1);
    // Some names, not all of them over each other.
    const named = async () => Number(await ready(page).getAttribute('data-labelled'));
    await expect.poll(named, { timeout: 30_000 }).toBeGreaterThan(5);
    expect(await named()).toBeLessThan(enterprises / 2);
    await shot(page.locator('.graph-layout'), 'network-readable-force');

    // Tiers: the farms, mills and exporters in columns, the picture about the panel's shape.
    await layout(page).selectOption('tiers');
    await expect.poll(() => ready(page).getAttribute('data-extent'), { timeout: 60_000 }).not.toBeNull();
    const [w, h] = ((await ready(page).getAttribute('data-extent')) ?? '0x1').split('x').map(Number);
    expect(w / h).toBeGreaterThan(0.9);
    expect(w / h).toBeLessThan(4);
    await expect.poll(named, { timeout: 30_000 }).toBeGreaterThan(5);
    await shot(page.locator('.graph-layout'), 'network-readable-tiers');

    // Geographic: none of these enterprises has coordinates; the view says so and offers the others.
    await layout(page).selectOption('geo');
    const note = page.getByTestId('geo-note');
    await expect.poll(() => note.textContent()).toMatch(new RegExp(`None of these ${enterprises.toLocaleString('en')} enterprises has coordinates`));
    expect(await page.getByTestId('network-graph').count()).toBe(0);
    await shot(page.locator('main'), 'network-readable-geo');
    await note.getByRole('button', { name: 'Show the tiers layout' }).click();
    await ready(page).waitFor({ timeout: 60_000 });
    expect(await layout(page).inputValue()).toBe('tiers');
    expect(errors).toEqual([]);
  }, 300_000);
});
