import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { shot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';

/**
 * An Excel sheet whose name column Teia does not recognise: the core cannot read it as it
 * stands, so the window reads the sheet's header itself (under the app's real CSP) and asks.
 */
describe('importing an Excel sheet from the window', () => {
  const app = servedApp();

  it('asks for the name column, previews the sheet, imports it and reports the row without a name', async () => {
    const page = await app.browser.newPage({ locale: 'pt-BR', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('import', app.server.url).href);
    await page.getByTestId('import-file').setInputFiles(path.join(repoRoot, 'test', 'fixtures', 'ui-import-sheet.xlsx'));
    const name = page.getByLabel('Nome *');
    await name.waitFor();
    expect(await page.getByLabel('Formato').inputValue()).toBe('xlsx');
    expect(await page.getByLabel('Cidade').inputValue()).toBe('Cidade');
    const preview = page.getByRole('region', { name: 'Primeiras linhas do arquivo' });
    await expect.poll(() => preview.getByRole('row').count()).toBe(4);
    await name.selectOption('Nome do empreendimento');
    await page.getByText('Se importar agora: linhas aceitas 2 de 3; rejeitadas 1.').waitFor();
    await page.getByRole('radio', { name: /^Todos são empreendimentos solidários/ }).check();
    await shot(page, 'import-xlsx-mapping-pt');
    await page.getByLabel('Deixar de fora as linhas rejeitadas (1) e importar o resto').check();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    const report = page.getByRole('region', { name: 'Relatório da importação' });
    await report.waitFor();
    // The row's reason in the window's language, from its key (the core's English beside it).
    expect(await report.getByRole('table').first().textContent()).toContain('Não tem nome.');
    await report.getByRole('link', { name: 'Ver no diretório' }).click();
    await page.getByRole('link', { name: 'Cooperativa Araucária' }).waitFor();
    expect(errors).toEqual([]);
  });
});
