import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { writePackage } from '../../electron/core/catalogue/write-package.ts';
import { searchPackage } from './search-fixture.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * Words typed beyond the longest prefix index (3 characters, migration 0010) are looked up
 * as the index's own words that start with them (search/prefixes.ts). They must find what the
 * prefix finds, in names and in the other text, on a read-only reader as on the writer, and
 * follow edits.
 */
const tmp = tempDir('teia-search-long-');
const file = path.join(tmp.dir, 'c.db');
let writer: Core;
let reader: Core;

beforeAll(() => {
  writer = openCore({ dbPath: file, host: 'cli', sample: false });
  // A name sharing the start of a word found only in a description (Horta Viva's "collective").
  const collectivos = { id: 'collectivos', name: 'Collectivos Unidos', solidarity: false };
  const many = Array.from({ length: 30 }, (_, i) => ({ id: `many-${i}`, name: `Longwordtest${String.fromCharCode(97 + (i % 26))}${i} Lda`, solidarity: false }));
  writer.ctx.db.transaction(() => writePackage(writer.ctx.db, { ...searchPackage, enterprises: [...searchPackage.enterprises!, collectivos, ...many] })).immediate();
  // As a reader of the app's pool opens the catalogue.
  reader = openCore({ dbPath: file, host: 'cli', readonly: true, readOnly: true, sample: false });
});
afterAll(() => {
  reader.close();
  writer.close();
  tmp.cleanup();
});

const ids = async (core: Core, q: string) => (await core.call('search-query', { q, limit: 50 })).enterprises.map((e) => e.id);

describe('search: words longer than the prefix index', () => {
  it('finds names keystroke by keystroke past three letters, on the writer and on a read-only reader', async () => {
    for (const core of [writer, reader]) {
      for (const q of ['coop', 'coope', 'cooper', 'coopera', 'cooperat', 'cooperati', 'cooperativ', 'cooperativa']) {
        expect(await ids(core, q), q).toEqual(expect.arrayContaining(['coop-norte', 'acucareira']));
      }
      // Two words, the long one still being typed.
      expect(await ids(core, 'cooperativ agric')).toEqual(['coop-norte']);
      // A name match is still a name match.
      const hit = (await core.call('search-query', { q: 'acucareir', limit: 5 })).enterprises[0];
      expect(hit).toMatchObject({ id: 'acucareira', match: 'name-prefix' });
    }
  });

  it('finds words that are only in the other text (a description), not in any name', async () => {
    for (const core of [writer, reader]) {
      expect((await ids(core, 'collectiv')).sort(), 'collectiv').toEqual(['collectivos', 'horta-viva']);
      // Typed whole: found as typed (and "Collectivos" only as a close spelling after it).
      const whole = (await core.call('search-query', { q: 'collective', limit: 5 })).enterprises;
      expect(whole.filter((e) => e.match !== 'fuzzy').map((e) => e.id)).toEqual(['horta-viva']);
      expect(await ids(core, 'grower collectiv')).toEqual(['horta-viva']);
    }
  });

  it('keeps the prefix query when too many words start with what was typed', async () => {
    const found = await ids(reader, 'longwordtest');
    expect(found).toHaveLength(30);
    expect(await ids(reader, 'longwordtestb')).toEqual(expect.arrayContaining(['many-1', 'many-27']));
  });

  it('follows a commit: a new word is found by the reader at once', async () => {
    expect(await ids(reader, 'cooperativista')).toEqual([]);
    // The reader has looked the prefix up before the edit.
    expect(await ids(reader, 'cooperativ')).not.toContain('new-coop');
    await writer.call('enterprise-create', { id: 'new-coop', name: 'Cooperativista Nova', solidarity: true });
    expect(await ids(reader, 'cooperativ')).toContain('new-coop');
    expect(await ids(reader, 'cooperativis')).toEqual(['new-coop']);
    await writer.call('enterprise-update', { id: 'new-coop', changes: { description: 'Comercialização solidária' } });
    expect(await ids(reader, 'comercializ')).toEqual(['new-coop']);
  });
});
