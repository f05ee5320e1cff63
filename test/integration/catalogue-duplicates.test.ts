import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import { readEnterprise } from '../../electron/core/catalogue/enterprises.ts';
import { emptyParsedFile } from '../../electron/core/import/types.ts';
import type { DuplicateStrategy } from '../../shared/contract/import.ts';
import { tempDir } from '../helpers/tmp.ts';

const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o, null, 1));
const products = [{ id: 'bags', name: 'Bags', parent: null }];
const base = {
  format: 'teia-package',
  version: 1,
  products,
  enterprises: [
    { id: 'recicla', name: 'Recicla Coop', solidarity: true, locality: 'Osasco', postcode: '06010-000', activities: ['ICA280'] },
    { id: 'padaria', name: 'Padaria Pão da Terra', solidarity: true, lat: -23.64, lon: -46.73 },
    { id: 'loja', name: 'Loja', solidarity: false },
  ],
};
const incoming = {
  format: 'teia-package',
  version: 1,
  products,
  enterprises: [
    // same name (legal suffix, case) and same postcode, written differently
    { id: 'recicla-2', name: 'RECICLA Co-op Ltd.', solidarity: true, postcode: '06010000', description: 'Recycling co-op', activities: ['ICA280', 'ICA90'] },
    // same name, 60 m away
    { id: 'pao', name: 'Padaria Pão-da-Terra', solidarity: true, lat: -23.6405, lon: -46.7302, website: 'https://pao.example' },
    // same name, far away: a different bakery
    { id: 'pao-longe', name: 'Padaria Pão da Terra', solidarity: true, lat: -22, lon: -47 },
    // same id
    { id: 'loja', name: 'Loja Nova', solidarity: false, locality: 'Santos' },
  ],
  flows: [
    { id: 'f1', supplier: 'recicla-2', buyer: 'pao', product: 'bags', quantity: 10, value: 5 },
    { id: 'f2', supplier: 'loja', buyer: 'pao-longe', product: 'bags', quantity: 1 },
  ],
};

let tmp: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  tmp = tempDir();
  core = openCore({ dbPath: path.join(tmp.dir, 'teia.db'), host: 'cli', sample: false });
  applyImportSync(core.ctx.db, parsePackage(bytes(base)));
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const run = (onDuplicate: DuplicateStrategy) => applyImportSync(core.ctx.db, parsePackage(bytes(incoming)), { onDuplicate });
const ids = () => core.ctx.db.prepare('SELECT id FROM enterprises ORDER BY id').pluck().all();
const flow = (id: string) => core.ctx.db.prepare('SELECT supplier_id, buyer_id FROM flows WHERE id = ?').get(id);

describe('an import that meets records already in the catalogue', () => {
  it('finds them by id, by name and postcode, by name within a kilometre — and says why', () => {
    const report = run('skip');
    const found = Object.fromEntries(report.duplicates.map((d) => [d.incoming.id, { existing: d.existing.id, reasons: d.reasons }]));
    expect(found['recicla-2']).toEqual({ existing: 'recicla', reasons: ['same name', 'same postcode'] });
    expect(found.pao.existing).toBe('padaria');
    expect(found.pao.reasons[0]).toBe('same name');
    expect(found.pao.reasons[1]).toMatch(/^0\.0\d km apart$/);
    expect(found.loja).toEqual({ existing: 'loja', reasons: ['same id'] });
    expect(found['pao-longe']).toBeUndefined();
    expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
  });

  it('merge: fills the gaps of the existing record, unites lists, points the file’s flows at it', () => {
    const report = run('merge');
    expect(report.duplicates.map((d) => d.action)).toEqual(['merged', 'merged', 'merged']);
    expect(ids()).toEqual(['loja', 'padaria', 'pao-longe', 'recicla']);
    const recicla = readEnterprise(core.ctx.db, 'recicla')!;
    expect(recicla).toMatchObject({ name: 'Recicla Coop', description: 'Recycling co-op', postcode: '06010-000', activities: ['ICA280', 'ICA90'] });
    expect(readEnterprise(core.ctx.db, 'loja')).toMatchObject({ name: 'Loja', locality: 'Santos' });
    expect(readEnterprise(core.ctx.db, 'padaria')!.website).toBe('https://pao.example');
    // Provenance stays with the first import.
    expect(recicla.importId).toBe(1);
    expect(flow('f1')).toEqual({ supplier_id: 'recicla', buyer_id: 'padaria' });
    expect(flow('f2')).toEqual({ supplier_id: 'loja', buyer_id: 'pao-longe' });
  });

  it('skip: leaves the existing records untouched but keeps the flows, on them', () => {
    const report = run('skip');
    expect(report.written.enterprises).toBe(1);
    expect(readEnterprise(core.ctx.db, 'recicla')!.description).toBeUndefined();
    expect(readEnterprise(core.ctx.db, 'loja')!.name).toBe('Loja');
    expect(flow('f1')).toEqual({ supplier_id: 'recicla', buyer_id: 'padaria' });
  });

  it('keep-both: writes copies, renaming a taken id, and points the file’s references at the copies', () => {
    const report = run('keep-both');
    expect(report.duplicates.find((d) => d.existing.id === 'loja')!.incoming.id).toBe('loja-2');
    expect(ids()).toEqual(['loja', 'loja-2', 'padaria', 'pao', 'pao-longe', 'recicla', 'recicla-2']);
    expect(readEnterprise(core.ctx.db, 'loja-2')!.name).toBe('Loja Nova');
    expect(flow('f2')).toEqual({ supplier_id: 'loja-2', buyer_id: 'pao-longe' });
    expect(flow('f1')).toEqual({ supplier_id: 'recicla-2', buyer_id: 'pao' });
  });

  it('propose: keeps the copies and leaves questions a person answers', async () => {
    const report = run('propose');
    expect(report.duplicates.every((d) => d.action === 'proposed' && d.proposalId)).toBe(true);
    const { items } = await core.call('import-merges-list', {});
    expect(items.map((p) => [p.existing.id, p.incoming.id])).toEqual([
      ['recicla', 'recicla-2'],
      ['padaria', 'pao'],
      ['loja', 'loja-2'],
    ]);
    const byIncoming = Object.fromEntries(items.map((p) => [p.incoming.id, p.id]));

    // merge: the copy goes, its flows move, its fields fill gaps
    await core.call('import-merge-resolve', { id: byIncoming['recicla-2'], action: 'merge' });
    expect(readEnterprise(core.ctx.db, 'recicla-2')).toBeNull();
    expect(readEnterprise(core.ctx.db, 'recicla')!.description).toBe('Recycling co-op');
    expect(flow('f1')).toEqual({ supplier_id: 'recicla', buyer_id: 'pao' });

    // skip: the copy goes, its flows move, nothing of it is taken
    await core.call('import-merge-resolve', { id: byIncoming.pao, action: 'skip' });
    expect(readEnterprise(core.ctx.db, 'pao')).toBeNull();
    expect(readEnterprise(core.ctx.db, 'padaria')!.website).toBeUndefined();
    expect(flow('f1')).toEqual({ supplier_id: 'recicla', buyer_id: 'padaria' });

    // keep both: different enterprises after all
    await core.call('import-merge-resolve', { id: byIncoming['loja-2'], action: 'keep-both' });
    expect(readEnterprise(core.ctx.db, 'loja-2')!.name).toBe('Loja Nova');

    expect((await core.call('import-merges-list', {})).items).toEqual([]);
    await expect(core.call('import-merge-resolve', { id: byIncoming.pao, action: 'merge' })).rejects.toThrow(/no pending/);
  });

  it('merging a record that brings nothing new leaves it untouched', () => {
    const stamp = () => core.ctx.db.prepare('SELECT id, updated_at FROM enterprises ORDER BY id').all();
    const before = stamp();
    const report = applyImportSync(core.ctx.db, parsePackage(bytes(base)), { onDuplicate: 'merge' });
    expect(report.duplicates.map((d) => d.action)).toEqual(['merged', 'merged', 'merged']);
    expect(stamp()).toEqual(before);
  });

  it('matches a source id across imports (e.g. a directory re-imported)', () => {
    const parsed = emptyParsedFile('sse-csv');
    parsed.rowsRead = 1;
    parsed.enterprises.push({ value: { id: 'uk-1', name: 'First name', solidarity: true }, line: 2, sourceId: 'R001' });
    applyImportSync(core.ctx.db, parsed);
    const again = emptyParsedFile('sse-csv');
    again.rowsRead = 1;
    again.enterprises.push({ value: { id: 'other-id', name: 'Renamed', solidarity: true, locality: 'Leeds' }, line: 2, sourceId: 'R001' });
    const report = applyImportSync(core.ctx.db, again, { onDuplicate: 'merge' });
    expect(report.duplicates[0]).toMatchObject({ existing: { id: 'uk-1' }, reasons: ['same source id'], action: 'merged' });
    expect(readEnterprise(core.ctx.db, 'uk-1')).toMatchObject({ name: 'First name', locality: 'Leeds' });
  });
});
