import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { openSearchCore } from './search-fixture.ts';

const SAO_PAULO = { lat: -23.55, lon: -46.63 };

/**
 * Issue 15's consumer cases: around São Paulo, conventional firms named "Café" near by and the
 * only co-op offering coffee far away; a European catalogue with "acção", "Accra", "acción"
 * and no word for sugar; chocolate at known distances, one without coordinates.
 */
const pkg: TeiaPackage = {
  format: 'teia-package',
  version: 1,
  products: [
    { id: 'coffee', name: 'Coffee', names: { pt: 'Café' }, parent: null },
    { id: 'chocolate', name: 'Chocolate', names: { fr: 'Chocolat' }, parent: null },
  ],
  enterprises: [
    { id: 'exporter', name: 'Café Exportadora Paulista', solidarity: false, locality: 'Santos', lat: -23.96, lon: -46.33 },
    { id: 'roaster', name: 'Torrefação Café Bom', solidarity: false, locality: 'Campinas', lat: -22.9, lon: -47.06 },
    { id: 'coop', name: 'Cooperativa dos Agricultores do Sul de Minas', solidarity: true, locality: 'Poço Fundo', lat: -21.78, lon: -45.96 },
    { id: 'accao', name: 'Acção Social Lda', solidarity: true, locality: 'Lisboa', lat: 38.72, lon: -9.14 },
    { id: 'accra', name: 'Accra Traders', solidarity: false, locality: 'Accra', lat: 5.6, lon: -0.19 },
    { id: 'accion', name: 'Cooperativa Acción Local', solidarity: true, locality: 'Madrid', lat: 40.42, lon: -3.7 },
    { id: 'choc-far', name: 'Chocolaterie du Nord', solidarity: true, locality: 'Lille', lat: 50.63, lon: 3.06 },
    { id: 'choc-near', name: 'Chocolates Solidarios', solidarity: true, locality: 'Sevilla', lat: 37.39, lon: -5.99 },
    { id: 'choc-nowhere', name: 'Chocolat Partagé', solidarity: true, locality: 'Lyon' },
    { id: 'choc-mid', name: 'Chocolataria Cooperativa', solidarity: true, locality: 'Porto', lat: 41.15, lon: -8.61 },
  ],
  offers: [
    { enterprise: 'exporter', product: 'coffee', price: 20, currency: 'BRL' },
    { enterprise: 'roaster', product: 'coffee', price: 25, currency: 'BRL' },
    { enterprise: 'coop', product: 'coffee', price: 30, currency: 'BRL' },
    { enterprise: 'choc-far', product: 'chocolate' },
    { enterprise: 'choc-near', product: 'chocolate' },
    { enterprise: 'choc-nowhere', product: 'chocolate' },
    { enterprise: 'choc-mid', product: 'chocolate' },
  ],
};

let core: Core;
let cleanup: () => void;
beforeAll(() => ({ core, cleanup } = openSearchCore(pkg)));
afterAll(() => cleanup());

describe('the ethical consumer: search-query', () => {
  it('puts the only solidarity co-op (213 km) above the conventional firms named Café (54 and 85 km)', async () => {
    const r = await core.call('search-query', { q: 'cafe', near: SAO_PAULO });
    expect(r.enterprises.map((e) => e.id)).toEqual(['coop', 'exporter', 'roaster']);
    expect(r.enterprises[0].distanceKm).toBeGreaterThan(150);
    expect(r.enterprises[1].distanceKm).toBeLessThan(r.enterprises[2].distanceKm!);
  });

  it('shows no "close spelling" that is not one: "acucar" finds nothing here, "cofee" still finds coffee', async () => {
    const sugar = await core.call('search-query', { q: 'acucar' });
    expect(sugar.enterprises.map((e) => e.name)).toEqual([]);
    expect(sugar.products).toEqual([]);
    const typo = await core.call('search-query', { q: 'cofee' });
    expect(typo.products.map((p) => p.id)).toEqual(['coffee']);
    expect(typo.enterprises.every((e) => e.match === 'fuzzy')).toBe(true);
  });

  it('orders results by distance when a place is set, without coordinates last, and gives the town', async () => {
    const r = await core.call('search-query', { q: 'chocolat', near: { lat: 38.72, lon: -9.14 } });
    expect(r.enterprises.map((e) => e.id)).toEqual(['choc-mid', 'choc-near', 'choc-far', 'choc-nowhere']);
    const km = r.enterprises.map((e) => e.distanceKm).filter((d): d is number => d !== null);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(r.enterprises.map((e) => e.locality)).toEqual(['Porto', 'Sevilla', 'Lille', 'Lyon']);
  });
});

describe('a shop sells what it buys for resale (on the sample catalogue)', () => {
  let sample: Core;
  let close: () => void;
  beforeAll(async () => {
    const { testCore } = await import('../helpers/core.ts');
    ({ core: sample, close } = testCore({ sample: true }));
  });
  afterAll(() => close());

  it('with the Ipê currency, coffee, rice and honey each find a shop, its offer marked inferred with the supplier', async () => {
    for (const product of ['coffee', 'rice', 'honey']) {
      const r = await sample.call('search-offers', { product, currency: 'ipe' });
      expect(r.mode, product).toBe('solidarity');
      expect(r.suppliers.length, product).toBeGreaterThan(0);
      const inferred = r.suppliers.flatMap((s) => s.offers).filter((o) => o.inferredFrom);
      expect(inferred.length, product).toBeGreaterThan(0);
      expect(inferred.every((o) => o.price === null && o.capacity === null)).toBe(true);
    }
    const coffee = await sample.call('search-offers', { product: 'coffee', currency: 'ipe' });
    const armazem = coffee.suppliers.find((s) => s.id === 'armazem');
    expect(armazem?.offers.find((o) => o.productId === 'organic-coffee')?.inferredFrom).toBeTruthy();
  });

  it('does not infer that a shop sells the services and energy it buys', async () => {
    const electricity = await sample.call('search-offers', { product: 'electricity' });
    expect(electricity.suppliers.map((s) => s.id)).not.toContain('armazem');
    expect(electricity.suppliers.map((s) => s.id)).not.toContain('consumo');
  });

  it('search-query shows the inferred offer on the shop, and a recorded offer is never doubled', async () => {
    const r = await sample.call('search-query', { q: 'coffee', lang: 'en' });
    const armazem = r.enterprises.find((e) => e.id === 'armazem');
    expect(armazem?.match).toBe('product');
    expect(armazem?.offers.map((o) => [o.productId, o.inferredFrom])).toEqual(expect.arrayContaining([['coffee', expect.any(String)]]));
    const coopercafe = r.enterprises.find((e) => e.id === 'coopercafe');
    expect(coopercafe?.offers.every((o) => o.inferredFrom === undefined)).toBe(true);
  });
});
