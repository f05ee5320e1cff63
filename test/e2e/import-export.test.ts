import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { shot as screenshot } from './ui-shot.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { servedApp } from '../helpers/app.ts';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'ui-import-coops.csv');

/** An organiser imports a CSV from the window, maps its columns, reads the report; then exports. */
describe('import and export from the window', () => {
  const app = servedApp();

  it('maps the columns of a CSV, shows the rejected row and why, and the new enterprises appear in the directory', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Import & export' }).waitFor();
    await screenshot(page, 'import-start');

    // The picker is a real button; the file input behind it takes the file.
    await page.getByRole('button', { name: 'Choose a file…' }).waitFor();
    await page.getByTestId('import-file').setInputFiles(fixture);

    // "Nome do empreendimento" is not a name Teia recognises: the mapping step asks for it.
    const name = page.getByLabel('Name *');
    await name.waitFor();
    // Said with this screen's controls, not the command line's flags.
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('No column is chosen for the enterprise name. Under “Which column holds what?”, choose the column that holds the names.');
    expect(await page.getByRole('alert').textContent()).not.toContain('--');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Format').inputValue()).toBe('csv');
    expect(await page.getByRole('group', { name: 'Which column holds what?' }).count()).toBe(1);
    // The columns Teia could guess from their names are prefilled.
    expect(await page.getByLabel('Town or city').inputValue()).toBe('Cidade');
    expect(await page.getByLabel('Latitude').inputValue()).toBe('Latitude');
    // The preview table shows the first rows of the file.
    const preview = page.getByRole('region', { name: 'First rows of the file' });
    await expect.poll(() => preview.getByRole('row').count()).toBe(5);

    await name.selectOption('Nome do empreendimento');
    await expect.poll(() => page.getByText('If you import now: 3 of 4 rows accepted, 1 rejected.').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Before anything is written, the person can see why a row would be refused.
    await page.getByText('Why 1 row would be rejected').click();
    await page.locator('.dry-rejected').getByText('It has no name.').waitFor();
    // Solidarity is asked, never assumed: Import waits for the answer.
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('radio', { name: /^All are solidarity enterprises/ }).check();
    await screenshot(page, 'import-mapping');

    // Nothing is written with rejected rows until the person accepts leaving them out.
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('Leave out the 1 rejected rows and import the rest').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    const rejected = report.getByRole('table').first();
    await expect.poll(() => rejected.getByRole('row').count()).toBe(2);
    const row = await rejected.getByRole('row').nth(1).textContent();
    expect(row).toContain('It has no name.');
    expect(row).toMatch(/^4/); // line 4 of the file (the header is line 1)
    await screenshot(page, 'import-report');

    await report.getByRole('link', { name: 'See them in the directory' }).click();
    for (const n of ['Cooperativa Ipê Roxo', 'Padaria Comunitária Girassol', 'Tecelagem Mãos Unidas']) {
      await page.getByRole('link', { name: n }).waitFor();
    }
    expect(errors).toEqual([]);
  });

  it('proposes a merge when the same file comes again, and answers it', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByTestId('import-file').setInputFiles(fixture);
    await page.getByLabel('Name *').selectOption('Nome do empreendimento');
    await expect.poll(() => page.getByText(/If you import now/).count()).toBe(1);
    await page.getByRole('radio', { name: /^All are solidarity enterprises/ }).check();
    await page.getByLabel('Leave out the 1 rejected rows and import the rest').check();
    // Sure matches are merged unless the person asks to be asked every time.
    await page.getByLabel('When an enterprise looks like one already in the catalogue').selectOption('propose');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('region', { name: 'Import report' }).waitFor();
    const merges = page.getByRole('region', { name: 'Are these the same enterprise?' });
    await merges.getByText('Pair 1 of 3').waitFor();
    await screenshot(page, 'import-merges');
    await merges.getByRole('button', { name: 'Same', exact: true }).click();
    await merges.getByText('Pair 1 of 2').waitFor();
    expect(errors).toEqual([]);
  });

  it('exports the catalogue as a package that parses', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', acceptDownloads: true });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Teia package (JSON)' }).click()]);
    const file = path.join(app.dir, download.suggestedFilename());
    await download.saveAs(file);
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { enterprises: { name: string }[] };
    expect(pkg.enterprises.map((e) => e.name)).toContain('Cooperativa Ipê Roxo');
    await expect.poll(() => page.getByText(`Saved ${download.suggestedFilename()}.`).count()).toBe(1);

    const [geo] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GeoJSON (maps)' }).click()]);
    const geoFile = path.join(app.dir, geo.suggestedFilename());
    await geo.saveAs(geoFile);
    expect((JSON.parse(fs.readFileSync(geoFile, 'utf8')) as { type: string }).type).toBe('FeatureCollection');
    await screenshot(page, 'export-done');

    // The exported package reads back: its format is detected, no column mapping is asked.
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => page.getByLabel('Format').inputValue()).toBe('package');
    await page.getByText(/If you import now: \d+ of \d+ rows accepted, 0 rejected\./).waitFor();
    expect(await page.getByRole('group', { name: 'Which column holds what?' }).count()).toBe(0);
    expect(await page.locator('#import-format option:checked').textContent()).toBe('Teia package (JSON) (detected)');
    expect(errors).toEqual([]);
  });
});
