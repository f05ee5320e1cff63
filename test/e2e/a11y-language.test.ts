import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { shot as screenshot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';

/** The interface speaks the person's language: the system's by default, another chosen in settings. */
describe('language and locale', () => {
  const app = servedApp();

  it('follows the browser’s language by default (pt-BR → Portuguese, numbers and prices in pt-BR)', async () => {
    const page = await app.browser.newPage({ locale: 'pt-BR' });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1, name: 'Visão geral' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt');
    await page.getByRole('link', { name: 'Buscar' }).first().waitFor();
    // Search in Portuguese: product names come in Portuguese, prices formatted "R$ 4,00".
    await page.getByRole('searchbox', { name: 'Buscar' }).fill('verduras');
    await page.getByRole('heading', { level: 1, name: 'Resultados para “verduras”' }).waitFor();
    const product = page.getByRole('region', { name: 'Produtos' }).getByRole('link').first();
    await product.waitFor();
    expect(await product.textContent()).toContain('Verduras folhosas');
    await product.click();
    const panel = page.getByRole('region', { name: /Quem oferece Verduras folhosas/ });
    await panel.getByRole('listitem').first().waitFor();
    expect(await panel.textContent()).toMatch(/R\$\s4,00/);
    await screenshot(page, 'language-pt-search');
    expect(errors).toEqual([]);
  });

  it('searches in Spanish and French without accents (azucar → Azúcar, legumes → Légumes frais)', async () => {
    for (const [locale, q, heading, product] of [
      ['es-ES', 'azucar', 'Resultados para «azucar»', 'Azúcar'],
      ['fr-FR', 'legumes', 'Résultats pour « legumes »', 'Légumes frais'],
    ] as const) {
      const page = await app.browser.newPage({ locale });
      page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
      const errors = watchErrors(page);
      await page.goto(app.server.url);
      await page.getByRole('searchbox').fill(q);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const names = page.locator('.product-hits .product-name');
      await expect.poll(() => names.allTextContents()).toContain(product);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('switches to the language chosen in settings, and keeps it', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB' });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL('settings', app.server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Language').selectOption({ label: 'Português' });
    await page.getByRole('heading', { level: 1, name: 'Configurações' }).waitFor();
    await page.getByRole('link', { name: 'Visão geral' }).click();
    // Thousands are grouped the Brazilian way: 1.234 not 1,234 (the sample has fewer; check the formatter's output shape).
    const stat = page.getByTestId('stat-enterprises');
    // Wait for the state, not a moment: the figure replaces its loading placeholder "…" when
    // the stats arrive (the element is there, with "…", before they do).
    await expect.poll(() => stat.textContent(), { timeout: 60_000 }).toMatch(/^\d{1,3}(\.\d{3})*$/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Visão geral' }).waitFor();
    await screenshot(page, 'language-pt-overview');

    // And French, with its own number format on the search screen's count.
    await page.getByRole('link', { name: 'Configurações' }).click();
    await page.getByLabel('Idioma').selectOption({ label: 'Français' });
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(errors).toEqual([]);
  });
});
