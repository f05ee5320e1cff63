import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import { readEnterprise } from '../../electron/core/catalogue/enterprises.ts';
import { emptyParsedFile } from '../../electron/core/import/types.ts';
import { csvParser } from '../../electron/core/import/formats/csv.ts';
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
    // same name, far away: perhaps a different bakery — a person decides
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

const parseCsvText = (text: string) => csvParser.parse(new TextEncoder().encode(text), {}) as ReturnType<typeof emptyParsedFile>;
const run = (onDuplicate: DuplicateStrategy) => applyImportSync(core.ctx.db, parsePackage(bytes(incoming)), { onDuplicate });
const ids = () => core.ctx.db.prepare('SELECT id FROM enterprises ORDER BY id').pluck().all();
const flow = (id: string) => core.ctx.db.prepare('SELECT supplier_id, buyer_id FROM flows WHERE id = ?').get(id);

describe('an import that meets records already in the catalogue', () => {
  it('finds them by id, by name and postcode, by name within a kilometre — and says why, with a score', () => {
    const report = run('skip');
    const found = Object.fromEntries(report.duplicates.map((d) => [d.incoming.id, d]));
    const kinds = (id: string) => found[id].evidence.map((e) => `${e.kind}:${e.verdict}`);
    expect(found['recicla-2']).toMatchObject({ existing: { id: 'recicla' }, decision: 'same', action: 'skipped', withinFile: false });
    expect(kinds('recicla-2')).toEqual(['name:same', 'postcode:same']);
    expect(found.pao).toMatchObject({ existing: { id: 'padaria' }, decision: 'same' });
    expect(found.pao.reasons[0]).toBe('same name');
    expect(found.pao.reasons[1]).toMatch(/^0\.0\d km apart$/);
    expect(found.loja).toMatchObject({ existing: { id: 'loja' }, reasons: ['same id'], decision: 'same', score: 1 });
    // Same name 184 km away: not merged, asked.
    expect(found['pao-longe']).toMatchObject({ existing: { id: 'padaria' }, decision: 'review', action: 'proposed' });
    expect(found['pao-longe'].score).toBeLessThan(0.87);
    expect(kinds('pao-longe')).toEqual(['name:same', 'distance:different']);
    expect(report.accepted + report.rejected.length).toBe(report.rowsRead);
  });

  it('merge: fills the gaps of the existing record, unites lists, points the file’s flows at it', () => {
    const report = run('merge');
    expect(report.duplicates.map((d) => d.action)).toEqual(['merged', 'merged', 'proposed', 'merged']);
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
      ['padaria', 'pao-longe'],
      ['loja', 'loja-2'],
    ]);
    // The card has both records whole, the score and its reasons.
    const far = items.find((p) => p.incoming.id === 'pao-longe')!;
    expect(far.existing).toMatchObject({ name: 'Padaria Pão da Terra', lat: -23.64, lon: -46.73, importFile: null });
    expect(far.distanceKm).toBeGreaterThan(180);
    expect(far.score).toBeGreaterThan(0.7);
    expect(far.evidence.map((e) => e.kind)).toEqual(['name', 'distance']);
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
    await core.call('import-merge-resolve', { id: byIncoming['pao-longe'], action: 'keep-both' });
    expect(readEnterprise(core.ctx.db, 'loja-2')!.name).toBe('Loja Nova');

    expect((await core.call('import-merges-list', {})).items).toEqual([]);
    await expect(core.call('import-merge-resolve', { id: byIncoming.pao, action: 'merge' })).rejects.toThrow(/no pending/);
  });

  it('merging a record that brings nothing new leaves it untouched', () => {
    const stamp = () => core.ctx.db.prepare('SELECT id, updated_at FROM enterprises ORDER BY id').all();
    const before = stamp();
    const report = applyImportSync(core.ctx.db, parsePackage(bytes(base)), { onDuplicate: 'merge' });
    expect(report.duplicates.map((d) => [d.action, d.reasons])).toEqual([['merged', ['same id']], ['merged', ['same id']], ['merged', ['same id']]]);
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
    expect(report.duplicates[0]).toMatchObject({ existing: { id: 'uk-1' }, reasons: ['same source id'], action: 'merged', decision: 'same' });
    expect(readEnterprise(core.ctx.db, 'uk-1')).toMatchObject({ name: 'First name', locality: 'Leeds' });
  });

  it('flags duplicates inside one file; the same long name with another acronym is another co-op', () => {
    const csv = [
      'name,sigla,locality',
      'Cooperativa de Reciclagem Leste,COOPERLESTE,Osasco',
      'Cooperativa de Reciclagem Leste Ltda,,Osasco',
      'Cooperativa de Reciclagem Leste,CORELE,Osasco',
    ].join('\n');
    const report = applyImportSync(core.ctx.db, parseCsvText(csv), { onDuplicate: 'merge' });
    // Row 4 may be row 3 (which has no acronym), never row 2 (another acronym).
    expect(report.duplicates.map((d) => [d.line, d.existing.id])).toEqual([
      [3, 'cooperativa-de-reciclagem-leste'],
      [4, 'cooperativa-de-reciclagem-leste-ltda'],
    ]);
    // Row 3 is row 2 with its legal form: flagged (a proposal), never merged inside one file.
    expect(report.duplicates[0]).toMatchObject({ line: 3, existing: { id: 'cooperativa-de-reciclagem-leste' }, decision: 'same', action: 'proposed', withinFile: true });
    expect(report.written.enterprises).toBe(3);
    expect(report.duplicates[1].action).toBe('proposed');
    // Row 4: same long name, different acronym: two co-ops, both kept with their acronyms.
    expect(readEnterprise(core.ctx.db, 'cooperativa-de-reciclagem-leste')!.nickname).toBe('COOPERLESTE');
    expect(readEnterprise(core.ctx.db, 'cooperativa-de-reciclagem-leste-2')).toMatchObject({ nickname: 'CORELE', locality: 'Osasco' });
  });

  it('never calls ids made from names "the same id": a taken one is replaced, the records compared on what they say', async () => {
    applyImportSync(core.ctx.db, parseCsvText('name,locality\nMercado Central,Manaus'), { onDuplicate: 'merge' });
    const report = applyImportSync(core.ctx.db, parseCsvText('name,locality\nMercado Central,Belém'), { onDuplicate: 'merge' });
    const [d] = report.duplicates;
    expect(d).toMatchObject({ existing: { id: 'mercado-central' }, incoming: { id: 'mercado-central-2' }, decision: 'review', action: 'proposed' });
    expect(d.evidence.map((e) => `${e.kind}:${e.verdict}`)).toEqual(['name:same', 'town:different']);
    expect(readEnterprise(core.ctx.db, 'mercado-central')!.locality).toBe('Manaus');
    const { items } = await core.call('import-merges-list', {});
    const card = items.find((p) => p.incoming.id === 'mercado-central-2')!;
    expect(card.reasons).not.toContain('same id');
    expect(card.incoming).toMatchObject({ locality: 'Belém', importFile: null });
  });
});
