import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { shot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';

/**
 * Issue 11: the Import screen asks whether a file's enterprises are solidarity enterprises
 * (a required question with a suggestion the person confirms), and the Overview lists the
 * enterprises left to classify, with bulk decisions.
 */
describe('deciding solidarity on import and on the Overview', () => {
  const app = servedApp();
  const stats = async () => {
    const res = await fetch(new URL('rpc/catalogue-stats', app.server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return ((await res.json()) as { value: { enterprises: number; solidarityEnterprises: number; unclassifiedEnterprises: number } }).value;
  };

  it('asks the question, reads a legal-form column by the default rule, and leaves the rest to classify', async () => {
    const csv = path.join(app.dir, 'fornecedores.csv');
    fs.writeFileSync(
      csv,
      [
        'Name,Town,Legal form',
        'Cooperativa Ipê Roxo,Belo Horizonte,Cooperativa',
        'Atacadão Central,Recife,Ltda',
        'Feira da Vila,Osasco,',
        'Associação Mãos Unidas,Fortaleza,Associação',
        'Grupo Informal Horta,Natal,',
      ].join('\n'),
    );
    const before = await stats();
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByTestId('import-file').setInputFiles(csv);
    const question = page.getByRole('group', { name: /Are these enterprises solidarity enterprises\?/ });
    await question.waitFor();
    // A suggestion is shown, nothing is chosen, and Import waits for the answer.
    await expect.poll(() => page.getByTestId('solidarity-suggestion').textContent()).toContain('From a column of the file: Legal form');
    expect(await question.getByRole('radio', { checked: true }).count()).toBe(0);
    const run = page.getByRole('button', { name: 'Import', exact: true });
    expect(await run.isDisabled()).toBe(true);

    await question.getByRole('radio', { name: /^From a column of the file/ }).check();
    const values = question.getByRole('table');
    await expect.poll(() => values.getByRole('row').count()).toBe(4); // header + Cooperativa, Ltda, Associação
    expect(await question.getByLabel('Solidarity? Cooperativa').inputValue()).toBe('yes');
    expect(await question.getByLabel('Solidarity? Ltda').inputValue()).toBe('no');
    await expect.poll(() => page.getByTestId('solidarity-result').textContent()).toBe('With this answer: 2 solidarity, 1 not solidarity, 2 to classify later.');
    // The person overrules the rule for one value.
    await question.getByLabel('Solidarity? Associação').selectOption('unknown');
    await expect.poll(() => page.getByTestId('solidarity-result').textContent()).toBe('With this answer: 1 solidarity, 1 not solidarity, 3 to classify later.');
    await shot(page, 'import-solidarity-question');
    expect(await run.isDisabled()).toBe(false);
    await run.click();
    await page.getByRole('region', { name: 'Import report' }).waitFor();
    const after = await stats();
    expect(after.solidarityEnterprises - before.solidarityEnterprises).toBe(1);
    expect(after.unclassifiedEnterprises - before.unclassifiedEnterprises).toBe(3);

    // The Overview lists the three; two are decided at once.
    await page.goto(app.server.url);
    const list = page.getByRole('region', { name: /To classify/ });
    await expect.poll(() => page.getByTestId('to-classify-count').textContent()).toBe(`(${after.unclassifiedEnterprises})`);
    await list.getByLabel('Select Feira da Vila').check();
    await list.getByLabel('Select Grupo Informal Horta').check();
    await list.getByText('2 selected').waitFor();
    await shot(page, 'overview-to-classify');
    await list.getByRole('button', { name: 'Solidarity', exact: true }).click();
    await expect.poll(() => page.getByTestId('to-classify-count').textContent()).toBe(`(${after.unclassifiedEnterprises - 2})`);
    await expect.poll(() => page.getByTestId('stat-solidarity').textContent()).toBe(String(after.solidarityEnterprises + 2));
    expect((await stats()).unclassifiedEnterprises).toBe(after.unclassifiedEnterprises - 2);

    // The Network screen says how many are still counted as not solidarity for want of a decision.
    await page.goto(new URL('network', app.server.url).href);
    await expect.poll(() => page.getByTestId('unclassified-notice').textContent()).toMatch(/^1 enterprise is not yet classified/);

    // The last one is decided on its own page.
    await page.goto(new URL('directory?sol=unknown', app.server.url).href);
    await page.getByRole('link', { name: 'Associação Mãos Unidas' }).click();
    await page.getByRole('button', { name: 'It is not solidarity' }).click();
    await expect.poll(async () => (await stats()).unclassifiedEnterprises).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'It is not solidarity' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
