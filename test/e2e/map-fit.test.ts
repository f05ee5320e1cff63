import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { servedApp } from '../helpers/app.ts';
import { shot } from './ui-shot.ts';

/**
 * Issue 15, the map on the sample: the first view fits where most enterprises are (not the one
 * in Paraíba), "Show everything" still fits all; the filter bar stays compact and wraps at
 * 1280×800 and 1024×768; the In view list wraps inside its panel.
 */
describe('the map’s first view and its filter bar', () => {
  const app = servedApp();
  const sizes = [
    { width: 1280, height: 800, bar: 120 },
    { width: 1024, height: 768, bar: 150 },
  ];

  for (const locale of ['en-GB', 'es', 'pt-BR', 'fr']) {
    it(`fits where most enterprises are, and shows everything on request (${locale})`, async () => {
      for (const size of sizes) {
        const page = await app.browser.newPage({ locale, viewport: { width: size.width, height: size.height } });
        const errors = watchErrors(page);
        await page.goto(new URL('map', app.server.url).href);
        const map = page.getByTestId('map');
        await expect.poll(async () => Number(await map.getAttribute('data-points')) + Number(await map.getAttribute('data-clusters'))).toBeGreaterThan(0);
        // One enterprise, far from the São Paulo network, is left out of the first view, and said so.
        const note = page.getByTestId('map-outliers');
        await note.waitFor();
        const first = Number(await map.getAttribute('data-zoom'));
        expect(first).toBeGreaterThan(6);

        // The filter bar: every control inside it, and not taller than a few rows.
        const bar = page.locator('.map-page .filter-bar');
        const box = (await bar.boundingBox())!;
        expect(box.height, `${locale} ${size.width}×${size.height}`).toBeLessThanOrEqual(size.bar);
        for (const control of await bar.locator('label').all()) {
          const b = (await control.boundingBox())!;
          expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
        }
        await shot(page, `map-first-${locale}-${size.width}`);

        await note.getByRole('button').click();
        await expect.poll(async () => Number(await map.getAttribute('data-zoom'))).toBeLessThan(first - 1);
        await expect.poll(() => note.count()).toBe(0);
        // The In view list wraps in its panel: nothing sticks out sideways.
        const list = page.locator('.in-view');
        await list.waitFor();
        expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
        expect(errors).toEqual([]);
        await page.close();
      }
    });
  }
});
