import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchErrors } from '../helpers/browser.ts';
import { shot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';
import { rpc } from './network-helpers.ts';

interface Link {
  flow: string;
  buyer: string;
  quantity: number;
  substitutes: { enterprise: string; spare: number | null }[];
}

/** Pages in a PDF (Chromium's own print): one /Type /Page object per page. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** Issue 15, as the three users see it, on the sample catalogue over `teia serve`. */
describe('what the users see (issue 15)', () => {
  const app = servedApp();

  async function open(locale: string, path: string, init?: () => void): Promise<{ page: Page; errors: string[] }> {
    const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    if (init) await page.addInitScript(init);
    await page.goto(new URL(path, app.server.url).href);
    return { page, errors };
  }
  const saoPaulo = () => localStorage.setItem('teia-place', JSON.stringify({ lat: -23.55, lon: -46.63, label: 'São Paulo, BR' }));

  it('Find: solidarity enterprises first, the others only under "Also available", and a switch hides them', async () => {
    const { page, errors } = await open('en-GB', 'search?q=cafe', saoPaulo);
    const solidarity = page.getByRole('list', { name: 'Enterprises', exact: true }).getByRole('listitem');
    await expect.poll(() => solidarity.count()).toBeGreaterThan(0);
    for (const t of await solidarity.allTextContents()) expect(t).not.toContain('Not solidarity');
    const also = page.getByTestId('also-available');
    await expect.poll(() => also.count()).toBe(1);
    const others = await also.getByRole('listitem').allTextContents();
    expect(others.length).toBeGreaterThan(0);
    for (const t of others) expect(t).toContain('Not solidarity');
    await shot(page, 'ux-find-grouped');

    await page.getByLabel('Solidarity enterprises only').check();
    await expect.poll(() => also.count()).toBe(0);
    await expect.poll(() => page.getByTestId('others-hidden').textContent()).toMatch(new RegExp(`^${others.length} enterprises? that (is|are) not solidarity (is|are) hidden\\.$`));
    // Remembered: a reload keeps the switch.
    await page.reload();
    await expect.poll(() => page.getByLabel('Solidarity enterprises only').isChecked()).toBe(true);
    await page.getByLabel('Solidarity enterprises only').uncheck();
    expect(errors).toEqual([]);
  });

  it('Find: with the sample’s Ipê, coffee is found at the shop that buys it for resale, marked inferred', async () => {
    const { page, errors } = await open('pt-BR', 'search?q=mel&product=honey', () => localStorage.setItem('teia-currency', 'ipe'));
    const inferred = page.getByTestId('inferred-offer');
    await expect.poll(() => inferred.count()).toBeGreaterThan(0);
    expect(await inferred.first().textContent()).toMatch(/^Deduzido: uma loja que o compra \(de .+\) o vende; sem oferta registrada\.$/);
    await shot(page, 'ux-find-inferred-pt');
    expect(errors).toEqual([]);
  });

  it('Map: a click anywhere sets my place, drawn and listed by distance; the directory filters are there; a network draws its flows', async () => {
    const { page, errors } = await open('en-GB', 'map');
    const map = page.getByTestId('map');
    await expect.poll(async () => Number(await map.getAttribute('data-points')) + Number(await map.getAttribute('data-clusters'))).toBeGreaterThan(0);
    expect(await page.getByTestId('map-place').textContent()).toMatch(/^Click anywhere on the map/);
    // The directory's filters are on the map: a network chosen draws its flows as lines, and
    // the map fits its members.
    await page.getByLabel('Network').selectOption({ index: 1 });
    await expect.poll(() => page.url()).toContain('network=');
    await expect.poll(async () => Number(await page.getByTestId('map-flows').getAttribute('data-lines'))).toBeGreaterThan(0);
    await shot(page, 'ux-map-network');

    // A click on empty ground (the top right corner, away from the enterprises) sets my place.
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    await page.mouse.click(box.x + box.width - 12, box.y + 40);
    await expect.poll(() => page.getByTestId('map-place').textContent()).toMatch(/^My place: -?\d+(\.\d+)?; -?\d+(\.\d+)?\. Click elsewhere/);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('teia-place') ?? 'null') as { lat: number; lon: number } | null);
    expect(stored).not.toBeNull();
    // The In view list, nearest first, each with its distance (the biggest group opened first).
    await page.locator('.in-view').getByRole('button', { name: /^Zoom into/ }).first().click();
    const kms = async () =>
      (await page.locator('.in-view li').allTextContents()).map((t) => /· ([\d,.]+) km$/.exec(t)?.[1]).filter(Boolean).map((k) => Number(k!.replace(/,/g, '')));
    await expect.poll(async () => (await kms()).length).toBeGreaterThan(1);
    const list = await kms();
    expect(list).toEqual([...list].sort((a, b) => a - b));
    await shot(page, 'ux-map-place');
    expect(errors).toEqual([]);
  });

  it('Enterprise page in Portuguese: says once that ESSGLOBAL has no Portuguese label for a structure', async () => {
    const { page, errors } = await open('pt-BR', 'enterprise/armazem');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.getByTestId('vocab-note').count()).toBe(1);
    expect(await page.getByTestId('vocab-note').textContent()).toContain('português');
    // Currencies and networks by name, not id ("ipe", "rede-sp").
    const facts = page.locator('dl.facts').first();
    await expect.poll(() => facts.textContent()).toContain('Rede de Economia Solidária da Grande São Paulo');
    expect(await facts.textContent()).not.toMatch(/\brede-sp\b|\bipe\b/);
    const es = await open('es', 'enterprise/armazem');
    await es.page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => es.page.getByText('Comercio minorista').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('Planner: partial coverage said, amounts in the catalogue currency, a trader without values counts its suppliers, print is a summary', async () => {
    // A trader whose purchases carry no value (real chain data often does not): imported as a package.
    const pkg = {
      format: 'teia-package', version: 1,
      products: [{ id: 'scrap', name: 'Scrap paper', parent: null }],
      enterprises: [
        { id: 'trader', name: 'Aparas Sem Preço Ltda', solidarity: false, networks: ['rede-aparas'] },
        ...[1, 2, 3].map((i) => ({ id: `picker-${i}`, name: `Catadores ${i}`, solidarity: true, networks: ['rede-aparas'] })),
      ],
      flows: [1, 2, 3].map((i) => ({ id: `s${i}`, supplier: `picker-${i}`, buyer: 'trader', product: 'scrap', quantity: 100 * i })),
      networks: [{ id: 'rede-aparas', name: 'Rede de Aparas' }],
    };
    const res = await app.rpc('import-run', { fileName: 'trader.json', contentBase64: Buffer.from(JSON.stringify(pkg)).toString('base64'), onDuplicate: 'keep-both' });
    const report = (await res.json()) as { ok: boolean; value?: { applied: boolean }; error?: { message: string } };
    expect(report.error?.message).toBeUndefined();
    expect(report.value?.applied).toBe(true);
    const trader = await open('en-GB', 'planner/trader');
    await expect.poll(() => trader.page.getByTestId('shop-suppliers').textContent()).toBe('3');
    // Its network's flow diagram has no buyer with a value: a sentence says so and how to fix it.
    await trader.page.goto(new URL('network?view=flows&network=rede-aparas', app.server.url).href);
    await expect.poll(() => trader.page.getByTestId('no-buyers').textContent()).toMatch(/^No member of this scope buys with a recorded value/);
    expect(await trader.page.getByLabel('Buyer').isVisible()).toBe(false);
    expect(trader.errors).toEqual([]);
    await trader.page.close();

    // The sample's shop with the worst replaceable link: move part of it.
    const analysis = await rpc<{ result: { links: Link[] } }>(app.server.url, 'engine-analyse', { network: null, plan: false, limits: { links: 100000, substitutes: 10, explain: 0 } });
    const link = analysis.result.links.find((l) => l.substitutes.length > 0 && l.quantity >= 2)!;
    const { page, errors } = await open('en-GB', `planner/${encodeURIComponent(link.buyer)}`);
    const card = page.getByTestId(`link-${link.flow}`);
    await card.waitFor();
    await card.getByRole('button', { name: /^Accept / }).first().click();
    const part = Math.floor(link.quantity / 2);
    await card.getByLabel(/Quantity moved to/).fill(String(part));
    const line = page.locator('#plan-h + ul li').first();
    await expect.poll(() => line.textContent()).toMatch(new RegExp(`^Move ${part.toLocaleString('en-GB')} of .+; .+ stay with .+\\.$`));
    // Amounts carry the catalogue's currency of account (the sample's is BRL).
    await expect.poll(() => page.getByTestId('cost-change').textContent()).toMatch(/R\$/);

    // XLSX too.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // Print: a summary of one or two A4 pages by default; the details on request.
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'ux-planner-print-en');
    const summary = pdfPages(await page.pdf({ format: 'A4' }));
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel(/Print the details too/).check();
    const detailed = pdfPages(await page.pdf({ format: 'A4' }));
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThanOrEqual(2);
    expect(detailed).toBeGreaterThan(summary);
    expect(errors).toEqual([]);
  });

  // The screens of issue 15 in the four languages, kept in test-artifacts/screenshots to be looked at.
  for (const [lang, locale] of [['en', 'en-GB'], ['es', 'es-ES'], ['pt', 'pt-BR'], ['fr', 'fr-FR']] as const) {
    it(`screens in ${lang}: Find, Map, Network graph and flow diagram, Planner print, Settings`, async () => {
      const { page, errors } = await open(locale, 'search?q=cafe', saoPaulo);
      await page.locator('.result-card').first().waitFor();
      await shot(page, `ux-${lang}-find`);
      await page.goto(new URL('map', app.server.url).href);
      await expect.poll(async () => Number(await page.getByTestId('map').getAttribute('data-points')) + Number(await page.getByTestId('map').getAttribute('data-clusters'))).toBeGreaterThan(0);
      await shot(page, `ux-${lang}-map`);
      await page.goto(new URL('network?view=graph', app.server.url).href);
      await page.locator('[data-testid="network-graph"][data-status="ready"]').waitFor({ timeout: 60_000 });
      await shot(page, `ux-${lang}-network-graph`);
      await page.goto(new URL('network?view=flows', app.server.url).href);
      await page.getByTestId('sankey-before').or(page.locator('.flows')).first().waitFor({ timeout: 30_000 });
      await shot(page, `ux-${lang}-network-flows`);
      await page.goto(new URL('planner/armazem', app.server.url).href);
      await page.locator('.link-card').first().waitFor();
      await page.locator('.link-card').first().getByRole('button').first().click();
      await page.locator('#plan-h').waitFor();
      await page.emulateMedia({ media: 'print' });
      await shot(page, `ux-${lang}-planner-print`);
      await page.emulateMedia({ media: 'screen' });
      await page.goto(new URL('settings', app.server.url).href);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await shot(page, `ux-${lang}-settings`);
      expect(errors).toEqual([]);
    });
  }
});
