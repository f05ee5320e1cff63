import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { servedApp } from '../helpers/app.ts';
import { shot } from './ui-shot.ts';

/** Networks from a directory selection, and the product taxonomy edited by hand, over teia serve. */
describe('networks in bulk from the directory, and products by hand', () => {
  const app = servedApp();
  const rpc = async <T,>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(new URL(`rpc/${method}`, app.server.url), { method: 'POST', body: JSON.stringify(input), headers: { 'content-type': 'application/json' } });
    const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const members = async (id: string) => (await rpc<{ networks: { id: string; members: number }[] }>('network-list', {})).networks.find((n) => n.id === id)?.members;

  it('ticks enterprises in the directory, puts them in a new network, and undoes it', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('directory', app.server.url).href);
    await page.getByRole('checkbox', { name: 'Select Armazém Solidário do Ipê' }).check();
    await page.getByRole('checkbox', { name: 'Select Sítio Três Irmãs' }).check();
    const bar = page.getByRole('group', { name: '2 selected' });
    await bar.getByLabel('Network').selectOption({ label: 'New network…' });
    await bar.getByLabel('Name of the new network').fill('Circuito Curto Leste');
    await shot(page, 'chains-directory-bulk-en');
    expect(await seriousViolations(page)).toEqual([]);
    await bar.getByRole('button', { name: 'Add to the network' }).click();
    await expect.poll(() => bar.getByRole('status').textContent(), { timeout: 30_000 }).toContain('2 added to “Circuito Curto Leste”.');
    expect(await members('circuito-curto-leste')).toBe(2);
    // The engine scopes to the new network at once.
    const scoped = await rpc<{ result: { scope: { members: string[] } } }>('engine-analyse', { network: 'circuito-curto-leste', plan: false });
    expect(scoped.result.scope.members.sort()).toEqual(['armazem', 'sitio-tres-irmas']);
    await bar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => bar.getByRole('status').textContent(), { timeout: 30_000 }).toContain('Undone.');
    expect(await members('circuito-curto-leste')).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Portuguese: renames a product, refuses a cycle in a sentence, and merges two', async () => {
    const page = await app.browser.newPage({ locale: 'pt-BR', bypassCSP: true, viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('products', app.server.url).href);
    await page.getByRole('heading', { level: 1, name: 'Produtos' }).waitFor();
    await page.getByRole('button', { name: 'Renomear Mel' }).click();
    const rename = page.getByRole('form', { name: /Renomear Honey/ });
    await rename.getByLabel('Nome (Português)').fill('Mel silvestre');
    await rename.getByLabel('Nome (Español)').fill('Miel silvestre');
    await rename.getByLabel('Nome (Português)').press('Enter');
    await page.getByRole('button', { name: 'Renomear Mel silvestre' }).waitFor();
    const hits = await rpc<{ products: { id: string }[] }>('search-query', { q: 'silvestre', lang: 'pt' });
    expect(hits.products.map((p) => p.id)).toContain('honey');
    await page.getByRole('button', { name: 'Desfazer' }).click();
    await page.getByRole('button', { name: 'Renomear Mel', exact: true }).waitFor();

    // A cycle: coffee under organic coffee, which is under coffee.
    await page.getByRole('button', { name: 'Mover Café', exact: true }).click();
    const move = page.getByRole('form', { name: /Mover Coffee/ });
    const under = move.getByRole('combobox', { name: 'Dentro de' });
    await under.fill('café orgânico');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^Café orgânico/);
    await under.press('Enter');
    await move.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/cannot go under “Organic coffee”/);
    await shot(page, 'chains-products-pt');
    expect(await seriousViolations(page)).toEqual([]);
    await move.getByRole('button', { name: 'Cancelar' }).click();

    const flowsBefore = (await rpc<{ flows: number; products: number }>('catalogue-stats', {}));
    await page.getByRole('button', { name: 'Juntar com… Ovos' }).click();
    const merge = page.getByRole('form', { name: /Juntar “Ovos” com/ });
    const into = merge.getByRole('combobox');
    await into.fill('queijo');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^Queijo/);
    await into.press('Enter');
    await merge.getByRole('button', { name: 'Juntar' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/“Ovos” juntado com “Queijo”/);
    const after = await rpc<{ flows: number; products: number }>('catalogue-stats', {});
    expect(after).toMatchObject({ flows: flowsBefore.flows, products: flowsBefore.products - 1 });
    // The status comes with the answer; the list is read again after it.
    await expect.poll(() => page.getByRole('button', { name: 'Renomear Ovos' }).count()).toBe(0);
    // A merge is undone from the bar: the product is back and so are its records.
    await page.getByRole('button', { name: 'Desfazer' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 30_000 }).toContain('Desfeito.');
    await expect.poll(async () => (await rpc<{ products: number }>('catalogue-stats', {})).products).toBe(flowsBefore.products);
    await page.getByRole('button', { name: 'Renomear Ovos' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
