import { describe, expect, it } from 'vitest';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { servedApp } from '../helpers/app.ts';

describe('organiser: an enterprise page over teia serve (sample catalogue)', () => {
  const app = servedApp();

  it('shows everything known, labelled, with relations as links and unknown criteria as unknown', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('directory', app.server.url).href);
    await page.getByRole('link', { name: 'Armazém Solidário do Ipê' }).click();
    await page.getByRole('heading', { level: 1, name: 'Armazém Solidário do Ipê' }).waitFor();
    // Vocabulary codes as labels (ESSGLOBAL): ICA240 is retail, OS60 a co-operative.
    await expect.poll(() => page.locator('.facts').first().textContent(), { timeout: 30_000 }).toMatch(/Retail/i);
    expect(await page.locator('.facts').first().textContent()).not.toContain('ICA240');
    // Suppliers and buyers are links to their pages.
    const suppliers = page.getByRole('region', { name: 'Suppliers' });
    await expect.poll(() => suppliers.getByRole('link').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, 'organiser-enterprise');
    expect(await seriousViolations(page)).toEqual([]);

    // An enterprise with criteria missing says "unknown", not 0.
    await page.goto(new URL('enterprise/bigcoffee', app.server.url).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.locator('.criteria .unknown').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const buyers = page.getByRole('region', { name: 'Buyers' });
    const firstBuyer = buyers.getByRole('link').first();
    const buyerName = (await firstBuyer.textContent())!;
    await firstBuyer.click();
    await page.getByRole('heading', { level: 1, name: buyerName }).waitFor();
    expect(errors).toEqual([]);
  });

  it('reads well in dark mode, in Portuguese, with vocabulary labels and numbers in that language', async () => {
    const page = await app.browser.newPage({ locale: 'pt-BR', colorScheme: 'dark', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(new URL('enterprise/armazem', app.server.url).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Fornecedores' }).getByRole('link').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // pt-BR groups thousands with a dot: 10.000 BRL.
    expect(await page.getByRole('region', { name: 'Fornecedores' }).textContent()).toMatch(/\d\.\d{3}/);
    await screenshot(page, 'organiser-enterprise-dark-pt');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('edits in place with the core’s validation, then undoes with the button and with Ctrl+Z', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('enterprise/padaria-terra', app.server.url).href);
    const original = 'Padaria Cooperativa Pão da Terra';
    await page.getByRole('heading', { level: 1, name: original }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Padaria Nova');
    await page.getByLabel('Latitude').fill('123');
    await page.getByRole('button', { name: 'Save' }).click();
    // The core refuses the latitude; the message sits next to the field and the typing is kept.
    await expect.poll(() => page.getByLabel('Latitude').getAttribute('aria-invalid'), { timeout: 30_000 }).toBe('true');
    expect(await page.getByRole('alert').textContent()).toMatch(/Latitude: Too big/);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Padaria Nova');
    await screenshot(page, 'organiser-enterprise-invalid');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Latitude').fill('-23.5');
    await page.getByRole('textbox', { name: 'Ecological' }).fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Padaria Nova' }).waitFor();
    // The criterion left empty is now unknown, not 0.
    await expect.poll(() => page.locator('.criteria .fact-row', { hasText: 'Ecological' }).locator('.unknown').count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, 'organiser-enterprise-saved');
    await page.getByRole('button', { name: /^Undo/ }).click();
    await page.getByRole('heading', { level: 1, name: original }).waitFor();
    expect(await page.locator('.criteria .fact-row', { hasText: 'Ecological' }).locator('.unknown').count()).toBe(0);

    // Again, undone from the keyboard this time.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Padaria Outra');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Padaria Outra' }).waitFor();
    await page.locator('h1').click(); // focus out of any field: Ctrl+Z in a field undoes typing instead
    await page.keyboard.press('Control+z');
    await page.getByRole('heading', { level: 1, name: original }).waitFor();
    expect(errors).toEqual([]);
  });

  it('deletes after confirmation and brings it back with its flows', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', bypassCSP: true });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('enterprise/bigcoffee', app.server.url).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
    const buyers = page.getByRole('region', { name: 'Buyers' }).getByRole('link');
    await expect.poll(() => buyers.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const buyerCount = await buyers.count();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await screenshot(page, 'organiser-enterprise-confirm-delete');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain('was deleted');
    const gone = await fetch(new URL('rpc/enterprise-get', app.server.url), { method: 'POST', body: JSON.stringify({ id: 'bigcoffee' }), headers: { 'content-type': 'application/json' } });
    expect(((await gone.json()) as { ok: boolean }).ok).toBe(false);
    await page.getByRole('button', { name: /Undo the deletion/ }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Buyers' }).getByRole('link').count(), { timeout: 30_000 }).toBe(buyerCount);
    expect(errors).toEqual([]);
  });
});
