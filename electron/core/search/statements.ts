import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement kept per connection: a search runs a handful of them per keystroke. */
export function stmt(db: Db, sql: string): Statement {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}
