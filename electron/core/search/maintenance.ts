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

/**
 * Re-derives every search doc from the catalogue and re-indexes once; lifts a deferral. In a
 * transaction already (an import's), it runs in that one: a savepoint would keep a copy of
 * every page the rebuild rewrites, for nothing, since a failure rolls the whole import back
 * (measured on a 100,000-enterprise catalogue: 2.2 s plain, 2.5–2.7 s in a savepoint).
 */
export function rebuildSearchIndex(db: Db): void {
  if (db.inTransaction) rebuild(db);
  else db.transaction(() => rebuild(db))();
}

function rebuild(db: Db): void {
  deferSearchIndex(db);
  for (const t of ['search_enterprises', 'search_enterprise_names', 'search_enterprise_places']) {
    db.exec(`INSERT INTO ${t} (${t}, rank) VALUES ('hashsize', ${ftsHashBytes})`);
  }
  // The products column as search_enterprise_source makes it, with each product's text
  // (its names and its ancestors' names) made once per product instead of once per offer:
  // at 100,000 enterprises the docs took 1.1 s through the view and 0.57 s this way, and
  // came out the same, row by row (measured). Triggers keep using the view for single rows.
  db.exec(`
    DROP TABLE IF EXISTS temp.search_product_full_text;
    CREATE TEMP TABLE search_product_full_text (id TEXT PRIMARY KEY, text TEXT);
    INSERT INTO temp.search_product_full_text (id, text)
      SELECT t0.id, concat_ws(' ', t0.text, t1.text, t2.text, t3.text, t4.text, t5.text)
      FROM search_product_text t0
      LEFT JOIN search_product_text t1 ON t1.id = t0.parent
      LEFT JOIN search_product_text t2 ON t2.id = t1.parent
      LEFT JOIN search_product_text t3 ON t3.id = t2.parent
      LEFT JOIN search_product_text t4 ON t4.id = t3.parent
      LEFT JOIN search_product_text t5 ON t5.id = t4.parent;
    DELETE FROM search_enterprise_docs;
    INSERT INTO search_enterprise_docs (id, name, description, place, activities, products, tags, solidarity, lat, lon)
      SELECT s.id, s.name, s.description, s.place, s.activities,
        (SELECT group_concat(t.text, ' ') FROM temp.search_product_full_text t
          WHERE t.id IN (SELECT o.product_id FROM offers o WHERE o.enterprise_id = s.id)),
        s.tags, s.solidarity, s.lat, s.lon
      FROM search_enterprise_source s;
    DROP TABLE temp.search_product_full_text;
    DELETE FROM search_product_docs;
    INSERT INTO search_product_docs (id, name, names, codes) SELECT id, name, names, codes FROM search_product_source;
    INSERT INTO search_enterprises (search_enterprises) VALUES ('rebuild');
    INSERT INTO search_enterprise_names (search_enterprise_names) VALUES ('rebuild');
    INSERT INTO search_enterprise_places (search_enterprise_places) VALUES ('rebuild');
    INSERT INTO search_products (search_products) VALUES ('rebuild');
    DELETE FROM meta WHERE key = 'search-deferred';
  `);
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
