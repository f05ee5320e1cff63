import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { openSearchCore } from './search-fixture.ts';

/**
 * "Accepts my currency" means accepts it for the product searched (issue 13, ENGINE.md §3.8
 * accepts(e, c, p)): an entry limited to products, and a voucher's own products, count only
 * when the searched product is within them (it or narrower). Imported through the package
 * import into a real SQLite catalogue.
 */
const HERE = { lat: -23.55, lon: -46.63 };
const pkg: TeiaPackage = {
  format: 'teia-package',
  version: 1,
  products: [
    { id: 'food', name: 'Food', names: { pt: 'Alimentos' }, parent: null },
    { id: 'bread', name: 'Bread', names: { pt: 'Pão' }, parent: 'food' },
    { id: 'sourdough', name: 'Sourdough bread', names: { pt: 'Pão de fermentação natural' }, parent: 'bread' },
    { id: 'fruit', name: 'Fruit', names: { pt: 'Frutas' }, parent: 'food' },
    { id: 'soap', name: 'Soap', names: { pt: 'Sabão' }, parent: null },
    { id: 'shoes', name: 'Shoes', names: { pt: 'Sapatos' }, parent: null },
    { id: 'care', name: 'Care', names: { pt: 'Cuidados' }, parent: null },
    { id: 'elderly-care', name: 'Elderly care', names: { pt: 'Cuidado de idosos' }, parent: 'care' },
  ],
  currencies: [
    { id: 'vale', name: 'Vale-Feira', kind: 'voucher', products: ['food'] },
    { id: 'sampa', name: 'Sampa', kind: 'social-currency' },
    { id: 'horas', name: 'Horas', kind: 'time-credits' },
  ],
  enterprises: [
    // Nearest, sells bread and soap, but takes the voucher only for soap (which the voucher does not cover either).
    { id: 'mercado', name: 'Mercado da Vila', solidarity: true, lat: -23.551, lon: -46.631, currencies: [{ currency: 'vale', products: ['soap'] }, 'sampa'] },
    { id: 'padaria-perto', name: 'Padaria Perto', solidarity: true, lat: -23.56, lon: -46.64, currencies: [{ currency: 'vale', products: ['bread'] }, { currency: 'sampa', share: 0.5 }] },
    // Offers only a narrower bread, takes the voucher for all food: sourdough is within both.
    { id: 'padaria-longe', name: 'Padaria Longe', solidarity: true, lat: -23.9, lon: -46.9, currencies: [{ currency: 'vale', products: ['food'] }] },
    // Takes the voucher plainly, but sells nothing food.
    { id: 'sapataria', name: 'Sapataria Solidária', solidarity: true, lat: -23.552, lon: -46.632, currencies: ['vale'] },
    // No entry, but prices its fruit in the voucher.
    { id: 'banca', name: 'Banca de Frutas', solidarity: true, lat: -23.6, lon: -46.7 },
    { id: 'cuidadoras', name: 'Cooperativa de Cuidadoras', solidarity: true, lat: -23.65, lon: -46.76, currencies: ['horas'] },
    { id: 'agencia', name: 'Agência de Cuidadores Ltda', solidarity: false, lat: -23.55, lon: -46.63 },
  ],
  offers: [
    { enterprise: 'mercado', product: 'bread', price: 1 },
    { enterprise: 'mercado', product: 'soap', price: 5 },
    { enterprise: 'padaria-perto', product: 'bread', price: 1 },
    { enterprise: 'padaria-longe', product: 'sourdough', price: 3 },
    { enterprise: 'sapataria', product: 'shoes', price: 90 },
    { enterprise: 'banca', product: 'fruit', price: 4, currency: 'vale' },
    { enterprise: 'cuidadoras', product: 'elderly-care', price: 30 },
    { enterprise: 'agencia', product: 'elderly-care', price: 50 },
  ],
};

let core: Core;
let cleanup: () => void;
beforeAll(() => {
  ({ core, cleanup } = openSearchCore({ format: 'teia-package', version: 1 }));
  const report = applyImportSync(core.ctx.db, parsePackage(new TextEncoder().encode(JSON.stringify(pkg))));
  expect(report.rejected).toEqual([]);
});
afterAll(() => cleanup());

const offers = (product: string, currency?: string) => core.call('search-offers', { product, near: HERE, lang: 'pt', ...(currency ? { currency } : {}) });
const ids = (r: { suppliers: { id: string }[] }) => r.suppliers.map((s) => s.id);

describe('search-offers honours what an enterprise accepts a currency for', () => {
  it('a food voucher finds the bakeries that take it for bread (or all food), nearest first, not the shop that takes it only for soap', async () => {
    expect(ids(await offers('bread'))).toEqual(['mercado', 'padaria-perto', 'padaria-longe']);
    expect(ids(await offers('bread', 'vale'))).toEqual(['padaria-perto', 'padaria-longe']);
    // The same shop is found with a currency it takes for everything.
    expect(ids(await offers('bread', 'sampa'))).toEqual(['mercado', 'padaria-perto']);
    // Searching the broader product: sourdough and bread are within food.
    expect(ids(await offers('food', 'vale'))).toEqual(['padaria-perto', 'banca', 'padaria-longe']);
  });

  it("a voucher's own products count too: taken for soap or shoes, it pays for neither", async () => {
    const soap = await offers('soap', 'vale');
    expect(soap.mode).toBe('none');
    expect(ids(soap)).toEqual([]);
    expect(ids(await offers('shoes', 'vale'))).toEqual([]);
    expect(ids(await offers('shoes'))).toEqual(['sapataria']);
  });

  it('an offer priced in the currency counts as taking it, within the voucher\u2019s scope', async () => {
    expect(ids(await offers('fruit', 'vale'))).toEqual(['banca']);
  });

  it('time credits for care: the carers\u2019 co-op that takes hours', async () => {
    expect(ids(await offers('care', 'horas'))).toEqual(['cuidadoras']);
    expect(ids(await offers('elderly-care', 'sampa'))).toEqual([]);
  });

  it('says the share and the products, names in the language asked', async () => {
    const r = await offers('bread', 'vale');
    expect(r.suppliers[0].acceptances).toEqual([
      { currency: 'vale', share: null, products: [{ id: 'bread', name: 'Pão' }] },
      { currency: 'sampa', share: 0.5, products: null },
    ]);
    expect(r.suppliers[0].currencies).toEqual(['vale', 'sampa']);
  });
});

describe('search-query with a currency', () => {
  const query = async (q: string, currency?: string) =>
    (await core.call('search-query', { q, near: HERE, lang: 'pt', ...(currency ? { currency } : {}) })).enterprises.map((e) => e.id);

  it('keeps an enterprise offering the product found only where it takes the currency for it', async () => {
    expect(await query('pão')).toEqual(expect.arrayContaining(['mercado', 'padaria-perto']));
    const withVale = await query('pão', 'vale');
    expect(withVale).toContain('padaria-perto');
    expect(withVale).not.toContain('mercado');
  });

  it('judges one found by name by what it offers: the shoe shop and the soap shelf take the voucher for nothing it pays for', async () => {
    expect(await query('sapataria')).toEqual(['sapataria']);
    expect(await query('sapataria', 'vale')).toEqual([]);
    expect(await query('mercado', 'vale')).toEqual([]);
    expect(await query('mercado', 'sampa')).toEqual(['mercado']);
  });

  it('"cuidado de idosos" with hours finds the co-op and not the agency', async () => {
    expect(await query('cuidado de idosos')).toEqual(['cuidadoras', 'agencia']);
    expect(await query('cuidado de idosos', 'horas')).toEqual(['cuidadoras']);
  });
});

describe('the directory and the map filter by what an enterprise accepts a currency for', () => {
  it('leaves out an entry limited to products a voucher does not pay for, keeps one naming a narrower or a broader product', async () => {
    const listed = async (currency: string) =>
      (await core.call('enterprise-query', { filters: { currency }, limit: 100 })).items.map((e) => e.id).sort();
    // mercado takes the food voucher only for soap: nothing the voucher pays for.
    expect(await listed('vale')).toEqual(['padaria-longe', 'padaria-perto', 'sapataria']);
    expect(await listed('sampa')).toEqual(['mercado', 'padaria-perto']);
    // The filter's counts say the same.
    const facets = await core.call('enterprise-facets', {});
    expect(Object.fromEntries(facets.currency.map((f) => [f.value, f.count]))).toEqual({ vale: 3, sampa: 2, horas: 1 });
    const map = await core.call('map-points', { filters: { currency: 'vale' } });
    expect([...map.ids].sort()).toEqual(['padaria-longe', 'padaria-perto', 'sapataria']);
    // A voucher for bread only: an entry for all food (broader) still takes it for bread.
    core.ctx.db.prepare(`UPDATE currencies SET products = '["bread"]' WHERE id = 'vale'`).run();
    try {
      expect(await listed('vale')).toEqual(['padaria-longe', 'padaria-perto', 'sapataria']);
      core.ctx.db.prepare(`UPDATE currencies SET products = '["fruit"]' WHERE id = 'vale'`).run();
      // Bread-only and soap-only entries now take it for nothing it pays for.
      expect(await listed('vale')).toEqual(['padaria-longe', 'sapataria']);
    } finally {
      core.ctx.db.prepare(`UPDATE currencies SET products = '["food"]' WHERE id = 'vale'`).run();
    }
  });
});

describe('on the sample catalogue, every currency feature at work', () => {
  let sample: Core;
  let close: () => void;
  beforeAll(async () => {
    const { testCore } = await import('../helpers/core.ts');
    ({ core: sample, close } = testCore({ sample: true }));
  });
  afterAll(() => close());
  const saoPaulo = { lat: -23.55, lon: -46.63 };

  it('the Vale-Feira finds bread at the bakery (bread only) and the consumer co-op, not at the bazaar that takes it only for cleaning products', async () => {
    const all = await sample.call('search-offers', { product: 'bread', near: saoPaulo });
    expect(all.suppliers.map((s) => s.id)).toContain('bazar-mooca');
    const vale = await sample.call('search-offers', { product: 'bread', near: saoPaulo, currency: 'vale-feira', lang: 'pt' });
    expect(vale.suppliers.map((s) => s.id)).toEqual(['consumo', 'padaria-terra']);
    expect(vale.suppliers[1].acceptances).toContainEqual({ currency: 'vale-feira', share: null, products: [{ id: 'bread', name: 'Pão' }] });
    // Cleaning products are outside the voucher's food scope, so the bazaar's entry pays for nothing.
    expect((await sample.call('search-offers', { product: 'liquid-soap', currency: 'vale-feira' })).suppliers).toEqual([]);
  });

  it('the hours find the carers\u2019 co-op for "cuidado de idosos"; the shop takes half in Ipê', async () => {
    const care = await sample.call('search-query', { q: 'cuidado de idosos', near: saoPaulo, lang: 'pt', currency: 'horas' });
    expect(care.enterprises.map((e) => e.id)).toEqual(['cuida-bem']);
    const honey = await sample.call('search-offers', { product: 'honey', currency: 'ipe' });
    expect(honey.suppliers.find((s) => s.id === 'armazem')?.acceptances).toContainEqual({ currency: 'ipe', share: 0.5, products: null });
    const defined = sample.ctx.db.prepare('SELECT id, unit, rate, backing, products FROM currencies ORDER BY id').all();
    expect(defined).toEqual([
      { id: 'horas', unit: 'hora', rate: null, backing: 'none', products: null },
      { id: 'ipe', unit: 'Ipê', rate: 1, backing: 'full-reserve', products: null },
      { id: 'vale-feira', unit: 'real', rate: 1, backing: 'full-reserve', products: '["food"]' },
    ]);
  });
});
