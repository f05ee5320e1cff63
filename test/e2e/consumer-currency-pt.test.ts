import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchErrors } from '../helpers/browser.ts';
import { shot } from './ui-shot.ts';
import { servedApp } from '../helpers/app.ts';

/**
 * Issue 13, the consumer's question, in Portuguese on the sample catalogue: who takes my food
 * voucher for bread near me, and who takes my hours for elderly care.
 */
describe('quem aceita minha moeda, para isto, perto de mim (issue 13)', () => {
  const app = servedApp();

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await app.browser.newPage({ locale: 'pt-BR', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    const errors = watchErrors(page);
    await page.goto(new URL(path, app.server.url).href);
    return { page, errors };
  }

  async function setPlace(page: Page) {
    await page.getByLabel('Meu local').fill('sao paulo');
    await page.getByRole('button', { name: 'Definir', exact: true }).click();
    await expect.poll(() => page.getByText('Distâncias a partir de São Paulo, BR.').count()).toBe(1);
  }

  it('o Vale-Feira encontra pão na padaria que o aceita só para pão, e não no bazar que o aceita só para produtos de limpeza', async () => {
    const { page, errors } = await open('search?q=p%C3%A3o');
    await page.getByRole('heading', { level: 1, name: 'Resultados para “pão”' }).waitFor();
    await setPlace(page);
    await page.getByRole('region', { name: 'Produtos' }).getByRole('link').filter({ hasText: /^Pão/ }).click();
    const panel = page.getByRole('region', { name: 'Quem oferece Pão' });
    const cards = panel.getByRole('listitem');
    const names = () => cards.locator('.result-name').allTextContents();
    // Any way of paying: the bazaar sells the bakery's bread at its counter.
    await expect.poll(names).toContain('Bazar Solidário da Mooca');

    await page.getByLabel('Aceita minha moeda').selectOption({ label: 'Vale-Feira (vale)' });
    await expect.poll(names).not.toContain('Bazar Solidário da Mooca');
    expect(await names()).toEqual(['Cooperativa de Consumo Vila Esperança', 'Padaria Cooperativa Pão da Terra']);
    // (The co-op's card names the bakery too: it resells its bread.)
    const bakery = cards.filter({ has: page.getByRole('link', { name: 'Padaria Cooperativa Pão da Terra', exact: true }) });
    expect(await bakery.getByTestId('acceptance').allTextContents()).toEqual(['Aceita Ipê', 'Aceita Vale-Feira só para Pão']);
    // Nearest first, each with its distance.
    const km = (await cards.locator('.distance').allTextContents()).map((t) => Number(t.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(km).toHaveLength(2);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    await shot(page, 'consumer-currency-pt-vale-pao');
    expect(errors).toEqual([]);
  });

  it('as Horas Solidárias encontram a cooperativa de cuidadoras em “cuidado de idosos”, com a parte que aceita em Ipê', async () => {
    const { page, errors } = await open('search?q=cuidado%20de%20idosos');
    await setPlace(page);
    const enterprises = page.locator('.search-results .result-name');
    await expect.poll(() => enterprises.allTextContents()).toEqual(expect.arrayContaining(['Cooperativa de Cuidadoras Cuida Bem', 'Home Care Bem-Estar Ltda.']));
    await page.getByLabel('Aceita minha moeda').selectOption({ label: 'Horas Solidárias (créditos de tempo)' });
    await expect.poll(() => enterprises.allTextContents()).toEqual(['Cooperativa de Cuidadoras Cuida Bem']);
    const card = page.locator('.search-results .result-card').filter({ has: page.getByRole('link', { name: 'Cooperativa de Cuidadoras Cuida Bem', exact: true }) });
    expect(await card.getByTestId('acceptance').allTextContents()).toEqual(['Aceita Horas Solidárias', 'Aceita até 30% em Ipê']);
    expect(await card.textContent()).toContain('Cuidado de idosos');
    await shot(page, 'consumer-currency-pt-horas-cuidado');
    expect(errors).toEqual([]);
  });
});
