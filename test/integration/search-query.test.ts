import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index.ts';
import { haversineKm } from '../../electron/core/search/index.ts';
import { openSearchCore, PORTO } from './search-fixture.ts';

let core: Core;
let cleanup: () => void;
beforeAll(() => ({ core, cleanup } = openSearchCore()));
afterAll(() => cleanup());

const search = (q: string, extra: Record<string, unknown> = {}) => core.call('search-query', { q, ...extra });
const ids = async (q: string, extra: Record<string, unknown> = {}) => (await search(q, extra)).enterprises.map((e) => e.id);

describe('search-query', () => {
  it('ignores accents and case: "acucar" finds Açúcar, "CAFE" finds Café', async () => {
    const sugar = await search('acucar');
    expect(sugar.products.map((p) => p.id)).toContain('sugar');
    expect(sugar.enterprises.map((e) => e.id)).toContain('acucareira');
    const cafe = await ids('CAFE');
    expect(cafe).toEqual(expect.arrayContaining(['cafe-a', 'cafe-solidario']));
    expect(await ids('Açúcar')).toContain('acucareira');
  });

  it('finds a prefix as it is typed, keystroke by keystroke', async () => {
    for (const q of ['p', 'pa', 'pad', 'pada', 'padar', 'padari']) {
      expect(await ids(q), q).toEqual(expect.arrayContaining(['padaria-lisboa', 'padaria-porto', 'padaria-faro']));
    }
  });

  it('tolerates a typo', async () => {
    const typo = await search('cofee');
    expect(typo.products.map((p) => p.id)).toContain('coffee');
    expect(typo.enterprises.map((e) => e.id)).toEqual(expect.arrayContaining(['cafe-a', 'cafe-solidario']));
    expect(typo.enterprises.every((e) => e.match === 'fuzzy')).toBe(true);
    expect(await ids('coperativa')).toEqual(expect.arrayContaining(['coop-norte', 'acucareira']));
    expect(await ids('cooperatva')).toEqual(expect.arrayContaining(['coop-norte', 'acucareira']));
    expect(await ids('padria')).toContain('padaria-porto');
    // A typo next to another word (each corrected word becomes a group of alternatives).
    expect(await ids('padria lisboa')).toContain('padaria-lisboa');
    expect(await ids('cafe solidaro')).toContain('cafe-solidario');
    // Places too: "Lisbao" is one swap from "Lisboa".
    expect(await ids('lisbao')).toEqual(expect.arrayContaining(['padaria-lisboa', 'cafe-solidario']));
  });

  it('widens a product to its narrower products: "coffee" finds the arabica-beans grower, with its offer', async () => {
    const r = await search('coffee');
    const horta = r.enterprises.find((e) => e.id === 'horta-viva');
    expect(horta).toBeDefined();
    expect(horta?.match).toBe('product');
    expect(horta?.offers).toEqual([{ productId: 'arabica', productName: 'Arabica beans', price: 20, capacity: 30, currency: 'EUR' }]);
    // In Portuguese the same search works, and product names come back translated.
    const pt = await search('café', { lang: 'pt' });
    expect(pt.enterprises.find((e) => e.id === 'horta-viva')?.offers[0].productName).toBe('Grãos arábica');
    expect(pt.products.find((p) => p.id === 'arabica')).toBeUndefined();
    expect(pt.products.find((p) => p.id === 'coffee')).toMatchObject({ name: 'Café', path: ['Alimentos'] });
  });

  it('ranks solidarity enterprises first whatever matched, then name matches before product matches', async () => {
    const r = await search('cafe');
    const order = r.enterprises.map((e) => e.id);
    // Both are name matches; the solidarity one goes first although its name is longer.
    expect(order.indexOf('cafe-solidario')).toBeLessThan(order.indexOf('cafe-a'));
    // The arabica grower only matches through a product: after the solidarity name match, but
    // before the conventional café (issue 15: solidarity first).
    expect(order.indexOf('horta-viva')).toBeGreaterThan(order.indexOf('cafe-solidario'));
    expect(order.indexOf('horta-viva')).toBeLessThan(order.indexOf('cafe-a'));
    expect(r.enterprises.find((e) => e.id === 'cafe-solidario')).toMatchObject({ match: 'name', solidarity: true, currencies: ['moeda-social'] });
  });

  it('orders equal matches by distance from --near, and reports it', async () => {
    const r = await search('padaria', { near: PORTO });
    expect(r.enterprises.map((e) => e.id)).toEqual(['padaria-porto', 'padaria-lisboa', 'padaria-faro']);
    const lisboa = r.enterprises[1];
    expect(lisboa.distanceKm).toBeCloseTo(haversineKm(PORTO, { lat: lisboa.lat!, lon: lisboa.lon! }), 0);
    expect(r.enterprises[0].distanceKm).toBe(0);
    const without = await search('padaria');
    expect(without.enterprises.every((e) => e.distanceKm === null)).toBe(true);
  });

  it('keeps only enterprises accepting a currency when asked', async () => {
    expect(await ids('cafe', { currency: 'moeda-social' })).toEqual(['cafe-solidario']);
  });

  it('respects the limit', async () => {
    expect((await search('padaria', { limit: 2 })).enterprises).toHaveLength(2);
  });

  it('treats hostile input as text: never an error', async () => {
    const hostile = ['"', '""', "'", 'AND(', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(a b)', '*', '-', '-padaria', 'padaria*', '^', ':', '{name}: x',
      'a" OR "b', '(((', ')', '\\', '%', '_', ';DROP TABLE enterprises;--', '\u0000', '😀', 'x'.repeat(10_000), 'padaria '.repeat(2000), '', '   '];
    for (const q of hostile) {
      const r = await search(q);
      expect(Array.isArray(r.enterprises), q.slice(0, 30)).toBe(true);
      expect(r.tookMs).toBeGreaterThanOrEqual(0);
    }
    // Syntax characters around a word are ignored, not interpreted.
    expect(await ids('"padaria"*')).toEqual(expect.arrayContaining(['padaria-porto']));
    expect(await ids('-padaria')).toEqual(expect.arrayContaining(['padaria-porto']));
    expect((await search('')).enterprises).toEqual([]);
    // Through the untyped door (as HTTP calls it), too.
    const raw = await core.dispatch('search-query', { q: 'NEAR("a" "b", 2) AND(' });
    expect(raw.ok).toBe(true);
  });
});
