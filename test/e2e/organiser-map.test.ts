import { describe, expect, it } from 'vitest';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { servedApp } from '../helpers/app.ts';

describe('organiser: the map over teia serve (sample catalogue), offline', () => {
  const app = servedApp();

  it('draws outlines and clustered points, zooms from the keyboard, and opens an enterprise', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', bypassCSP: true, viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    // No request leaves the machine unless the person turns tiles on.
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(app.server.url)) outside.push(r.url());
    });
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    const map = page.getByTestId('map');
    await expect.poll(() => map.getAttribute('data-clusters'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => page.getByText(/^\d+ enterprises on the map/).count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, 'organiser-map');
    // The canvas is not blank: outlines (land) and points were drawn in several colours.
    const colours = await page.evaluate(() => {
      const c = document.querySelector('.map-box canvas') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<string>();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(4);

    // Keyboard: focus the map, + zooms in.
    const zoom0 = Number(await map.getAttribute('data-zoom'));
    await map.focus();
    await page.keyboard.press('+');
    await expect.poll(async () => Number(await map.getAttribute('data-zoom')), { timeout: 30_000 }).toBeCloseTo(zoom0 + 1, 1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('-');
    await expect.poll(async () => Number(await map.getAttribute('data-zoom')), { timeout: 30_000 }).toBeCloseTo(zoom0, 1);

    // A group from the list beside the map zooms into it, until single enterprises show.
    for (let i = 0; i < 8 && (await page.locator('.in-view a').count()) === 0; i++) {
      await page.locator('.in-view button').first().click();
      await page.waitForTimeout(200);
    }
    const first = page.locator('.in-view a').first();
    const name = (await first.textContent())!;
    await first.focus(); // focusing a listed enterprise shows its popup on the map
    const popup = page.getByRole('dialog', { name });
    await popup.waitFor();
    await screenshot(page, 'organiser-map-popup');
    expect(await seriousViolations(page)).toEqual([]);
    // A consumer picks "my place" on the map: the search screen then measures distances from it.
    await popup.getByRole('button', { name: 'Use as my place' }).click();
    await popup.getByRole('button', { name: 'This is my place ✓' }).waitFor();
    await popup.getByRole('link', { name: 'Open the page' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goto(new URL('search?q=cafe', app.server.url).href);
    await page.getByText(`Distances from ${name}.`).waitFor();
    expect(await page.getByRole('link', { name: 'Pick on the map' }).count()).toBe(1);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('fetches OpenStreetMap tiles only when asked, with attribution, and reads well in dark mode', async () => {
    const page = await app.browser.newPage({ locale: 'fr-FR', colorScheme: 'dark', bypassCSP: true });
    page.setDefaultTimeout(60_000);
    const tileRequests: string[] = [];
    // Offline test machine: answer tile requests with nothing rather than reach the internet.
    await page.route('https://tile.openstreetmap.org/**', (route) => {
      tileRequests.push(route.request().url());
      return route.abort();
    });
    await page.goto(new URL('map', app.server.url).href);
    const map = page.getByTestId('map');
    await expect.poll(() => map.getAttribute('data-clusters'), { timeout: 30_000 }).not.toBe('0');
    await screenshot(page, 'organiser-map-dark-fr');
    expect(tileRequests).toEqual([]);
    expect(await page.getByText('OpenStreetMap contributors').count()).toBe(0);
    await page.getByLabel('Fond de carte en ligne (OpenStreetMap)').check();
    await expect.poll(() => tileRequests.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByText('OpenStreetMap contributors').count()).toBe(1);
    await page.getByLabel('Fond de carte en ligne (OpenStreetMap)').uncheck();
    await page.evaluate(() => localStorage.removeItem('teia-map-tiles'));
  });
});
