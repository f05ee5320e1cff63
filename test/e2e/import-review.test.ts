import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchErrors } from '../helpers/browser.ts';
import { shot as screenshot } from './ui-shot.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { servedApp } from '../helpers/app.ts';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', name);

async function importFile(page: Page, file: string) {
  await page.getByTestId('import-file').setInputFiles(fixture(file));
  await expect.poll(() => page.getByText(/If you import now: \d+ of \d+ rows accepted/).count()).toBe(1);
  await page.getByRole('radio', { name: /^All are solidarity enterprises/ }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  await report.waitFor();
  return report;
}

/**
 * An organiser imports a co-op directory, then a supplier list that names some of the same
 * co-ops differently: sure matches are merged, the others wait on the review card, answered
 * from the keyboard and in bulk.
 */
describe('the review card', () => {
  const app = servedApp();

  it('shows both records side by side with the reasons, and takes same / different / not sure from the keyboard and in bulk', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Import & export' }).waitFor();

    await importFile(page, 'review-directory.csv');
    const report = await importFile(page, 'review-suppliers.csv');
    // The report of the second file: two sure matches merged, four waiting (line 7 is another co-op: its acronym differs).
    const dupTable = report.getByRole('table').filter({ hasText: 'What happened' });
    await expect.poll(() => dupTable.getByRole('row').count()).toBe(7);
    const dupText = await dupTable.textContent();
    expect(dupText?.match(/merged/g)).toHaveLength(2);
    expect(dupText?.match(/waiting for you below/g)).toHaveLength(4);
    expect(dupText).toContain('Same acronym');
    expect(dupText).toContain('Same e-mail address');
    expect(dupText).not.toContain('Same website');
    expect(dupText).not.toContain('Same id');

    const card = page.getByRole('region', { name: 'Are these the same enterprise?' });
    await card.getByText('Pair 1 of 4').waitFor();
    const table = card.getByRole('table');
    // Both records whole: names, towns, countries, sources (the two files), the distance, the reasons.
    await table.getByRole('cell', { name: 'Cooperativa de Costura Flor do Cerrado Leste' }).waitFor();
    await table.getByRole('cell', { name: 'Cooperativa de Costura Flor do Cerrado Oeste' }).waitFor();
    expect(await table.getByRole('row', { name: /Town/ }).textContent()).toBe('TownGoiâniaGoiânia');
    expect(await table.getByRole('row', { name: /Source/ }).textContent()).toBe('Sourcereview-directory.csvreview-suppliers.csv');
    expect(await table.getByRole('row', { name: /Position/ }).count()).toBe(1);
    await card.getByText('Distance: unknown (a position is missing)').waitFor();
    const reasons = await card.locator('.merge-reasons').textContent();
    expect(reasons).toMatch(/Names \d+% alike/);
    expect(reasons).toContain('Same town');
    expect(reasons).toContain('Same country');
    await card.getByText(/Match score \d+%/).waitFor();
    await screenshot(page, 'import-review-card');

    // Keyboard: N (not sure) moves on and leaves the pair waiting; ← comes back; D keeps both.
    await card.focus();
    await page.keyboard.press('n');
    await card.getByText('Pair 2 of 4').waitFor();
    await page.keyboard.press('ArrowLeft');
    await card.getByText('Pair 1 of 4').waitFor();
    await page.keyboard.press('d');
    await card.getByText('Kept “Cooperativa de Costura Flor do Cerrado Oeste” as a separate enterprise.').waitFor();
    await card.getByText('Pair 1 of 3').waitFor();

    // Bulk: the pending list, one pair selected, answered "different".
    await card.getByText('All pending pairs (3)').click();
    const wool = card.getByRole('checkbox', { name: /Tecelagem Mãos Unidas \/ Tecelagem Mãos Unidas do Sul/ });
    await wool.check();
    await card.getByRole('button', { name: 'Different for the selected (1)' }).click();
    await card.getByText('Kept “Tecelagem Mãos Unidas do Sul” as a separate enterprise.').waitFor();
    await card.getByText('Pair 1 of 2').waitFor();

    // S: the bakery (same e-mail, another town) and the dairy co-op are the same; merged, the card goes.
    await expect.poll(() => table.textContent()).toContain('Padaria Bem Viver');
    await card.focus();
    await page.keyboard.press('s');
    await card.getByText('Pair 1 of 1').waitFor();
    await expect.poll(() => table.textContent()).toContain('Cooperativa dos Pequenos Produtores de Leite de Ibiá');
    await card.focus();
    await page.keyboard.press('s');
    await page.getByText('Merged “Cooperativa dos Pequenos Produtores de Leite de Ibiá” into the catalogue’s record.').waitFor();
    // The status comes before the list is read again: wait for the card to go, not a moment.
    await expect.poll(() => card.count()).toBe(0);

    // The catalogue says what was decided: the merged copy is gone, the two kept apart remain.
    await page.goto(new URL('directory?q=Cerrado', app.server.url).href);
    await page.getByRole('link', { name: 'Cooperativa de Costura Flor do Cerrado Oeste' }).waitFor();
    await page.getByRole('link', { name: 'Cooperativa de Costura Flor do Cerrado Leste' }).waitFor();
    await page.goto(new URL('directory?q=Leite', app.server.url).href);
    await page.getByRole('link', { name: 'Cooperativa dos Produtores de Leite de Ibiá' }).waitFor();
    expect(await page.getByRole('link', { name: 'Cooperativa dos Pequenos Produtores de Leite de Ibiá' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
