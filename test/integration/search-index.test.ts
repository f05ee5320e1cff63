import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open.ts';
import { writePackage } from '../../electron/core/catalogue/write-package.ts';
import { deferSearchIndex, isSearchIndexDeferred, rebuildSearchIndex, searchQuery } from '../../electron/core/search/index.ts';
import { candidateDocsSql, enterpriseSql } from '../../electron/core/search/candidates.ts';
import Database from 'better-sqlite3';
import { migration0001 } from '../../electron/core/db/migrations/0001-initial.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openSearchCore, searchPackage } from './search-fixture.ts';

const FTS_TABLES = ['search_enterprises', 'search_enterprise_names', 'search_enterprise_places', 'search_products'];

/** FTS5's own check that the index matches its content table; throws when it does not. */
function integrityCheck(db: Db) {
  for (const t of FTS_TABLES) db.prepare(`INSERT INTO ${t} (${t}) VALUES ('integrity-check')`).run();
}
/** Enterprises found as typed (close matches for typos left out: this is about the index). */
const ids = (db: Db, q: string) =>
  searchQuery(db, { q, limit: 50 })
    .enterprises.filter((e) => e.match !== 'fuzzy')
    .map((e) => e.id);

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

describe('search index', () => {
  it('follows every edit through the triggers: create, update, products, offers, delete', async () => {
    const { core, cleanup } = openSearchCore();
    cleanups.push(cleanup);
    const db = core.ctx.db;
    await core.call('enterprise-create', { name: 'Lavandaria Comunitária', solidarity: true, activities: ['laundry'] });
    expect(ids(db, 'lavandaria')).toEqual(['lavandaria-comunitaria']);
    expect(ids(db, 'laundry')).toEqual(['lavandaria-comunitaria']);
    await core.call('enterprise-update', { id: 'lavandaria-comunitaria', changes: { name: 'Tinturaria Comunitária' } });
    expect(ids(db, 'lavandaria')).toEqual([]);
    expect(ids(db, 'tinturaria')).toEqual(['lavandaria-comunitaria']);
    // A new offer makes the enterprise findable by the product and its broader products.
    db.prepare("INSERT INTO offers (enterprise_id, product_id) VALUES ('lavandaria-comunitaria', 'soap')").run();
    expect(ids(db, 'sabao')).toContain('lavandaria-comunitaria');
    // Renaming or moving a product re-indexes the enterprises offering it.
    db.prepare(`UPDATE products SET names = '{"pt":"Detergente"}' WHERE id = 'soap'`).run();
    expect(ids(db, 'detergente')).toEqual(expect.arrayContaining(['lavandaria-comunitaria', 'sabao-1']));
    db.prepare("UPDATE products SET parent = 'food' WHERE id = 'soap'").run();
    expect(ids(db, 'alimentos')).toContain('lavandaria-comunitaria');
    db.prepare("DELETE FROM offers WHERE enterprise_id = 'lavandaria-comunitaria'").run();
    expect(ids(db, 'detergente')).not.toContain('lavandaria-comunitaria');
    await core.call('enterprise-delete', { id: 'lavandaria-comunitaria' });
    expect(ids(db, 'tinturaria')).toEqual([]);
    integrityCheck(db);
    expect(db.prepare('SELECT count(*) FROM search_enterprise_docs').pluck().get()).toBe(
      db.prepare('SELECT count(*) FROM enterprises').pluck().get(),
    );
  });

  it('lets a bulk import defer the index and rebuild it once, in its transaction', () => {
    const tmp = tempDir('teia-search-');
    cleanups.push(tmp.cleanup);
    const db = openDatabase(path.join(tmp.dir, 'c.db'));
    cleanups.unshift(() => db.close());
    db.transaction(() => {
      deferSearchIndex(db);
      writePackage(db, searchPackage);
      // Deferred: nothing indexed yet.
      expect(ids(db, 'padaria')).toEqual([]);
      expect(isSearchIndexDeferred(db)).toBe(true);
      rebuildSearchIndex(db);
    }).immediate();
    expect(isSearchIndexDeferred(db)).toBe(false);
    expect(ids(db, 'padaria')).toHaveLength(3);
    expect(ids(db, 'coffee')).toContain('horta-viva');
    integrityCheck(db);
    // The rebuild makes each product's text once (maintenance.ts); its docs are the view's.
    const docs = 'SELECT id, name, description, place, activities, products, tags, solidarity, lat, lon FROM';
    const rebuilt = db.prepare(`${docs} search_enterprise_docs ORDER BY id`).all();
    expect(rebuilt.some((d) => String((d as { products: string | null }).products).includes('Alimentos'))).toBe(true);
    expect(rebuilt).toEqual(db.prepare(`${docs} search_enterprise_source ORDER BY id`).all());
    // A rolled-back import leaves neither rows nor a deferral behind.
    expect(() =>
      db.transaction(() => {
        deferSearchIndex(db);
        db.prepare("INSERT INTO enterprises (id, name, solidarity) VALUES ('ghost', 'Ghost Bakery', 0)").run();
        throw new Error('import failed');
      })(),
    ).toThrow('import failed');
    expect(isSearchIndexDeferred(db)).toBe(false);
    expect(ids(db, 'ghost')).toEqual([]);
  });

  it('indexes what a catalogue already holds when it is migrated', () => {
    const tmp = tempDir('teia-search-');
    cleanups.push(tmp.cleanup);
    const file = path.join(tmp.dir, 'old.db');
    // A version-1 catalogue with rows, as the previous Teia left it.
    const v1 = new Database(file);
    v1.exec(migration0001.up);
    v1.pragma('user_version = 1');
    v1.exec(`INSERT INTO products (id, name, names) VALUES ('honey', 'Honey', '{"pt":"Mel"}');
             INSERT INTO enterprises (id, name, solidarity, locality) VALUES ('apiario', 'Apiário São João', 1, 'Évora');
             INSERT INTO offers (enterprise_id, product_id) VALUES ('apiario', 'honey');`);
    v1.close();
    const db = openDatabase(file);
    cleanups.unshift(() => db.close());
    expect(ids(db, 'apiario')).toEqual(['apiario']);
    expect(ids(db, 'evora')).toEqual(['apiario']);
    // Past the prefix indexes remade by migration 10 (1–3 characters), as typed.
    expect(ids(db, 'apia')).toEqual(['apiario']);
    expect(ids(db, 'sao jo')).toEqual(['apiario']);
    expect(ids(db, 'mel')).toEqual(['apiario']);
    expect(searchQuery(db, { q: 'honey', limit: 5 }).products.map((p) => p.id)).toEqual(['honey']);
    integrityCheck(db);
  });

  it('answers the hot queries from the FTS5 index', () => {
    const { core, cleanup } = openSearchCore();
    cleanups.push(cleanup);
    const planOf = (sql: string, arg: string) =>
      (core.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(arg) as { detail: string }[]).map((r) => r.detail).join(' | ');
    for (const table of ['search_enterprises', 'search_enterprise_names']) {
      expect(planOf(enterpriseSql(table, 40), '"cafe"*')).toContain(`SCAN ${table} VIRTUAL TABLE INDEX`);
    }
    // The candidates' docs, by key.
    expect(planOf(candidateDocsSql, '[1,2]')).toMatch(/SEARCH d USING INTEGER PRIMARY KEY/);
  });
});
