// The forum's printed catalogue: `teia export FILE.pdf` prints the app's own catalogue page
// with headless Chromium; the PDF is then read with poppler's tools, as a person's viewer would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { teia } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openCore } from '../../electron/core/index.ts';
import { cataloguePrint } from '../../electron/core/share/catalogue-print.ts';
import { servedApp } from '../helpers/app.ts';
import { watchErrors } from '../helpers/browser.ts';
import { shot } from './ui-shot.ts';

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler) console.log('catalogue-print: skipped, pdftotext/pdftoppm (Debian poppler-utils) are not installed; the README says to install them for the tests.');

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const db = path.join(tmp.dir, 'sample.db');
openCore({ dbPath: db, host: 'cli', sample: true }).close();

describe.skipIf(!hasPoppler)('the printed catalogue', () => {
  it('prints the sample network in Portuguese on A4, its text searchable and its pages rendering', async () => {
    const file = path.join(tmp.dir, 'rede-sp.pdf');
    const r = await teia('export', file, '--lang', 'pt', '--network', 'rede-sp', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const content = cataloguePrint(openCore({ dbPath: db, host: 'cli', sample: false, readonly: true }).ctx.db, 'rede-sp', 'pt');
    expect(text).toContain('Catálogo da rede'.toUpperCase());
    expect(text).toContain('Quem vende o quê');
    // Every member of the network is in it, and the figures of the cover are there.
    for (const g of content.groups) for (const t of g.towns) for (const e of t.entries) expect(text.replace(/\s+/g, ' ')).toContain(e.name);
    expect(text).toMatch(/Parcela solidária das compras\s+Vazamento[^\n]*\n\s*\d+,\d%\s+\d+,\d%/);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', file, path.join(tmp.dir, 'page')]);
    const png = fs.readdirSync(tmp.dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    expect(fs.statSync(path.join(tmp.dir, png!)).size).toBeGreaterThan(5_000);
  });

  it('prints on Letter paper in English, and refuses a network that does not exist with a sentence', async () => {
    const file = path.join(tmp.dir, 'all.pdf');
    const r = await teia('export', file, '--paper', 'letter', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Who sells what');
    const bad = await teia('export', path.join(tmp.dir, 'none.pdf'), '--network', 'no-such-network', '--db', db);
    expect(bad.code).toBe(1);
    // Said from the message catalogue's English for the error's key (network-not-found).
    expect(bad.stderr).toContain('There is no network “no-such-network” in this catalogue.');
    expect(fs.existsSync(path.join(tmp.dir, 'none.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(tmp.dir, 'none.pdf.partial'))).toBe(false);
  });
});

describe('the catalogue page in the window', () => {
  const app = servedApp();

  it('opens from Import & export, narrows to a network, and says when it is ready to print (French)', async () => {
    const page = await app.browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByRole('link', { name: /Imprimer le catalogue pour un forum/ }).click();
    await page.locator('[data-print-ready="true"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Teia');
    await page.getByLabel('Réseau').selectOption({ label: 'Rede de Economia Solidária da Grande São Paulo (illustrative)' });
    await page.getByRole('heading', { level: 1, name: /Rede de Economia Solidária/ }).waitFor();
    await page.locator('[data-print-ready="true"]').waitFor();
    const res = await fetch(new URL('rpc/network-list', app.server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const list = ((await res.json()) as { value: { networks: { id: string; members: number }[] } }).value;
    // The previous (whole-catalogue) count may still be on the page while the network's loads.
    await expect.poll(() => page.getByTestId('cat-members').textContent()).toBe(String(list.networks.find((n) => n.id === 'rede-sp')!.members));
    expect(page.url()).toContain('network=rede-sp');
    await page.getByRole('heading', { level: 2, name: 'Qui vend quoi' }).waitFor();
    await shot(page, 'catalogue-fr');
    expect(errors).toEqual([]);
  });
});
