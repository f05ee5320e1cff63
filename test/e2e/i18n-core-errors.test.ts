import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { shot as screenshot } from './ui-shot.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { servedApp } from '../helpers/app.ts';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'ui-import-coops.csv');

/**
 * The core speaks English; the window says its sentences in the person's language from the
 * catalogues (the core sends a key and values beside its sentence).
 */
describe('core errors in the person’s language', () => {
  const app = servedApp();

  it('an enterprise that is not there is said in Portuguese and in French, not in the core’s English', async () => {
    for (const [locale, expected] of [
      ['pt-BR', /Não há empreendimento “nao-existe” neste catálogo\. Ele pode ter sido excluído\./],
      // French typography puts narrow no-break spaces inside « » (\s matches U+202F).
      ['fr-FR', /Il n’y a pas d’entreprise «\snao-existe\s» dans ce catalogue\. Elle a peut-être été supprimée\./],
      ['en-GB', /There is no enterprise “nao-existe” in this catalogue\. It may have been deleted\./],
    ] as const) {
      const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
      const errors = watchErrors(page);
      await page.goto(new URL('enterprise/nao-existe', app.server.url).href);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toMatch(expected);
      if (locale !== 'en-GB') expect(text).not.toMatch(/There is no|No enterprise has/);
      if (locale === 'fr-FR') await screenshot(page, 'i18n-core-error-fr');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the import’s row-by-row reasons are in Spanish and French', async () => {
    for (const [locale, nameLabel, reason] of [
      ['es-ES', 'Nombre *', 'No tiene nombre.'],
      ['fr-FR', 'Nom *', 'Elle n’a pas de nom.'],
    ] as const) {
      const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(60_000);
      const errors = watchErrors(page);
      await page.goto(new URL('import', app.server.url).href);
      await page.getByTestId('import-file').setInputFiles(fixture);
      const name = page.getByLabel(nameLabel, { exact: true });
      await name.waitFor();
      await name.selectOption('Nome do empreendimento');
      const details = page.locator('.dry-rejected');
      await details.locator('summary').click();
      const table = details.getByRole('table');
      await expect.poll(() => table.getByRole('row').count()).toBe(2);
      const row = (await table.getByRole('row').nth(1).textContent()) ?? '';
      expect(row).toContain(reason);
      expect(row).not.toContain('It has no name.');
      if (locale === 'es-ES') await screenshot(page, 'i18n-import-reason-es');
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
