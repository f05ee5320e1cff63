import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchErrors } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { servedApp } from '../helpers/app.ts';
import { shot } from './ui-shot.ts';

/**
 * Typing a chain by hand on an enterprise's page and in the chain interview, over teia serve
 * on the sample catalogue, checked against the engine's own answer (engine-analyse).
 */
describe('typing a chain: suppliers, buyers, offers and needs on a page, and the interview', () => {
  const app = servedApp();

  const rpc = async <T,>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(new URL(`rpc/${method}`, app.server.url), { method: 'POST', body: JSON.stringify(input), headers: { 'content-type': 'application/json' } });
    const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const directShare = async (id: string) =>
    (await rpc<{ result: { directShare: Record<string, number | null> } }>('engine-analyse', { plan: false })).result.directShare[id];

  const open = async (locale: string, path: string) => {
    const page = await app.browser.newPage({ locale, bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(60_000);
    await page.goto(new URL(path, app.server.url).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  };
  /** Types into an autocomplete and takes the highlighted choice with Enter. */
  const pick = async (page: Page, label: string, text: string, choice: RegExp) => {
    const box = page.getByRole('combobox', { name: label });
    await box.fill(text);
    await page.getByRole('option', { name: choice }).first().waitFor();
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(choice);
    await box.press('Enter');
  };

  it('adds, edits and removes a supplier, each undone, and the engine’s direct share follows', async () => {
    const page = await open('en-GB', 'enterprise/armazem');
    const errors = watchErrors(page);
    const suppliers = page.getByRole('region', { name: 'Suppliers' });
    await expect.poll(() => suppliers.getByRole('link').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await directShare('armazem');

    await suppliers.getByRole('button', { name: '+ Add a supplier' }).click();
    const form = page.getByRole('form', { name: 'Add a supplier' });
    await pick(page, 'Product', 'coffee', /^Coffee/);
    await pick(page, 'Supplier', 'mantiqueira', /Cafeicultores da Mantiqueira/);
    // The focus has moved on to the quantity by itself.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent)).toMatch(/Quantity/);
    await page.keyboard.type('600');
    await form.getByLabel('Value').fill('18000');
    await form.getByLabel('Period').fill('2026');
    await shot(page, 'chains-add-supplier-en');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('Period').press('Enter');
    const row = suppliers.getByRole('row', { name: /Cafeicultores da Mantiqueira.*Coffee/ });
    await row.waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Supplier added.');
    const added = await directShare('armazem');
    expect(added!).toBeGreaterThan(before!);

    // Edit it: a smaller purchase, so a smaller share.
    await suppliers.getByRole('button', { name: 'Edit Cooperativa de Cafeicultores da Mantiqueira · Coffee' }).click();
    const edit = page.getByRole('form', { name: /Edit/ });
    await edit.getByLabel('Value').fill('2000');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/2,000/);
    const edited = await directShare('armazem');
    expect(edited!).toBeLessThan(added!);
    expect(edited!).toBeGreaterThan(before!);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/18,000/);
    expect(await directShare('armazem')).toBe(added);

    // Remove it, undo with Ctrl+Z, remove again.
    await suppliers.getByRole('button', { name: 'Remove Cooperativa de Cafeicultores da Mantiqueira · Coffee' }).click();
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
    expect(await directShare('armazem')).toBe(before);
    await page.locator('h1').click();
    await page.keyboard.press('Control+z');
    await row.waitFor();
    expect(await directShare('armazem')).toBe(added);
    await suppliers.getByRole('button', { name: 'Remove Cooperativa de Cafeicultores da Mantiqueira · Coffee' }).click();
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
    expect(await directShare('armazem')).toBe(before);

    // A buyer that is also the supplier cannot even be offered; a negative quantity is refused in a sentence.
    await suppliers.getByRole('button', { name: '+ Add a supplier' }).click();
    await pick(page, 'Product', 'honey', /^Honey/);
    await page.getByRole('combobox', { name: 'Supplier' }).fill('Armazém Solidário');
    await expect.poll(() => page.getByRole('option').allTextContents()).not.toContainEqual(expect.stringMatching(/^Armazém Solidário do Ipê/));
    await pick(page, 'Supplier', 'flor do campo', /Flor do Campo/);
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('form', { name: 'Add a supplier' }).getByRole('alert').textContent()).toMatch(/quantity cannot be negative/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds an offer and a need, removes the need, and undo brings it back', async () => {
    const page = await open('en-GB', 'enterprise/coopercafe');
    const errors = watchErrors(page);
    const offers = page.getByRole('region', { name: 'Offers' });
    await offers.getByRole('button', { name: '+ Add an offer' }).click();
    await pick(page, 'Product', 'honey', /^Honey/);
    await page.keyboard.type('120');
    const form = page.getByRole('form', { name: 'Add an offer' });
    await form.getByLabel('Price per unit').fill('35,5');
    await form.getByLabel('Currency').fill('BRL');
    await form.getByLabel('Currency').press('Enter');
    await offers.getByRole('row', { name: /Honey.*120.*35\.5 BRL/ }).waitFor();
    const stored = await rpc<{ offers: { product: { id: string }; price: number | null }[] }>('enterprise-relations', { id: 'coopercafe' });
    expect(stored.offers.find((o) => o.product.id === 'honey')?.price).toBe(35.5);

    const needs = page.getByRole('region', { name: 'Needs' });
    await needs.getByRole('button', { name: '+ Add a need' }).click();
    await pick(page, 'Product', 'paper bags', /^Paper bags/);
    await page.keyboard.type('3000');
    await page.keyboard.press('Enter');
    const need = needs.getByRole('row', { name: /Paper bags.*3,000/ });
    await need.waitFor();
    await needs.getByRole('button', { name: 'Remove Paper bags' }).click();
    await expect.poll(() => need.count(), { timeout: 30_000 }).toBe(0);
    await page.getByRole('button', { name: /^Undo/ }).click();
    await need.waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Portuguese: a buyer created in place is not taken for solidarity', async () => {
    const page = await open('pt-BR', 'enterprise/padaria-terra');
    const errors = watchErrors(page);
    const buyers = page.getByRole('region', { name: 'Compradores' });
    await buyers.getByRole('button', { name: '+ Adicionar um comprador' }).click();
    await pick(page, 'Produto', 'pão', /^Pão/);
    const box = page.getByRole('combobox', { name: 'Comprador' });
    await box.fill('Mercearia Dona Rosa');
    await page.getByRole('option', { name: /Criar “Mercearia Dona Rosa”/ }).click();
    await expect.poll(() => box.getAttribute('class')).toBe('picked');
    const form = page.getByRole('form', { name: 'Adicionar um comprador' });
    await form.getByLabel('Quantidade').fill('1.200');
    await form.getByLabel('Preço por unidade').fill('2,50');
    await shot(page, 'chains-add-buyer-pt');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('Preço por unidade').press('Enter');
    const row = buyers.getByRole('row', { name: /Mercearia Dona Rosa/ });
    await row.waitFor();
    // 1.200 × 2,50 = 3.000 in pt-BR figures; the new enterprise carries no solidarity badge of its own choosing.
    expect(await row.textContent()).toMatch(/1\.200.*3\.000/);
    const rel = await rpc<{ buyers: { enterprise: { id: string; solidarity: boolean }; quantity: number; value: number | null }[] }>('enterprise-relations', { id: 'padaria-terra' });
    const made = rel.buyers.find((b) => b.enterprise.id === 'mercearia-dona-rosa')!;
    expect(made).toMatchObject({ quantity: 1200, value: 3000, enterprise: { solidarity: false } });
    expect(await rpc<{ classified: boolean }>('enterprise-get', { id: 'mercearia-dona-rosa' })).toMatchObject({ classified: false, solidarity: false });
    await shot(page, 'chains-buyer-added-pt');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the interview: three inputs typed with the keyboard only, the figures following each row', async () => {
    const page = await open('en-GB', 'interview/restaurante-sabor');
    const errors = watchErrors(page);
    const figure = page.locator('[data-figure="direct-share"] .big');
    const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v));
    await expect.poll(async () => figure.textContent(), { timeout: 30_000 }).toBe(percent(await directShare('restaurante-sabor')));
    const start = await figure.textContent();
    // The first question has the focus on arrival.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    const rows: [string, RegExp, string, RegExp, string, string][] = [
      ['honey', /^Honey/, 'flor do campo', /Flor do Campo/, '100', '3000'],
      ['cane sugar', /^Unrefined cane sugar/, 'capivari', /Capivari/, '50', '400'],
      ['cassava', /^Cassava flour/, 'ivaporunduva', /Quilombo Ivaporunduva/, '80', '900'],
    ];
    let n = 0;
    for (const [product, productChoice, supplier, supplierChoice, quantity, value] of rows) {
      await page.keyboard.type(product);
      await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(productChoice);
      await page.keyboard.press('Enter');
      await page.keyboard.type(supplier);
      await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(supplierChoice);
      await page.keyboard.press('Enter');
      await page.keyboard.type(quantity);
      await page.keyboard.press('Tab');
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
      n++;
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain(`${n} inputs recorded`);
      // Back in the first box, empty, ready for the next row.
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('');
      await expect.poll(async () => figure.textContent(), { timeout: 30_000 }).toBe(percent(await directShare('restaurante-sabor')));
    }
    expect(await figure.textContent()).not.toBe(start);
    await shot(page, 'chains-interview-en');
    expect(await seriousViolations(page)).toEqual([]);
    const recorded = page.getByRole('table', { name: 'What it buys, newest first' });
    expect(await recorded.getByRole('row', { name: /Quilombo Ivaporunduva.*Cassava flour.*80/ }).count()).toBe(1);
    // Ctrl+Z in the empty first box takes the last row back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain('2 inputs recorded');
    await expect.poll(() => recorded.getByRole('row', { name: /Quilombo Ivaporunduva/ }).count()).toBe(0);
    await expect.poll(async () => figure.textContent(), { timeout: 30_000 }).toBe(percent(await directShare('restaurante-sabor')));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the interview in Portuguese, reached from the directory', async () => {
    const page = await open('pt-BR', 'directory');
    await page.getByRole('link', { name: 'Entrevista de cadeia' }).click();
    // Pick the enterprise with the keyboard: its box has the focus on arrival.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('restaurante popular');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^Restaurante Popular Sabor Solidário/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Restaurante Popular Sabor Solidário/ }).waitFor();
    await page.getByRole('combobox', { name: 'O que vocês compram?' }).waitFor();
    await page.keyboard.type('mel');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^Mel/);
    await shot(page, 'chains-interview-pt');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
