import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { writePackage } from '../../electron/core/catalogue/write-package.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { tempDir } from '../helpers/tmp.ts';

/** A shop buying from a solidarity co-op (valued) and a corporation (valued by its offer price). */
const pkg: TeiaPackage = {
  format: 'teia-package',
  version: 1,
  products: [
    { id: 'food', name: 'Food' },
    { id: 'coffee', name: 'Coffee', parent: 'food' },
    { id: 'beans', name: 'Green beans', parent: 'coffee' },
    { id: 'soap', name: 'Soap' },
  ],
  enterprises: [
    { id: 'shop', name: 'Shop <img src=x onerror=alert(1)>', solidarity: true, networks: ['net'] },
    { id: 'coop', name: 'Co-op', solidarity: true, networks: ['net'], lat: -23, lon: -46 },
    { id: 'corp', name: 'Corp', solidarity: false },
    { id: 'farm', name: 'Farm', solidarity: true },
    { id: 'far', name: 'Far away', solidarity: false },
  ],
  offers: [{ enterprise: 'corp', product: 'soap', capacity: 100, price: 2 }],
  flows: [
    { id: 'f1', supplier: 'coop', buyer: 'shop', product: 'coffee', quantity: 10, value: 100 },
    { id: 'f2', supplier: 'corp', buyer: 'shop', product: 'soap', quantity: 5 },
    { id: 'f3', supplier: 'farm', buyer: 'coop', product: 'beans', quantity: 20, value: 40 },
    { id: 'f4', supplier: 'coop', buyer: 'shop', product: 'beans', quantity: 1 },
    { id: 'f5', supplier: 'far', buyer: 'farm', product: 'soap', quantity: 1, value: 3 },
  ],
  networks: [{ id: 'net', name: 'The network' }],
} as TeiaPackage;

describe('network-graph, network-list, network-labels', () => {
  let core: Core | null = null;
  const tmp = tempDir();
  afterEach(() => {
    core?.close();
    core = null;
  });
  afterAll(() => tmp.cleanup());
  const open = () => {
    core = openCore({ dbPath: path.join(tmp.dir, `c${Math.random()}.db`), host: 'cli', sample: false });
    core.ctx.db.transaction(() => writePackage(core!.ctx.db, pkg))();
    return core;
  };

  it('aggregates flows per pair with the engine value(f), over a network its members buy for', async () => {
    const c = open();
    const g = await c.call('network-graph', { network: 'net' });
    // Flows into members only: f1+f4 (coop→shop), f2 (corp→shop), f3 (farm→coop); not f5.
    expect(g.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['coop>shop', 'corp>shop', 'farm>coop']);
    const coopShop = g.edges.find((e) => e.source === 'coop')!;
    expect(coopShop).toMatchObject({ value: 100, flows: 2, unvalued: 1, products: ['beans', 'coffee'] });
    // f2 has no value: quantity 5 × corp's price 2 for exactly soap.
    expect(g.edges.find((e) => e.source === 'corp')!.value).toBe(10);
    const shop = g.nodes.find((n) => n.id === 'shop')!;
    expect(shop).toMatchObject({ member: true, inValue: 110, outValue: 0, tier: null, name: 'Shop <img src=x onerror=alert(1)>' });
    expect(g.nodes.find((n) => n.id === 'corp')!.member).toBe(false);
  });

  it('walks a chain upstream tier by tier, and filters by a product subtree', async () => {
    const c = open();
    const one = await c.call('network-graph', { focus: 'shop', tiers: 1 });
    expect(one.nodes.map((n) => [n.id, n.tier])).toEqual([['coop', 1], ['corp', 1], ['shop', 0]]);
    const three = await c.call('network-graph', { focus: 'shop', tiers: 3 });
    expect(Object.fromEntries(three.nodes.map((n) => [n.id, n.tier]))).toEqual({ shop: 0, coop: 1, corp: 1, farm: 2, far: 3 });
    const coffee = await c.call('network-graph', { product: 'coffee' });
    // coffee covers beans (a descendant), never soap.
    expect(coffee.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['coop>shop', 'farm>coop']);
  });

  it('keeps the enterprises carrying most value when cut, and says so', async () => {
    const c = open();
    const g = await c.call('network-graph', { maxNodes: 2 });
    expect(g.truncated).toBe(true);
    expect(g.totals.nodes).toBe(5);
    expect(g.nodes.map((n) => n.id)).toEqual(['coop', 'shop']);
    expect(g.edges.every((e) => ['coop', 'shop'].includes(e.source) && ['coop', 'shop'].includes(e.target))).toBe(true);
  });

  it('lists networks and names ids, and refuses unknown ones with a sentence', async () => {
    const c = open();
    expect((await c.call('network-list', {})).networks).toEqual([{ id: 'net', name: 'The network', members: 2 }]);
    const labels = await c.call('network-labels', { enterprises: ['corp', 'nope'], products: ['coffee'], offers: [{ enterprise: 'corp', product: 'soap' }, { enterprise: 'coop', product: 'soap' }] });
    expect(labels.offers).toEqual([
      { enterprise: 'corp', product: 'soap', price: 2, capacity: 100, currency: null },
      { enterprise: 'coop', product: 'soap', price: null, capacity: null, currency: null },
    ]);
    expect(labels.enterprises).toEqual({ corp: { name: 'Corp', solidarity: false, lat: null, lon: null } });
    expect(labels.products.coffee.name).toBe('Coffee');
    await expect(c.call('network-graph', { network: 'nope' })).rejects.toThrow(/no network "nope"/);
  });
});
