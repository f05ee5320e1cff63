import type { Db } from '../db/open.ts';

/** Tables a big import writes many rows into (what isBulk weighs the file against). */
const bulkTables = ['enterprises', 'offers', 'needs', 'flows'];
/**
 * Those, and lists written with each enterprise whose other indexes nothing in an import reads
 * (the primary keys, enterprise id first, stay). Not memberships: a merge clears an
 * enterprise's networks by its id, which only memberships_enterprise finds without a scan.
 */
const suspendedTables = [...bulkTables, 'enterprise_activities', 'enterprise_qualifiers', 'enterprise_currencies'];

/** The page cache while indexes are built (SQLite's default, in KiB when negative). */
const SORT_CACHE_SIZE = -2000;

/**
 * For a big import: drops the secondary indexes of the tables it fills (and the search
 * triggers on them, which the deferred search index makes idle anyway, and the sort-key
 * trigger on insert, whose keys CatalogueWriter gives each row itself), and returns the
 * function that puts them back, exactly as they were, before the commit. Building an index
 * once over sorted keys is far cheaper than keeping a dozen of them up to date row by row
 * (measured: the directory's seven name indexes tripled the cost of writing an enterprise).
 * Schema changes are transactional in SQLite, so a failed or cancelled import rolls them back
 * with everything else. Unique indexes stay: they are constraints, and upserts use them.
 */
export function suspendSecondaryIndexes(db: Db): () => void {
  const placeholders = suspendedTables.map(() => '?').join(', ');
  const objects = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE tbl_name IN (${placeholders}) AND sql IS NOT NULL
         AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%') OR (type = 'trigger' AND (name LIKE 'search\\_%' ESCAPE '\\' OR name = 'enterprises_sort_keys_ai')))`,
    )
    .all(...suspendedTables) as { type: 'index' | 'trigger'; name: string; sql: string }[];
  for (const o of objects) db.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} "${o.name.replace(/"/g, '""')}"`);
  return () => {
    // SQLite sorts an index's keys in as much memory as the page cache may hold. An import
    // runs with a big cache (transaction.ts), and one sort of a million keys in it spends its
    // time waiting on memory; with SQLite's default cache it sorts runs that fit the
    // processor's caches and merges them from a temporary file. Measured, building the three
    // flow indexes of a million flows: 0.82–0.93 s each with the import's cache, 0.4–0.6 s
    // with the default; the whole import 23.1–25.0 s against 19.9 s. The dirty pages the small
    // cache cannot hold go to the write-ahead log now instead of at the commit: the same writes.
    const cache = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = ${SORT_CACHE_SIZE}`);
    try {
      for (const o of objects) db.exec(o.sql);
    } finally {
      db.pragma(`cache_size = ${cache}`);
    }
  };
}

/** Worth it when the file brings a good share of what those tables already hold. */
export function isBulk(db: Db, incomingRows: number): boolean {
  if (incomingRows < 5000) return false;
  const existing = bulkTables.reduce((n, t) => n + (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number), 0);
  return incomingRows * 2 >= existing;
}
