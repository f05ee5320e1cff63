import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * A price per unit that values a product's flows (issue 15), and the sample loaded into an
 * empty catalogue, through dispatch on a real catalogue file, checked against the engine.
 */
let tmp: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  tmp = tempDir();
  core = openCore({ dbPath: path.join(tmp.dir, 'teia.db'), host: 'server', sample: false });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const refused = async (method: string, input: unknown) => {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} ${JSON.stringify(input)} should be refused`);
  expect(r.error.message).not.toMatch(/at .*\.ts:\d+|SQLITE/);
  return r.error;
};

/** Two networks; sugar flows with quantities and no value, one without a quantity, one already valued, one priced by its supplier's offer. */
async function load() {
  const pkg = {
    format: 'teia-package', version: 1,
    products: [{ id: 'sugar', name: 'Sugar', parent: null, unit: 'kg' }, { id: 'rice', name: 'Rice', parent: null }],
    enterprises: ['mill', 'shop', 'kitchen', 'coop'].map((id) => ({ id, name: id, solidarity: id === 'coop', networks: id === 'kitchen' ? ['b'] : ['a'] })),
    offers: [{ enterprise: 'coop', product: 'rice', price: 3 }],
    flows: [
      { id: 's1', supplier: 'mill', buyer: 'shop', product: 'sugar', quantity: 100 },
      { id: 's2', supplier: 'mill', buyer: 'kitchen', product: 'sugar', quantity: 50 },
      { id: 's3', supplier: 'mill', buyer: 'shop', product: 'sugar' },
      { id: 's4', supplier: 'mill', buyer: 'shop', product: 'sugar', quantity: 10, value: 99 },
      { id: 'r1', supplier: 'coop', buyer: 'shop', product: 'rice', quantity: 20 },
    ],
    networks: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
  };
  const r = await core.call('import-run', { fileName: 'p.json', contentBase64: Buffer.from(JSON.stringify(pkg)).toString('base64'), onDuplicate: 'keep-both' });
  expect(r.applied).toBe(true);
}
const unvalued = async () => (await core.call('engine-analyse', { network: null, plan: false, limits: { links: 10, substitutes: 1, explain: 0 } })).result.unvalued.sort();

describe('valuing a product’s flows by a price', () => {
  it('lists what the engine cannot value, values exactly those flows of the scope at quantity × price, and undo puts them back', async () => {
    await load();
    expect(await unvalued()).toEqual(['s1', 's2', 's3']);
    // The engine's unvalued flows, by product: r1 is valued by its supplier's offer, s4 by its own value.
    expect(await core.call('flows-unvalued', { network: null })).toEqual({ products: [{ product: 'sugar', flows: 3, priceable: 2 }], total: 3 });
    expect((await core.call('flows-unvalued', { network: 'b' })).products).toEqual([{ product: 'sugar', flows: 1, priceable: 1 }]);

    // Network b: only the kitchen's purchase touches it.
    const priced = await core.call('product-flows-price', { product: 'sugar', price: 2.5, currency: 'BRL', network: 'b' });
    expect(priced.valued).toBe(1);
    expect(await unvalued()).toEqual(['s1', 's3']);
    const all = await core.call('product-flows-price', { product: 'sugar', price: 2, currency: 'BRL', network: null });
    expect(all.valued).toBe(1);
    expect(await unvalued()).toEqual(['s3']);
    const rel = await core.call('enterprise-relations', { id: 'shop' });
    expect(rel.suppliers.find((s) => s.flowId === 's1')).toMatchObject({ value: 200, currency: 'BRL' });
    expect(rel.suppliers.find((s) => s.flowId === 's4')).toMatchObject({ value: 99 });

    await core.call('flow-values-restore', { flows: all.previous });
    await core.call('flow-values-restore', { flows: priced.previous });
    expect(await unvalued()).toEqual(['s1', 's2', 's3']);
  });

  it('refuses a price that is not above 0, a currency that is not a code, an unknown product, and a product with nothing to value', async () => {
    await load();
    expect((await refused('product-flows-price', { product: 'sugar', price: 0, currency: null })).code).toBe('invalid-input');
    expect((await refused('product-flows-price', { product: 'sugar', price: -1, currency: null })).code).toBe('invalid-input');
    expect((await refused('product-flows-price', { product: 'sugar', price: 2, currency: 'reais' })).message).toMatch(/three-letter code/);
    expect((await refused('product-flows-price', { product: 'salt', price: 2, currency: null })).code).toBe('not-found');
    expect((await refused('product-flows-price', { product: 'rice', price: 2, currency: null })).message).toMatch(/nothing for a price to value/);
    expect(await unvalued()).toEqual(['s1', 's2', 's3']);
  });
});

describe('the sample into an empty catalogue', () => {
  it('loads once, and is refused into a catalogue that has enterprises', async () => {
    expect((await core.call('catalogue-stats', {})).enterprises).toBe(0);
    expect(await core.call('catalogue-load-sample', {})).toEqual({ loaded: true });
    const n = (await core.call('catalogue-stats', {})).enterprises;
    expect(n).toBeGreaterThan(10);
    expect((await refused('catalogue-load-sample', {})).code).toBe('conflict');
    expect((await core.call('catalogue-stats', {})).enterprises).toBe(n);
  });
});
