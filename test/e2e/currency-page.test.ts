import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { axeViolations, rpc, shot } from './network-helpers.ts';
import { servedApp } from '../helpers/app.ts';

interface CurrencyPage {
  currency: { id: string; name: string; issuer: string | null };
  acceptorCount: number;
  acceptors: { enterprise: { id: string; name: string }; share: number | null; products: { id: string }[] | null }[];
  networks: { id: string }[];
}
interface Analysis {
  result: { currencies: { currency: string; circulation: number | null; payableShare: number | null; nextAcceptors: { enterprise: string }[] }[] };
}

describe('a currency’s own page, made in the app (Portuguese)', () => {
  const app = servedApp();

  it('creates a currency, makes a directory selection accept it up to 50 % for food, and reads where it is accepted and how it circulates', async () => {
    const page = await app.browser.newPage({ locale: 'pt-BR', viewport: { width: 1280, height: 2200 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    const pct = (v: number) => new Intl.NumberFormat('pt-BR', { style: 'percent', maximumFractionDigits: 1 }).format(v);

    // From the directory to the currencies, then a new one, its issuer picked from the enterprises.
    await page.goto(new URL('directory', app.server.url).href);
    await page.getByRole('link', { name: 'Moedas', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Moedas sociais, vales e créditos de tempo' }).waitFor();
    await page.getByRole('link', { name: 'Nova moeda' }).click();
    await page.getByLabel('Nome', { exact: true }).fill('Sampa');
    await page.getByLabel('Tipo').selectOption('social-currency');
    await page.getByLabel(/^Unidade/).fill('S$');
    // A rate that is not a number is refused in Portuguese before anything is sent.
    await page.getByLabel(/^Valor de uma unidade/).fill('zero');
    await page.getByRole('button', { name: 'Criar' }).click();
    await page.getByRole('alert').getByText('O valor de uma unidade deve ser um número acima de 0.').waitFor();
    await page.getByLabel(/^Valor de uma unidade/).fill('1');
    await page.getByRole('combobox', { name: 'Emitida por (um empreendimento)' }).fill('Banco Comunitário');
    await page.getByRole('option', { name: /Banco Comunitário Jardim Ipê/ }).click();
    await page.getByRole('button', { name: 'Criar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sampa' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/\/currency\/sampa$/);
    await page.getByTestId('acceptor-count').getByText('Nenhum empreendimento a aceita ainda.').waitFor();

    // A second one with the same name is refused with a sentence in Portuguese.
    await page.goto(new URL('currency/new', app.server.url).href);
    await page.getByLabel('Nome', { exact: true }).fill('Sampa');
    await page.getByLabel('Tipo').selectOption('voucher');
    await page.getByRole('button', { name: 'Criar' }).click();
    await page.getByRole('alert').getByText('Já existe uma moeda com o código “sampa” (Sampa). Dê outro código a esta, ou edite aquela.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A directory selection accepts it, up to 50 %, for food.
    await page.goto(new URL('directory?q=Cooperativa', app.server.url).href);
    const rows = page.locator('.directory-table tbody tr:not(.spacer)');
    await expect.poll(() => rows.locator('.col-name a').count(), { timeout: 30_000 }).toBeGreaterThan(5);
    const names = await rows.locator('.col-name a').allTextContents();
    await page.getByLabel('Selecionar as linhas mostradas').check();
    const bar = page.getByTestId('accept-bulk-bar');
    await bar.getByLabel('Moeda').selectOption('sampa');
    await bar.getByLabel('Até (%)').fill('150');
    await bar.getByRole('button', { name: 'Eles aceitam' }).click();
    await bar.getByRole('alert').getByText('Uma parcela do preço é mais de 0 % e no máximo 100 %.').waitFor();
    await bar.getByLabel('Até (%)').fill('50');
    await bar.getByRole('combobox', { name: 'Adicionar um produto' }).fill('Alimentos');
    await page.getByRole('option', { name: /^Alimentos/ }).first().click();
    await bar.getByRole('listitem').getByText('Alimentos').waitFor();
    await bar.getByRole('button', { name: 'Eles aceitam' }).click();
    await bar.getByRole('status').getByText(`${names.length} empreendimentos agora aceitam “Sampa”: até ${pct(0.5)}, para Alimentos.`).waitFor();
    await shot(bar, 'directory-accept-bulk-pt');
    expect(await axeViolations(page)).toEqual([]);

    const data = await rpc<CurrencyPage>(app.server.url, 'currency-get', { id: 'sampa' });
    expect(data.acceptorCount).toBe(names.length);
    expect(data.currency.issuer).toBe('banco-ipe');
    expect(data.acceptors.every((a) => a.share === 0.5 && a.products?.map((p) => p.id).join() === 'food')).toBe(true);
    expect(data.acceptors.map((a) => a.enterprise.name).sort()).toEqual([...names].sort());

    // An enterprise's page says it in words, and links to the currency's page.
    const one = data.acceptors[0].enterprise;
    await page.goto(new URL(`enterprise/${encodeURIComponent(one.id)}`, app.server.url).href);
    const accepted = page.getByTestId('accepted-currencies').locator('li[data-currency="sampa"]');
    await expect.poll(() => accepted.textContent()).toBe(`Sampa — até ${pct(0.5)}, para Alimentos`);
    // Edited there: a quarter instead of half; the page's Undo puts half back.
    await page.getByRole('button', { name: 'Editar as moedas aceitas' }).click();
    await page.locator('.accepts-row[data-currency="sampa"]').getByLabel(/^Parcela do preço/).fill('25');
    await shot(page.getByRole('form', { name: 'Editar as moedas aceitas' }), 'enterprise-accepts-editor-pt');
    await page.getByRole('button', { name: 'Salvar', exact: true }).click();
    await expect.poll(() => accepted.textContent()).toBe(`Sampa — até ${pct(0.25)}, para Alimentos`);
    await page.getByRole('button', { name: /^Desfazer/ }).click();
    await expect.poll(() => accepted.textContent()).toBe(`Sampa — até ${pct(0.5)}, para Alimentos`);

    // The list of currencies counts who accepts it; the Network screen links its name to its page.
    await page.goto(new URL('currencies', app.server.url).href);
    await page.locator('tr[data-currency="sampa"]').getByText(`aceita por ${names.length} empreendimentos`).waitFor();
    await shot(page.locator('.currency-list'), 'currency-list-pt');
    await page.goto(new URL('network', app.server.url).href);
    await page.getByRole('combobox', { name: /^Rede/ }).first().selectOption(data.networks[0].id);
    await page.getByTestId('currencies').getByTestId('currency-sampa').getByRole('link', { name: 'Sampa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sampa' }).waitFor();
    await page.goto(new URL(`enterprise/${encodeURIComponent(one.id)}`, app.server.url).href);
    await accepted.getByRole('link', { name: 'Sampa' }).click();

    // The currency's page: what it is, who issues it, where it is accepted and for what.
    await page.getByRole('heading', { level: 1, name: 'Sampa' }).waitFor();
    await page.getByTestId('acceptor-count').getByText(`${names.length} empreendimentos a aceitam.`).waitFor();
    expect(await page.getByTestId('currency-kind').textContent()).toMatch(/^Moeda social — a moeda de um banco comunitário/);
    expect(await page.getByTestId('currency-issuer').getByRole('link').textContent()).toBe('Banco Comunitário Jardim Ipê');
    const table = page.getByTestId('acceptors');
    expect(await table.locator('tbody tr').evaluateAll((tr) => tr.map((r) => r.getAttribute('data-enterprise')))).toEqual(data.acceptors.map((a) => a.enterprise.id));
    expect(new Set(await table.getByTestId('acceptor-share').allTextContents())).toEqual(new Set([`até ${pct(0.5)}`]));
    expect(new Set(await table.getByTestId('acceptor-for').allTextContents())).toEqual(new Set(['Alimentos']));
    await page.getByRole('img', { name: 'Mapa dos empreendimentos que aceitam Sampa' }).waitFor();

    // How it circulates: the Network screen's figures for the network where most members accept it.
    expect(data.networks.length).toBeGreaterThan(0);
    const engine = await rpc<Analysis>(app.server.url, 'engine-analyse', { network: data.networks[0].id, plan: false, limits: { links: 10, substitutes: 0, explain: 0 } });
    const figures = engine.result.currencies.find((c) => c.currency === 'sampa')!;
    const card = page.getByTestId('currency-circulation').getByTestId('currency-sampa');
    await card.waitFor();
    expect(await card.getByTestId('circulation').getAttribute('data-value')).toBe(figures.circulation === null ? '' : String(figures.circulation));
    if (figures.payableShare !== null) expect(await card.getByTestId('payable-share').textContent()).toBe(pct(figures.payableShare));
    if (figures.nextAcceptors.length) {
      expect(await card.getByTestId('next-acceptors').locator('li').evaluateAll((li) => li.map((x) => x.getAttribute('data-enterprise')))).toEqual(figures.nextAcceptors.map((n) => n.enterprise));
    }
    expect(await axeViolations(page)).toEqual([]);

    // The page in the four languages, each looked at.
    for (const lang of ['pt', 'en', 'es', 'fr']) {
      await page.evaluate((l) => localStorage.setItem('teia-lang', l), lang);
      await page.reload();
      await page.getByTestId('currency-circulation').getByTestId('currency-sampa').waitFor();
      await shot(page.getByTestId('currency-page'), `currency-page-${lang}`);
    }
    await page.evaluate(() => localStorage.setItem('teia-lang', 'pt'));
    await page.reload();

    // Deleting it asks (saying how many lose their acceptance), and Undo puts all of it back.
    await page.getByRole('button', { name: 'Excluir' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${names.length} empreendimentos a aceitam: excluí-la tira também a aceitação deles. Dá para desfazer logo em seguida.`).waitFor();
    await dialog.getByRole('button', { name: 'Excluir' }).click();
    await page.getByRole('status').getByText(`“Sampa” excluída; ${names.length} empreendimentos não a aceitam mais.`).waitFor();
    expect((await (await app.rpc('currency-get', { id: 'sampa' })).json()).ok).toBe(false);
    await page.getByRole('button', { name: 'Trazer de volta' }).click();
    await page.getByTestId('acceptor-count').getByText(`${names.length} empreendimentos a aceitam.`).waitFor();
    expect(await rpc<CurrencyPage>(app.server.url, 'currency-get', { id: 'sampa' })).toEqual(data);

    // The sample's food voucher: an entry limited to a product the voucher does not pay for says so.
    await page.goto(new URL('currency/vale-feira', app.server.url).href);
    await page.getByTestId('currency-circulation').getByTestId('currency-vale-feira').waitFor();
    expect(await page.getByTestId('currency-pays-for').textContent()).toBe('Alimentos');
    const voucher = await rpc<{ acceptors: { enterprise: { id: string; solidarity: boolean; lat: number | null }; outsideScope: boolean }[] }>(app.server.url, 'currency-get', { id: 'vale-feira' });
    for (const a of voucher.acceptors) {
      const cell = page.locator(`tr[data-enterprise="${a.enterprise.id}"]`).getByTestId('acceptor-for');
      expect(((await cell.textContent()) ?? '').includes('Vale-Feira não paga isso')).toBe(a.outsideScope);
    }
    // Its acceptors sit in one city: the map zooms to a region and still draws every mark inside it.
    const marks = await page.getByRole('img', { name: 'Mapa dos empreendimentos que aceitam Vale-Feira' }).evaluate((svg) =>
      [...svg.querySelectorAll('circle')].map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]),
    );
    expect(marks.length).toBe(voucher.acceptors.filter((a) => a.enterprise.solidarity && a.enterprise.lat !== null).length);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every(([x, y]) => x > 0 && x < 700 && y > 0 && y < 520)).toBe(true);
    await shot(page.getByTestId('currency-page'), 'currency-page-voucher-pt');
    expect(errors).toEqual([]);
  });
});
