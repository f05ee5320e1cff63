import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { shot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';

/** A big file shows its progress and can be cancelled, leaving the catalogue as it was. */
describe('a big import from the window', () => {
  const app = servedApp();
  const bigCsv = path.join(app.dir, 'big-network.csv');

  beforeAll(async () => {
    const rows = ['name,locality,country,lat,lon'];
    for (let i = 0; i < 25_000; i++) rows.push(`Cooperativa Grande ${i},Cidade ${i % 500},BR,${(-10 - (i % 20) / 10).toFixed(3)},${(-45 - (i % 30) / 10).toFixed(3)}`);
    fs.writeFileSync(bigCsv, rows.join('\n'));
  });

  const enterpriseCount = async () => {
    const res = await fetch(new URL('rpc/catalogue-stats', app.server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return ((await res.json()) as { value: { enterprises: number } }).value.enterprises;
  };

  it('shows a progress bar while importing and cancels without writing anything', async () => {
    const before = await enterpriseCount();
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByTestId('import-file').setInputFiles(bigCsv);
    await page.getByText('If you import now: 25,000 of 25,000 rows accepted, 0 rejected.').waitFor({ timeout: 90_000 });
    await page.getByRole('radio', { name: /^Decide later/ }).check();
    // The dry run with the answer comes back before Import can be pressed.
    await page.getByText('With this answer: 0 solidarity, 0 not solidarity, 25,000 to classify later.').waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Import', exact: true, disabled: false }).waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    // The bar fills from the core's progress events.
    await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
    await shot(page, 'import-progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alert').filter({ hasText: 'The import was cancelled: nothing was written.' }).waitFor({ timeout: 60_000 });
    expect(await bar.count()).toBe(0);
    expect(await enterpriseCount()).toBe(before);
    await shot(page, 'import-cancelled');
    expect(errors).toEqual([]);
  });
});
