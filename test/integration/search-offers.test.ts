import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index.ts';
import { FARO, LISBOA, openSearchCore, PORTO } from './search-fixture.ts';
import { teia } from '../helpers/cli.ts';

let core: Core;
let cleanup: () => void;
beforeAll(() => ({ core, cleanup } = openSearchCore()));
afterAll(() => cleanup());

describe('search-offers (who offers this product)', () => {
  it('lists solidarity suppliers of the product or a narrower one, nearest first, with their offers', async () => {
    const fromBraga = await core.call('search-offers', { product: 'coffee', near: { lat: 41.55, lon: -8.42 } });
    expect(fromBraga.mode).toBe('solidarity');
    expect(fromBraga.suppliers.map((s) => s.id)).toEqual(['horta-viva', 'cafe-solidario']);
    expect(fromBraga.suppliers[0].offers).toEqual([{ productId: 'arabica', productName: 'Arabica beans', price: 20, capacity: 30, currency: 'EUR' }]);
    expect(fromBraga.suppliers.every((s) => s.solidarity)).toBe(true);
    const fromLisboa = await core.call('search-offers', { product: 'coffee', near: LISBOA, lang: 'pt' });
    expect(fromLisboa.suppliers.map((s) => s.id)).toEqual(['cafe-solidario', 'horta-viva']);
    expect(fromLisboa.product).toEqual({ id: 'coffee', name: 'Café', path: ['Alimentos'] });
    expect(fromLisboa.suppliers[0].currencies).toEqual(['moeda-social']);
  });

  it('never widens to a broader product: arabica beans are not served by plain coffee offers', async () => {
    const r = await core.call('search-offers', { product: 'arabica' });
    expect(r.suppliers.map((s) => s.id)).toEqual(['horta-viva']);
  });

  it('with no solidarity supplier, gives the others best score first and says so', async () => {
    const r = await core.call('search-offers', { product: 'soap', near: PORTO });
    expect(r.mode).toBe('least-bad');
    // sabao-1: six criteria at 0.9 → 0.9; sabao-2: two at 1, four unknown (counted 0) → 1/3, although nearer.
    expect(r.suppliers.map((s) => [s.id, s.score, s.criteriaKnown])).toEqual([
      ['sabao-1', 0.9, 6],
      ['sabao-2', 0.333333, 2],
    ]);
    expect(r.suppliers.every((s) => !s.solidarity)).toBe(true);
  });

  it('filters by an accepted currency, and says when nobody is left', async () => {
    const palmas = await core.call('search-offers', { product: 'soap', currency: 'palmas' });
    expect(palmas.suppliers.map((s) => s.id)).toEqual(['sabao-2']);
    const social = await core.call('search-offers', { product: 'coffee', currency: 'moeda-social', near: FARO });
    expect(social.suppliers.map((s) => s.id)).toEqual(['cafe-solidario']);
    const nobody = await core.call('search-offers', { product: 'bread', currency: 'palmas' });
    expect(nobody).toMatchObject({ mode: 'none', suppliers: [] });
  });

  it('names an unknown product as not found', async () => {
    await expect(core.call('search-offers', { product: 'unobtainium' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists currencies for the "accepts my currency" filter', async () => {
    const r = await core.call('currency-list', {});
    // Accepted by an enterprise but defined nowhere: no kind (ENGINE.md §3.8).
    expect(r.currencies).toEqual([{ id: 'moeda-social', name: 'moeda-social', kind: null, issuer: null, description: null }]);
  });
});

describe('teia search', () => {
  it('prints readable results, and JSON with --json', async () => {
    const db = core.ctx.dbPath;
    const text = await teia('search', 'padaria', `--near=${PORTO.lat},${PORTO.lon}`, '--db', db);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines.findIndex((l) => l.includes('Padaria Porto'))).toBeLessThan(lines.findIndex((l) => l.includes('Padaria Faro')));
    expect(text.stdout).toMatch(/Padaria Lisboa — Lisboa \(27\d(\.\d)? km\)/);
    const json = await teia('search', 'acucar', '--json', '--limit', '1', '--db', db);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.enterprises).toHaveLength(1);
    expect(parsed.products[0].id).toBe('sugar');
  });

  it('explains a bad --near and exits non-zero', async () => {
    const r = await teia('search', 'x', '--near', 'nowhere', '--db', core.ctx.dbPath);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--near wants latitude,longitude/);
  });
});
