import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { shot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';

/** Issue 11: a GeoJSON from OpenStreetMap gets the mapping step, with its addr:* and contact:* tags understood. */
describe('importing an OSM GeoJSON from the window', () => {
  const app = servedApp();

  it('shows the mapping step prefilled with the OSM tags, and imports the places with their towns and e-mails', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByTestId('import-file').setInputFiles(path.join(repoRoot, 'test', 'fixtures', 'formats', 'osm-solidarity-places.geojson'));
    await page.getByRole('group', { name: 'Which column holds what?' }).waitFor();
    expect(await page.getByLabel('Format').inputValue()).toBe('geojson');
    expect(await page.getByLabel('Town or city').inputValue()).toBe('addr:city');
    expect(await page.getByLabel('Email').inputValue()).toBe('contact:email');
    await page.getByText('If you import now: 420 of 420 rows accepted, 0 rejected.').waitFor();
    await page.getByRole('radio', { name: /^None is a solidarity enterprise/ }).check();
    await page.getByRole('button', { name: 'Import', exact: true, disabled: false }).waitFor();
    await shot(page, 'import-geojson-mapping');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('region', { name: 'Import report' }).waitFor();
    const res = await fetch(new URL('rpc/enterprise-query', app.server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ filters: { text: 'Pelotas' }, limit: 1000 }) });
    const found = ((await res.json()) as { value: { total: number; items: { locality: string | null }[] } }).value;
    expect(found.total).toBeGreaterThan(10);
    expect(found.items.some((e) => e.locality === 'Pelotas')).toBe(true);
    expect(errors).toEqual([]);
  });
});
