import type { Db } from '../db/open.ts';

/**
 * Keeping the search index in step with bulk writes (see migration 0002). Per-row triggers
 * keep it right for every small edit; an importer writing thousands of rows calls
 * deferSearchIndex first (triggers then do nothing) and rebuildSearchIndex at the end, both
 * inside its transaction, so a rolled-back import leaves the index as it was.
 */
export function deferSearchIndex(db: Db): void {
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('search-deferred', 'true')").run();
}

/**
 * Pending index data FTS5 keeps in memory before writing a segment (its 'hashsize' option;
 * the default is 1 MB). A rebuild of 100,000 enterprises at 1 MB wrote thousands of small
 * segments and spent half its time merging them (measured: the three enterprise indexes
 * 3.7–4.5 s with the commit, 2.3 s at 8 MB). Kept in each index's config, so small edits
 * buffer up to the same amount, far more than one transaction of a person's edits.
 */
const ftsHashBytes = 8 * 1024 * 1024;

/** Re-derives every search doc from the catalogue and re-indexes once; lifts a deferral. */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    deferSearchIndex(db);
    for (const t of ['search_enterprises', 'search_enterprise_names', 'search_enterprise_places']) {
      db.exec(`INSERT INTO ${t} (${t}, rank) VALUES ('hashsize', ${ftsHashBytes})`);
    }
    db.exec(`
      DELETE FROM search_enterprise_docs;
      INSERT INTO search_enterprise_docs (id, name, description, place, activities, products, tags, solidarity, lat, lon)
        SELECT id, name, description, place, activities, products, tags, solidarity, lat, lon FROM search_enterprise_source;
      DELETE FROM search_product_docs;
      INSERT INTO search_product_docs (id, name, names, codes) SELECT id, name, names, codes FROM search_product_source;
      INSERT INTO search_enterprises (search_enterprises) VALUES ('rebuild');
      INSERT INTO search_enterprise_names (search_enterprise_names) VALUES ('rebuild');
      INSERT INTO search_enterprise_places (search_enterprise_places) VALUES ('rebuild');
      INSERT INTO search_products (search_products) VALUES ('rebuild');
      DELETE FROM meta WHERE key = 'search-deferred';
    `);
  })();
}

/** True while a bulk writer has deferred the index (searches may then miss recent rows). */
export function isSearchIndexDeferred(db: Db): boolean {
  return db.prepare("SELECT 1 FROM meta WHERE key = 'search-deferred'").pluck().get() !== undefined;
}

/** Merges the FTS b-tree segments: smaller, faster index after a big import. Optional. */
export function optimizeSearchIndex(db: Db): void {
  for (const t of ['search_enterprises', 'search_enterprise_names', 'search_enterprise_places', 'search_products']) {
    db.prepare(`INSERT INTO ${t} (${t}) VALUES ('optimize')`).run();
  }
}
