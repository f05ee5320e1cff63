import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, watchErrors } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { repoRoot, sharedDir, tempDir } from '../helpers/tmp.ts';

const csv = path.join(sharedDir, 'data', 'directories', 'coops-uk-2023q2-standard.csv');
const importer = path.join(repoRoot, 'electron', 'core', 'import', 'formats', 'sse-csv.ts');
const ready = fs.existsSync(csv) && fs.existsSync(importer);
if (!ready) console.log(`Co-ops UK journey skipped: ${fs.existsSync(csv) ? 'the sse-csv importer is not there yet' : `${csv} is missing`}.`);

describe.skipIf(!ready)('organiser: the Co-ops UK directory (7,387 records) over teia serve', () => {
  const tmp = tempDir();
  let server: ServeProcess;
  let browser: Browser;

  beforeAll(async () => {
    const db = path.join(tmp.dir, 'coops-uk.db');
    // The real import, as a person would run it, before the server starts.
    execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'teia.mjs'), 'import', csv, '--db', db], { cwd: repoRoot, stdio: 'pipe' });
    server = await startServe(['--db', db]);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  it('lists all 7,387, scrolls to the end, and filters by structure and country', async () => {
    const page = await browser.newPage({ locale: 'en-GB', bypassCSP: true, viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('directory', server.url).href);
    await expect.poll(() => page.getByText('7,387 enterprises', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    // Virtualised: far fewer rows in the page than in the catalogue.
    const rows = page.locator('.directory-table tbody tr:not(.spacer)');
    expect(await rows.count()).toBeLessThan(200);
    await screenshot(page, 'organiser-coops-uk-directory');

    // The last row arrives when scrolled to (a window fetched by offset).
    await page.locator('.directory-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => page.locator('.directory-table tbody tr[aria-rowindex="7388"] a').count(), { timeout: 30_000 }).toBe(1);

    // Organisational structure, labelled from ESSGLOBAL, narrows the list; the count follows.
    const structure = page.getByLabel('Organisational structure');
    // The most common structure (Co-ops UK: mostly one kind of society), by the count its option shows.
    const options = (await structure.locator('option').allTextContents()).slice(1);
    const counts = options.map((o) => Number(/\(([\d,]+)\)$/.exec(o)![1].replace(/,/g, '')));
    const best = counts.indexOf(Math.max(...counts));
    expect(counts[best]).toBeGreaterThan(1);
    await structure.selectOption({ index: best + 1 });
    await expect.poll(() => page.getByText(`${counts[best].toLocaleString('en-GB')} enterprises match these filters`).count(), { timeout: 30_000 }).toBe(1);
    expect(options[best]).not.toMatch(/^OS\d/); // labelled from the vocabulary, not a bare code
    expect(page.url()).toMatch(/structure=/);
    await screenshot(page, 'organiser-coops-uk-directory-filtered');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the map readable: thousands of points become a few dozen groups', async () => {
    const page = await browser.newPage({ locale: 'en-GB', bypassCSP: true, viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('map', server.url).href);
    const map = page.getByTestId('map');
    await expect.poll(() => map.getAttribute('data-clusters'), { timeout: 30_000 }).not.toBe('0');
    const drawn = Number(await map.getAttribute('data-clusters')) + Number(await map.getAttribute('data-points'));
    // 7,000+ located co-operatives, drawn as a readable number of marks.
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(150);
    expect(await page.getByText(/^7,\d{3} enterprises on the map/).count()).toBe(1);
    await screenshot(page, 'organiser-coops-uk-map');
    // Zoomed in three steps, groups split and the marks stay few enough to read.
    await map.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await expect.poll(async () => Number(await map.getAttribute('data-zoom')), { timeout: 30_000 }).toBeGreaterThan(8);
    const zoomed = Number(await map.getAttribute('data-clusters')) + Number(await map.getAttribute('data-points'));
    expect(zoomed).toBeLessThan(150);
    await screenshot(page, 'organiser-coops-uk-map-zoomed');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
