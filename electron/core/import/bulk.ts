import type { Db } from '../db/open.ts';

/** Tables a big import writes many rows into (what isBulk weighs the file against). */
const bulkTables = ['enterprises', 'offers', 'needs', 'flows'];
/**
 * Those, and lists written with each enterprise whose other indexes nothing in an import reads
 * (the primary keys, enterprise id first, stay). Not memberships: a merge clears an
 * enterprise's networks by its id, which only memberships_enterprise finds without a scan.
 */
const suspendedTables = [...bulkTables, 'enterprise_activities', 'enterprise_qualifiers', 'enterprise_currencies'];

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
    for (const o of objects) db.exec(o.sql);
  };
}

/** Worth it when the file brings a good share of what those tables already hold. */
export function isBulk(db: Db, incomingRows: number): boolean {
  if (incomingRows < 5000) return false;
  const existing = bulkTables.reduce((n, t) => n + (db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number), 0);
  return incomingRows * 2 >= existing;
}
