import { describe, expect, it } from 'vitest';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { servedApp } from '../helpers/app.ts';

describe('the app in a browser over teia serve', () => {
  const app = servedApp();

  it('shows the sample catalogue, creates an enterprise, and finds it again after a reload', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB' });
    const errors = watchErrors(page);
    await page.goto(app.server.url);
    await expect.poll(() => page.getByTestId('stat-enterprises').textContent()).not.toBe('…');
    const before = Number((await page.getByTestId('stat-enterprises').textContent())!.replace(/\D/g, ''));
    expect(before).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('illustrative sample catalogue').count()).toBe(1);
    await screenshot(page, 'foundation-overview');

    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByRole('link', { name: 'Add an enterprise' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Cooperativa Teste <b>Sabiá</b>');
    await page.getByLabel('Town or city').fill('Campinas');
    await page.getByLabel('Country (ISO code, e.g. BR)').fill('br');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cooperativa Teste <b>Sabiá</b>' }).waitFor();
    await screenshot(page, 'foundation-new-enterprise');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Cooperativa Teste <b>Sabiá</b>' }).waitFor();
    await page.goto(app.server.url);
    await expect.poll(async () => Number((await page.getByTestId('stat-enterprises').textContent())!.replace(/\D/g, ''))).toBe(before + 1);
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    const link = page.getByRole('link', { name: 'Cooperativa Teste <b>Sabiá</b>' });
    await link.waitFor();
    await link.click();
    await expect.poll(() => page.getByText('Campinas, BR').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('says clearly when input is refused, and keeps the form', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB' });
    await page.goto(new URL('enterprise/new', app.server.url).href);
    await page.getByLabel('Name', { exact: true }).fill('   ');
    // The browser's own required check lets whitespace through; the core must refuse it.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').waitFor();
    // An empty required field is said by the window, in its language, from the error's key.
    expect(await page.getByRole('alert').textContent()).toContain('This cannot be left empty: name.');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('   ');
  });
});
