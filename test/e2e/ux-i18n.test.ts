import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchErrors } from '../helpers/browser.ts';
import { shot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';

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
    const es = await open('es', 'enterprise/armazem');
    await es.page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => es.page.getByText('Comercio minorista').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
