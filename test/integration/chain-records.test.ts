import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeiaEvent } from '../../shared/contract/index.ts';
import { openCore, type Core } from '../../electron/core/index.ts';
import { tempDir } from '../helpers/tmp.ts';
import path from 'node:path';

/** Offers, needs and flows typed one at a time, through dispatch on a real catalogue file (the sample). */
let tmp: ReturnType<typeof tempDir>;
let core: Core;
let events: TeiaEvent[];
beforeEach(() => {
  tmp = tempDir();
  events = [];
  core = openCore({ dbPath: path.join(tmp.dir, 'teia.db'), host: 'server', emit: (e) => events.push(e) });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const refusal = async (method: string, input: unknown) => {
  const r = await core.dispatch(method, input);
  expect(r.ok, `${method} ${JSON.stringify(input)} should be refused`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).not.toBe('internal');
  expect(r.error.message).not.toMatch(/at .*\.ts:\d+|SQLITE/);
  return r.error;
};

describe('flows typed by hand', () => {
  it('a new supplier moves the buyer’s direct share, and deleting it (undo) and putting it back restore both', async () => {
    const before = await core.call('engine-chain', { enterprise: 'armazem' });
    const statsBefore = await core.call('catalogue-stats', {});
    const { flow } = await core.call('flow-create', { supplier: 'coopercafe', buyer: 'armazem', product: 'coffee', quantity: 500, price: 40, currency: 'BRL', period: '2026' });
    expect(flow).toMatchObject({ supplier: 'coopercafe', buyer: 'armazem', quantity: 500, value: 20000, currency: 'BRL', period: '2026', id: null });
    expect(events).toContainEqual({ type: 'catalogue-changed', reason: 'flow-create' });

    const rel = await core.call('enterprise-relations', { id: 'armazem' });
    expect(rel.suppliers.find((s) => s.row === flow.row)).toMatchObject({ enterprise: { id: 'coopercafe' }, value: 20000 });
    const after = await core.call('engine-chain', { enterprise: 'armazem' });
    expect(after.directShare!).toBeGreaterThan(before.directShare!);

    const { deleted } = await core.call('flow-delete', { row: flow.row });
    expect(deleted).toEqual(flow);
    expect(await core.call('catalogue-stats', {})).toEqual(statsBefore);
    expect((await core.call('engine-chain', { enterprise: 'armazem' })).directShare).toBe(before.directShare);

    const { row, id, ...fields } = deleted;
    const back = await core.call('flow-create', { ...fields, row, ...(id ? { id } : {}) });
    expect(back.flow).toEqual(flow);
    expect((await core.call('engine-chain', { enterprise: 'armazem' })).directShare).toBe(after.directShare);
    expect((await refusal('flow-create', { ...fields, row })).message).toMatch(/already been put back/);
  });

  it('an update answers with the previous flow, and updating back undoes it', async () => {
    const rel = await core.call('enterprise-relations', { id: 'armazem' });
    const big = rel.suppliers.find((s) => s.enterprise.id === 'bigcoffee')!;
    const { previous, flow } = await core.call('flow-update', { row: big.row, supplier: 'bigcoffee', buyer: 'armazem', product: 'coffee', quantity: 100 });
    expect(previous).toMatchObject({ row: big.row, id: big.flowId, quantity: big.quantity, value: big.value, period: big.period });
    // Fields left out are cleared: the value is no longer known.
    expect(flow).toMatchObject({ quantity: 100, value: null, currency: null, period: null, id: big.flowId });
    const { row, id, ...fields } = previous;
    void id;
    const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
    await core.call('flow-update', { row, ...strip(fields) } as Parameters<typeof core.call<'flow-update'>>[1]);
    expect((await core.call('enterprise-relations', { id: 'armazem' })).suppliers).toEqual(rel.suppliers);
  });

  it('refuses with a sentence: missing enterprise or product, buyer = supplier, negative numbers, price without quantity', async () => {
    const ok = { supplier: 'coopercafe', buyer: 'armazem', product: 'coffee', quantity: 1 };
    expect((await refusal('flow-create', { ...ok, supplier: 'nobody' })).message).toMatch(/supplier "nobody" is not in the catalogue/);
    expect((await refusal('flow-create', { ...ok, buyer: 'nobody' })).message).toMatch(/buyer "nobody" is not in the catalogue/);
    expect((await refusal('flow-create', { ...ok, product: 'unobtainium' })).message).toMatch(/product "unobtainium" is not in the catalogue/);
    expect((await refusal('flow-create', { ...ok, buyer: 'coopercafe' })).message).toMatch(/buyer cannot also be the supplier/);
    expect((await refusal('flow-create', { ...ok, quantity: -3 })).message).toMatch(/quantity cannot be negative/);
    expect((await refusal('flow-create', { ...ok, value: -3 })).message).toMatch(/value cannot be negative/);
    expect((await refusal('flow-create', { ...ok, quantity: undefined, price: 2 })).message).toMatch(/price per unit needs a quantity/);
    expect((await refusal('flow-create', { ...ok, price: 2, value: 5 })).message).toMatch(/does not match the price times the quantity/);
    expect((await refusal('flow-create', { ...ok, quantity: '12' })).message).toMatch(/quantity must be a number/);
    expect((await refusal('flow-delete', { row: 999999 })).code).toBe('not-found');
    expect((await refusal('flow-update', { ...ok, row: 999999 })).code).toBe('not-found');
  });

  it('a flow without a quantity is kept as a link of unknown amount, never given a made-up quantity', async () => {
    const { flow } = await core.call('flow-create', { supplier: 'coopercafe', buyer: 'armazem', product: 'coffee', value: 900 });
    expect(flow).toMatchObject({ quantity: null, value: 900 });
    const rel = await core.call('enterprise-relations', { id: 'armazem' });
    expect(rel.suppliers.find((s) => s.row === flow.row)).toMatchObject({ quantity: null, value: 900 });
    // The engine counts it where a value counts (ENGINE.md v1.1 §1).
    const chain = await core.call('engine-chain', { enterprise: 'armazem' });
    expect(chain.suppliers.find((s) => s.enterprise === 'coopercafe')!.value).toBeGreaterThanOrEqual(900);
  });
});

describe('offers and needs typed by hand', () => {
  it('an offer is found by the search at once, its update answers with the previous one, and its delete takes it out of the index', async () => {
    const created = await core.call('product-create', { name: 'Erva-mate tostada', names: { pt: 'Erva-mate tostada', en: 'Toasted yerba mate' } });
    const product = (await core.call('search-query', { q: 'yerba mate' })).products[0];
    expect(product.id).toBe(created.id);
    const { offer } = await core.call('offer-create', { enterprise: 'coopercafe', product: product.id, capacity: 300, price: 22.5, currency: 'BRL' });
    const found = await core.call('search-query', { q: 'tostada' });
    expect(found.enterprises.map((e) => e.id)).toContain('coopercafe');

    const { previous, offer: edited } = await core.call('offer-update', { row: offer.row, enterprise: 'coopercafe', product: product.id, capacity: 400 });
    expect(previous).toEqual(offer);
    expect(edited).toMatchObject({ capacity: 400, price: null, currency: null });

    const { deleted } = await core.call('offer-delete', { row: offer.row });
    expect(deleted).toEqual(edited);
    expect((await core.call('search-query', { q: 'tostada' })).enterprises.map((e) => e.id)).not.toContain('coopercafe');
    expect((await refusal('offer-create', { enterprise: 'coopercafe', product: product.id, price: -1 })).message).toMatch(/price cannot be negative/);
    expect((await refusal('offer-create', { enterprise: 'ghost', product: product.id })).message).toMatch(/enterprise "ghost"/);
  });

  it('a need is created, updated and deleted, each answer carrying what its undo needs', async () => {
    const statsBefore = await core.call('catalogue-stats', {});
    const { need } = await core.call('need-create', { enterprise: 'armazem', product: 'honey', quantity: 80 });
    const { previous } = await core.call('need-update', { row: need.row, enterprise: 'armazem', product: 'honey', quantity: 120 });
    expect(previous).toEqual(need);
    const rel = await core.call('enterprise-relations', { id: 'armazem' });
    expect(rel.needs.find((n) => n.row === need.row)).toMatchObject({ product: { id: 'honey' }, quantity: 120 });
    await core.call('need-delete', { row: need.row });
    expect(await core.call('catalogue-stats', {})).toEqual(statsBefore);
    expect((await refusal('need-create', { enterprise: 'armazem', product: 'honey' })).message).toMatch(/quantity/);
  });
});

describe('partners and products created in place', () => {
  it('a partner typed by name is not solidarity and not yet classified', async () => {
    const { id } = await core.call('partner-create', { name: 'Moinho do Vale Verde' });
    expect(id).toBe('moinho-do-vale-verde');
    const e = await core.call('enterprise-get', { id });
    expect(e.solidarity).toBe(false);
    expect(e.classified).toBe(false);
    expect((await core.call('enterprise-unclassified', {})).items.map((u: { id: string }) => u.id)).toContain(id);
    expect((await core.call('partner-create', { name: 'Moinho do Vale Verde' })).id).toBe('moinho-do-vale-verde-2');
    expect((await refusal('partner-create', { name: '  ' })).message).toMatch(/name is required/);
  });

  it('a product goes under an existing parent only', async () => {
    const { id } = await core.call('product-create', { name: 'Green coffee', parent: 'coffee', unit: 'kg' });
    expect(core.ctx.db.prepare('SELECT parent FROM products WHERE id = ?').pluck().get(id)).toBe('coffee');
    expect((await refusal('product-create', { name: 'Orphan', parent: 'nothing-here' })).message).toMatch(/product "nothing-here" is not in the catalogue/);
  });
});
