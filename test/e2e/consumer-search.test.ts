import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchErrors } from '../helpers/browser.ts';
import { shot as screenshot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';

/** What a consumer does: type in the one search box, choose a product, see who offers it. */
describe('consumer search on the sample catalogue', () => {
  const app = servedApp();

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(app.server.url);
    await page.getByTestId('stat-enterprises').waitFor();
    return { page, errors };
  }

  const status = (page: Page) => page.getByRole('status').filter({ hasText: /found|Nothing matches|Searching/ });

  it('finds coffee as you type, from the keyboard shortcut, and shows solidarity offers nearest first', async () => {
    const { page, errors } = await open();
    // "/" focuses the search box from anywhere.
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search' });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('cafe');
    // Typing kept the focus in the box even though the screen changed under it.
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Results for “cafe”' }).waitFor();
    await expect.poll(() => status(page).textContent()).toMatch(/\d+ products? and \d+ enterprises? found/);
    const products = page.getByRole('region', { name: 'Products' }).getByRole('link');
    // Accent-insensitive: "cafe" finds the product Coffee (pt "Café") and the roaster "Torrefação Café Regional".
    await expect.poll(() => products.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Coffee')]));
    await expect.poll(() => page.getByRole('link', { name: 'Torrefação Café Regional Ltda.' }).count()).toBe(1);

    // My place: São Paulo, chosen from the catalogue's towns.
    await page.getByLabel('My place').fill('sao paulo');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect.poll(() => page.getByText('Distances from São Paulo, BR.').count()).toBe(1);

    await products.filter({ hasText: /^Coffee/ }).click();
    const panel = page.getByRole('region', { name: 'Who offers Coffee' });
    await panel.waitFor();
    // Focus moved to the answer, for keyboard and screen-reader users.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('offers-heading');
    await expect.poll(() => panel.getByText('Solidarity enterprises offering it, nearest first:').count()).toBe(1);
    // The conventional coffee traders are not offered: a solidarity co-operative offers a narrower product, organic coffee.
    const cards = panel.getByRole('listitem');
    await expect.poll(() => cards.count()).toBeGreaterThan(0);
    const coffee = await cards.allTextContents();
    for (const t of coffee) expect(t).not.toContain('Not solidarity');
    expect(coffee.join(' ')).toContain('Organic coffee');
    expect(coffee.join(' ')).toMatch(/R\$\s?30\.00/);
    await screenshot(page, 'consumer-search-coffee-offers');

    // Leafy greens: several solidarity farms, nearest to São Paulo first, each with its distance.
    await page.getByRole('searchbox', { name: 'Search' }).fill('leafy greens');
    await products.filter({ hasText: /^Leafy greens/ }).click();
    const greens = page.getByRole('region', { name: 'Who offers Leafy greens' }).getByRole('listitem');
    await expect.poll(() => greens.count()).toBeGreaterThan(1);
    const texts = await greens.allTextContents();
    for (const t of texts) expect(t).toContain('Solidarity');
    for (const t of texts) expect(t).not.toContain('Not solidarity');
    const km = texts.map((t) => Number(/([\d.,]+) km/.exec(t)![1].replace(/,/g, '')));
    expect(km).toEqual([...km].sort((a, b) => a - b));
    await screenshot(page, 'consumer-search-greens-nearest');

    // Keyboard: Tab reaches the first supplier's link after the Close button.
    await page.getByRole('region', { name: 'Who offers Leafy greens' }).getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.offers-panel') !== null && document.activeElement?.tagName)).toBe('A');
    expect(errors).toEqual([]);
  });

  it('tolerates a typo, and says when there is no solidarity supplier', async () => {
    const { page, errors } = await open();
    await page.getByRole('searchbox', { name: 'Search' }).fill('cofee');
    const products = page.getByRole('region', { name: 'Products' }).getByRole('link');
    await expect.poll(() => products.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Coffee')]));
    await screenshot(page, 'consumer-search-typo');
    // Keyboard only: Down arrow from the box to the first product, Enter shows who offers it.
    await page.getByRole('searchbox', { name: 'Search' }).press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('product-hit');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /^Who offers / }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('offers-heading');
    expect(await page.title()).toBe('Find · Teia');

    // Eggs: only a conventional farm offers them in the sample: the least bad others, said as such.
    await page.getByRole('searchbox', { name: 'Search' }).fill('eggs');
    await products.filter({ hasText: /^Eggs/ }).click();
    const panel = page.getByRole('region', { name: 'Who offers Eggs' });
    await expect.poll(() => panel.getByText('No solidarity enterprise offers this yet — the least bad others:').count()).toBe(1);
    await expect.poll(() => panel.getByRole('listitem').count()).toBeGreaterThan(0);
    const texts = await panel.getByRole('listitem').allTextContents();
    for (const t of texts) expect(t).toContain('Not solidarity');
    expect(texts[0]).toMatch(/Score [\d.]+ \(\d\/6 criteria recorded\)/);
    await screenshot(page, 'consumer-search-least-bad');
    expect(errors).toEqual([]);
  });

  it('filters by an accepted currency, and remembers it', async () => {
    const { page, errors } = await open();
    // The Find screen, opened from the sidebar, puts the cursor in the search box.
    await page.getByRole('link', { name: 'Find', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Find' }).waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.goto(new URL('search?q=coop', app.server.url).href);
    const enterprises = page.getByRole('list', { name: 'Enterprises' }).getByRole('listitem');
    await expect.poll(() => enterprises.count()).toBeGreaterThan(1);
    const before = await enterprises.count();
    const select = page.getByLabel('Accepts my currency');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(0);
    await select.selectOption(options[0]);
    await expect.poll(() => enterprises.count()).toBeLessThan(before);
    for (const t of await enterprises.allTextContents()) expect(t).not.toContain('no social currency recorded');
    await screenshot(page, 'consumer-search-currency');
    await page.reload();
    await expect.poll(() => page.getByLabel('Accepts my currency').inputValue()).toBe(options[0]);
    expect(errors).toEqual([]);
  });
});
