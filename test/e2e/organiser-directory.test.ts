import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { servedApp } from '../helpers/app.ts';

describe('organiser: the directory over teia serve (sample catalogue)', () => {
  const app = servedApp();

  it('filters and sorts, and the address reproduces the view', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 }, bypassCSP: true });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('directory', app.server.url).href);
    const rows = page.locator('.directory-table tbody tr:not(.spacer)');
    const stats = (await (await fetch(new URL('rpc/catalogue-stats', app.server.url), { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).json()) as { value: { enterprises: number; solidarityEnterprises: number } };
    const total = stats.value.enterprises;
    await expect.poll(() => page.getByText(`${total} enterprises`, { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    expect(await rows.count()).toBe(total);
    await screenshot(page, 'organiser-directory');

    // Only solidarity enterprises, by a keyboard-reachable select.
    await page.getByLabel('Solidarity status').selectOption('yes');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('sol=yes');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(stats.value.solidarityEnterprises);
    const solidarityCount = await rows.count();
    expect(await page.locator('.directory-table .badge-other').count()).toBe(0);

    // Sort by name, descending: the header says so (aria-sort) and the rows follow.
    const nameHeader = page.getByRole('columnheader', { name: /Name/ });
    await page.getByRole('button', { name: /^Name/ }).click(); // already ascending: flips
    await expect.poll(() => nameHeader.getAttribute('aria-sort'), { timeout: 30_000 }).toBe('descending');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('dir=desc');
    const names = await page.locator('.directory-table tbody .col-name a').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    await screenshot(page, 'organiser-directory-filtered');

    // The same address in a fresh tab gives the same view.
    const shared = page.url();
    const other = await app.browser.newPage({ locale: 'en-GB' });
    other.setDefaultTimeout(60_000);
    await other.goto(shared);
    await expect.poll(() => other.locator('.directory-table tbody tr:not(.spacer)').count(), { timeout: 30_000 }).toBe(solidarityCount);
    expect(await other.getByLabel('Solidarity status').inputValue()).toBe('yes');
    expect(await other.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
    expect(await other.locator('.directory-table tbody .col-name a').allTextContents()).toEqual(names);

    // Text filter, typed: narrows to the matching enterprise.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Name or town').fill('recicla leste');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('q=recicla+leste');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('link', { name: 'Cooperativa de Catadores Recicla Leste' }).count()).toBe(1);

    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await other.close();
  });

  it('is usable in dark mode too', async () => {
    const page = await app.browser.newPage({ locale: 'pt-BR', colorScheme: 'dark', bypassCSP: true });
    page.setDefaultTimeout(60_000);
    await page.goto(new URL('directory?sort=country', app.server.url).href);
    await expect.poll(() => page.getByText(/^\d+ empreendimentos$/).count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, 'organiser-directory-dark-pt');
    expect(await seriousViolations(page)).toEqual([]);
    expect(fs.existsSync(path.join(repoRoot, 'test-artifacts', 'screenshots', 'organiser-directory-dark-pt.png'))).toBe(true);
  });
});
