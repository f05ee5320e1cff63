import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { writePackage } from '../../electron/core/catalogue/write-package.ts';
import { typoWords } from '../../electron/core/search/vocabulary.ts';
import { searchPackage } from './search-fixture.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * The typo word list a reader of the pool keeps (search/vocabulary.ts, kept.ts): a commit that
 * touches no name, place or product (a flow) leaves it as it is; one that does makes it again,
 * so the new word is corrected to at once. The reader is a read-only connection beside the
 * writer, as in the app's pool.
 */
const tmp = tempDir('teia-search-vocab-');
const file = path.join(tmp.dir, 'c.db');
let writer: Core;
let reader: Core;

beforeAll(() => {
  writer = openCore({ dbPath: file, host: 'cli', sample: false });
  writer.ctx.db.transaction(() => writePackage(writer.ctx.db, searchPackage)).immediate();
  reader = openCore({ dbPath: file, host: 'cli', readonly: true, readOnly: true, sample: false });
});
afterAll(() => {
  reader.close();
  writer.close();
  tmp.cleanup();
});

const ids = async (q: string) => (await reader.call('search-query', { q, limit: 20 })).enterprises.map((e) => e.id);
const dataVersion = () => reader.ctx.db.pragma('data_version', { simple: true }) as number;

describe('the typo word list of a reader', () => {
  it('is kept through a commit that touches no name, place or product, and made again after one that does', async () => {
    expect(await ids('padria')).toContain('padaria-porto');
    const before = typoWords(reader.ctx.db);
    expect(before).toContain('padaria');

    // A flow: the reader sees the commit, and keeps its list.
    const version = dataVersion();
    await writer.call('flow-create', { supplier: 'acucareira', buyer: 'padaria-porto', product: 'sugar', quantity: 10 });
    expect(dataVersion()).not.toBe(version);
    expect(await ids('padria')).toContain('padaria-porto');
    expect(typoWords(reader.ctx.db)).toBe(before);

    // A new name: a new word, corrected to at once.
    expect(await ids('quintel')).toEqual([]);
    await writer.call('enterprise-update', { id: 'horta-viva', changes: { name: 'Quintal Viva' } });
    const after = typoWords(reader.ctx.db);
    expect(after).not.toBe(before);
    expect(after).toContain('quintal');
    expect(await ids('quintel')).toEqual(['horta-viva']);
  });

  it('follows a place and a product name in another language that changed', async () => {
    await writer.call('enterprise-update', { id: 'padaria-faro', changes: { locality: 'Tavira' } });
    expect(typoWords(reader.ctx.db)).toContain('tavira');
    expect(await ids('taviro')).toContain('padaria-faro');
    // A product nobody offers yet: only the products index changes.
    const { id } = await writer.call('product-create', { name: 'Candles', parent: null });
    await writer.call('product-update', { id, names: { es: 'Velas de cera' } });
    expect(typoWords(reader.ctx.db)).toContain('velas');
    const typo = await reader.call('search-query', { q: 'vellas', limit: 5 });
    expect(typo.products.map((p) => p.id)).toContain(id);
  });
});
