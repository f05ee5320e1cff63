import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { tempDir } from '../helpers/tmp.ts';

/** Products and networks edited by hand, through dispatch on a real catalogue file (the sample). */
let tmp: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  tmp = tempDir();
  core = openCore({ dbPath: path.join(tmp.dir, 'teia.db'), host: 'server' });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const refusal = async (method: string, input: unknown) => {
  const r = await core.dispatch(method, input);
  if (r.ok) throw new Error(`${method} ${JSON.stringify(input)} should be refused`);
  expect(r.error.code).not.toBe('internal');
  return r.error;
};
const productIds = (q: string, lang?: string) => core.call('search-query', { q, lang }).then((r) => r.products.map((p) => p.id));

describe('the product taxonomy', () => {
  it('lists products in tree order, each after its parent, with how often each is used', async () => {
    const { total, items } = await core.call('product-list', {});
    expect(items.length).toBe(total);
    const at = (id: string) => items.findIndex((p) => p.id === id);
    expect(at('coffee')).toBeGreaterThan(at('food'));
    expect(at('organic-coffee')).toBe(at('coffee') + 1);
    expect(items[at('organic-coffee')].depth).toBe(items[at('coffee')].depth + 1);
    expect(items[at('coffee')].uses).toBeGreaterThan(0);
  });

  it('renames a product in four languages, the search finding it by each new name, and updating back undoes it', async () => {
    const { previous, product } = await core.call('product-update', {
      id: 'tote-bags',
      name: 'Canvas bags',
      names: { pt: 'Sacolas de lona', es: 'Bolsas de lona', fr: 'Sacs en toile', en: 'Canvas bags' },
    });
    expect(previous).toMatchObject({ name: 'Tote bags', names: { pt: 'Sacolas de pano' } });
    expect(product.names).toEqual({ pt: 'Sacolas de lona', es: 'Bolsas de lona', fr: 'Sacs en toile', en: 'Canvas bags' });
    expect(await productIds('lona')).toContain('tote-bags');
    expect(await productIds('toile')).toContain('tote-bags');
    // The enterprise offering it is found by the new name too.
    const offering = (await core.call('search-query', { q: 'canvas' })).enterprises.map((e) => e.id);
    expect(offering.length).toBeGreaterThan(0);

    await core.call('product-update', { id: 'tote-bags', name: previous.name, names: { en: null, ...previous.names } });
    expect(await productIds('lona')).not.toContain('tote-bags');
    expect((await core.call('product-update', { id: 'tote-bags' })).product).toEqual(previous);
  });

  it('moves a product under another parent and refuses a cycle in a sentence', async () => {
    const { product } = await core.call('product-update', { id: 'honey', parent: 'sugar' });
    expect(product.parent).toBe('sugar');
    expect((await refusal('product-update', { id: 'coffee', parent: 'organic-coffee' })).message).toBe(
      '“Coffee” cannot go under “Organic coffee”: “Organic coffee” is itself under “Coffee”.',
    );
    expect((await refusal('product-update', { id: 'coffee', parent: 'coffee' })).message).toMatch(/cannot go under itself/);
    expect((await refusal('product-update', { id: 'coffee', parent: 'nowhere' })).code).toBe('not-found');
    expect((await core.call('product-update', { id: 'honey', parent: null })).product.parent).toBeNull();
  });

  it('merges two products: offers, needs, flows and narrower products move to the one kept', async () => {
    const stats = await core.call('catalogue-stats', {});
    const before = core.ctx.db.prepare("SELECT count(*) FROM flows WHERE product_id IN ('coffee', 'organic-coffee')").pluck().get();
    const r = await core.call('product-merge', { from: 'coffee', into: 'organic-coffee' });
    expect(r.removed.id).toBe('coffee');
    expect(r.flows.length).toBeGreaterThan(0);
    expect(r.children).toEqual([]); // organic coffee was coffee's only child, and it is the one kept
    expect(core.ctx.db.prepare("SELECT count(*) FROM flows WHERE product_id = 'organic-coffee'").pluck().get()).toBe(before);
    // The kept product took the removed one's place in the tree instead of hanging below nothing.
    expect(core.ctx.db.prepare("SELECT parent FROM products WHERE id = 'organic-coffee'").pluck().get()).toBe('food');
    const after = await core.call('catalogue-stats', {});
    expect(after).toEqual({ ...stats, products: stats.products - 1 });
    expect((await refusal('product-merge', { from: 'sugar', into: 'sugar' })).message).toMatch(/cannot be merged into itself/);
    expect((await refusal('product-merge', { from: 'coffee', into: 'sugar' })).code).toBe('not-found');
  });

  it('a merge is undone from its answer: the product, its codes, its rows, its children and the currency limits come back', async () => {
    const db = core.ctx.db;
    db.prepare("UPDATE products SET codes = '{\"hs\":\"0409\"}' WHERE id = 'honey'").run();
    db.prepare("INSERT INTO currencies (id, name, kind, products) VALUES ('vale-mel', 'Vale mel', 'voucher', '[\"honey\",\"sugar\"]')").run();
    db.prepare("INSERT INTO enterprise_currencies (enterprise_id, currency_id, position, products) VALUES ('armazem', 'vale-mel', 9, '[\"honey\"]')").run();
    const snapshot = () => ({
      honey: db.prepare("SELECT id, name, names, parent, unit, codes, position FROM products WHERE id = 'honey'").get(),
      kept: db.prepare("SELECT parent FROM products WHERE id = 'sugar'").get(),
      rows: ['offers', 'needs', 'flows'].map((t) => db.prepare(`SELECT rowid, product_id FROM ${t} ORDER BY rowid`).all()),
      children: db.prepare("SELECT id FROM products WHERE parent = 'honey' ORDER BY id").all(),
      voucher: db.prepare("SELECT products FROM currencies WHERE id = 'vale-mel'").pluck().get(),
      accepts: db.prepare("SELECT products FROM enterprise_currencies WHERE currency_id = 'vale-mel'").pluck().get(),
    });
    const before = snapshot();
    const r = await core.call('product-merge', { from: 'honey', into: 'sugar' });
    expect(db.prepare("SELECT products FROM currencies WHERE id = 'vale-mel'").pluck().get()).toBe('["sugar"]');
    expect(db.prepare("SELECT products FROM enterprise_currencies WHERE currency_id = 'vale-mel'").pluck().get()).toBe('["sugar"]');
    const u = await core.call('product-unmerge', r);
    expect(u.product.id).toBe('honey');
    expect(u.offers + u.needs + u.flows).toBe(r.offers.length + r.needs.length + r.flows.length);
    expect(snapshot()).toEqual(before);
    expect((await refusal('product-unmerge', r)).code).toBe('conflict');
  });

  it('a merge re-parents the narrower products of the one removed', async () => {
    const r = await core.call('product-merge', { from: 'sugar', into: 'honey' });
    expect(r.children).toEqual(['brown-sugar']);
    expect(core.ctx.db.prepare("SELECT parent FROM products WHERE id = 'brown-sugar'").pluck().get()).toBe('honey');
  });
});

describe('networks', () => {
  it('creates one, adds members in bulk (answering only the new ones), removes them, and the engine scopes to it', async () => {
    const { id } = await core.call('network-create', { name: 'Rede Café Justo' });
    expect(id).toBe('rede-cafe-justo');
    const { added } = await core.call('network-members-add', { network: id, enterprises: ['armazem', 'coopercafe', 'armazem'] });
    expect(added).toEqual(['armazem', 'coopercafe']);
    expect((await core.call('network-members-add', { network: id, enterprises: ['armazem', 'consumo'] })).added).toEqual(['consumo']);
    const list = (await core.call('network-list', {})).networks.find((n) => n.id === id);
    expect(list?.members).toBe(3);
    const scoped = await core.call('engine-analyse', { network: id, plan: false });
    expect(scoped.result.scope.members.sort()).toEqual(['armazem', 'consumo', 'coopercafe']);
    expect((await core.call('enterprise-get', { id: 'armazem' })).networks).toContain(id);

    expect((await core.call('network-members-remove', { network: id, enterprises: ['consumo', 'banco-ipe'] })).removed).toEqual(['consumo']);
    expect((await refusal('network-members-add', { network: id, enterprises: ['armazem', 'ghost'] })).message).toMatch(/Not in the catalogue: "ghost". No one was added/);
    expect((await refusal('network-members-add', { network: 'no-net', enterprises: ['armazem'] })).code).toBe('not-found');
    expect((await refusal('network-members-add', { network: id, enterprises: [] })).message).toMatch(/at least one enterprise/);

    const gone = await core.call('network-delete', { id });
    expect(gone.members).toEqual(['armazem', 'coopercafe']);
    expect((await core.call('enterprise-get', { id: 'armazem' })).networks).not.toContain(id);
    expect((await refusal('network-create', { name: ' ' })).message).toMatch(/name is required/);
  });
});
