import type { Db } from '../db/open.ts';
import { stmt } from './statements.ts';

/**
 * Values a connection derives from the search indexes (the typo word list, the words a long
 * prefix stands for), kept until those indexes change. Two checks, cheapest first:
 *   - the catalogue's signature: SQLite's data_version (another connection committed) and
 *     this connection's total_changes (it wrote). Unchanged, nothing to look at.
 *   - when it moved, the state of the FTS5 indexes the value comes from: each index's
 *     averages and structure records (rows 1 and 10 of its %_data table), which FTS5 writes
 *     again whenever a row of that index is added, changed or removed. A commit that did not
 *     touch them (a flow, a scenario, a currency) keeps the value: the readers of the pool no
 *     longer rebuild their word lists after every write.
 * Inside a transaction of this connection FTS5 may still hold its changes in memory, not in
 * those records, so there the signature alone decides.
 */
export type SearchIndex = 'search_enterprises' | 'search_enterprise_names' | 'search_enterprise_places' | 'search_products';

interface Kept<T> {
  signature: string;
  state: string;
  value: T;
}

export function catalogueSignature(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = stmt(db, 'SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

/** The indexes' averages and structure records, or null if FTS5 does not keep them there. */
function indexState(db: Db, indexes: readonly SearchIndex[]): string | null {
  const parts: string[] = [];
  for (const t of indexes) {
    const rows = stmt(db, `SELECT hex(block) FROM ${t}_data WHERE id IN (1, 10) ORDER BY id`).pluck().all() as string[];
    // A later SQLite keeping them elsewhere: every change counts, as before (never a stale list).
    if (rows.length !== 2) return null;
    parts.push(rows.join('.'));
  }
  return parts.join('|');
}

/**
 * `cache`'s value for `db`, made again by `make` only when one of `indexes` changed since.
 * The state is read before `make` reads the index: a commit in between makes the next call
 * build once more, never keep a stale value.
 */
export function keptUntilChanged<T>(cache: WeakMap<Db, Kept<T>>, db: Db, indexes: readonly SearchIndex[], make: () => T): T {
  const signature = catalogueSignature(db);
  const kept = cache.get(db);
  if (kept && kept.signature === signature) return kept.value;
  const state = (db.inTransaction ? null : indexState(db, indexes)) ?? `changes:${signature}`;
  if (kept && kept.state === state) {
    kept.signature = signature;
    return kept.value;
  }
  const value = make();
  cache.set(db, { signature, state, value });
  return value;
}

/** A cache for keptUntilChanged. */
export const keptCache = <T>() => new WeakMap<Db, Kept<T>>();
