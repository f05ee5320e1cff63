import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { TeiaError } from '../../shared/contract/errors.ts';
import { tempDir } from '../helpers/tmp.ts';

let tmp: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  tmp = tempDir();
  core = openCore({ dbPath: path.join(tmp.dir, 'teia.db'), host: 'cli' }); // with the sample catalogue
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

describe('an enterprise page: relations, replace (edit and undo), delete and restore', () => {
  it('lists offers, needs, suppliers and buyers naming the other side', async () => {
    const r = await core.call('enterprise-relations', { id: 'armazem' });
    const suppliers = r.suppliers.map((s) => `${s.enterprise.id}:${s.product.id}`);
    expect(suppliers).toContain('bigcoffee:coffee');
    expect(r.suppliers.find((s) => s.enterprise.id === 'bigcoffee')!.value).toBe(10000);
    const big = await core.call('enterprise-relations', { id: 'bigcoffee' });
    expect(big.buyers.map((b) => b.enterprise.id)).toContain('armazem');
    expect(big.offers.map((o) => o.product.id)).toContain('coffee');
    await expect(core.call('enterprise-relations', { id: 'nobody' })).rejects.toThrow(/No enterprise/);
  });

  it('replaces a record, clearing fields left out, and an undo puts the old one back with its provenance', async () => {
    const before = await core.call('enterprise-get', { id: 'armazem' });
    const { id, importId, sourceRow, createdAt, updatedAt, classified, ...old } = before;
    void createdAt;
    void updatedAt;
    void classified;
    await core.call('enterprise-replace', { id, record: { name: 'Armazém Novo', solidarity: false, country: 'BR' } });
    const edited = await core.call('enterprise-get', { id });
    expect(edited.name).toBe('Armazém Novo');
    expect(edited.locality).toBeUndefined();
    expect(edited.criteria).toBeUndefined();
    await core.call('enterprise-replace', { id, record: old });
    const undone = await core.call('enterprise-get', { id });
    expect({ ...undone, updatedAt: '' }).toEqual({ ...before, updatedAt: '' });
    expect([undone.importId, undone.sourceRow]).toEqual([importId, sourceRow]);
  });

  it('refuses an invalid record with a message naming the field', async () => {
    const err = await core.call('enterprise-replace', { id: 'armazem', record: { name: ' ', solidarity: true, lat: 120 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeiaError);
    expect((err as TeiaError).message).toMatch(/name: A name is required/);
    expect((err as TeiaError).message).toMatch(/lat/);
  });

  it('restores a deleted enterprise with its offers, needs and flows', async () => {
    const { importId, sourceRow, createdAt, updatedAt, ...e } = await core.call('enterprise-get', { id: 'bigcoffee' });
    void [importId, sourceRow, createdAt, updatedAt];
    const rel = await core.call('enterprise-relations', { id: 'bigcoffee' });
    const statsBefore = await core.call('catalogue-stats', {});
    await core.call('enterprise-delete', { id: 'bigcoffee' });
    expect((await core.call('catalogue-stats', {})).flows).toBeLessThan(statsBefore.flows);
    const res = await core.call('enterprise-restore', {
      enterprise: e,
      offers: rel.offers.map((o) => ({ id: o.id ?? undefined, enterprise: e.id, product: o.product.id, capacity: o.capacity ?? undefined, price: o.price ?? undefined })),
      needs: rel.needs.map((n) => ({ enterprise: e.id, product: n.product.id, quantity: n.quantity })),
      flows: [
        ...rel.buyers.map((b) => ({ id: b.flowId ?? undefined, supplier: e.id, buyer: b.enterprise.id, product: b.product.id, quantity: b.quantity ?? undefined, value: b.value ?? undefined })),
        ...rel.suppliers.map((s) => ({ id: s.flowId ?? undefined, supplier: s.enterprise.id, buyer: e.id, product: s.product.id, quantity: s.quantity ?? undefined, value: s.value ?? undefined })),
      ],
    });
    expect(res.skippedFlows).toBe(0);
    expect(await core.call('catalogue-stats', {})).toEqual(statsBefore);
    const again = await core.call('enterprise-relations', { id: 'bigcoffee' });
    expect(again.buyers.map((b) => b.flowId)).toEqual(rel.buyers.map((b) => b.flowId));
    await expect(core.call('enterprise-restore', { enterprise: e })).rejects.toThrow(/already exists/);
  });
});
