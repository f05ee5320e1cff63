import type { Db } from '../db/open.ts';

/** Thrown to leave the transaction of a dry run after its report is complete. */
class DryRunRollback<T> {
  constructor(readonly value: T) {}
}

/**
 * Page cache for the length of an import (KiB), a ceiling SQLite fills only as pages are
 * needed: a million-row import thrashes the default 2 MB. The catalogue a 100,000-enterprise /
 * 1,000,000-flow package makes is about 370 MB with its indexes; at a 256 MB ceiling SQLite
 * wrote pages out mid-import and read them back to build the indexes (measured: 25.6–30.2 s
 * of CPU against 23.2–24.4 s at 1 GB, for 80 MB more at the peak). Given back at the end.
 */
const importCacheKiB = 1024 * 1024;

/**
 * BEGIN IMMEDIATE … COMMIT around an import, or ROLLBACK when it fails, is cancelled, or
 * `keep` says no (a dry run, or a file none of whose rows could be used). Written by hand (not
 * db.transaction) because the async import awaits between chunks. Inside an outer transaction
 * (the sample loaded on first start) it uses a savepoint.
 *
 * Foreign keys are switched off for the import's own transaction: the import has already
 * checked every reference against the file and the catalogue (rejecting the rows that fail),
 * and SQLite's per-row lookups of three parents per flow were a large part of the time of a
 * million-flow import. The pragma cannot change inside a transaction, so a nested import keeps
 * them on.
 */
export function withImportTransaction<T>(db: Db, keep: (value: T) => boolean, body: () => T): T;
export function withImportTransaction<T>(db: Db, keep: (value: T) => boolean, body: () => Promise<T>): Promise<T>;
export function withImportTransaction<T>(db: Db, keep: (value: T) => boolean, body: () => T | Promise<T>): T | Promise<T> {
  const nested = db.inTransaction;
  const cache = db.pragma('cache_size', { simple: true }) as number;
  if (!nested) {
    db.pragma('foreign_keys = OFF');
    db.pragma(`cache_size = -${importCacheKiB}`);
  }
  const restore = () => {
    if (nested) return;
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = ${cache}`);
  };
  try {
    db.exec(nested ? 'SAVEPOINT teia_import' : 'BEGIN IMMEDIATE');
  } catch (err) {
    restore();
    throw err;
  }
  const rollback = () => {
    if (!db.inTransaction) return;
    db.exec(nested ? 'ROLLBACK TO teia_import; RELEASE teia_import' : 'ROLLBACK');
  };
  const finish = (value: T): T => {
    if (!keep(value)) throw new DryRunRollback(value);
    db.exec(nested ? 'RELEASE teia_import' : 'COMMIT');
    restore();
    return value;
  };
  const fail = (err: unknown): T => {
    rollback();
    restore();
    if (err instanceof DryRunRollback) return err.value as T;
    throw err;
  };
  try {
    const result = body();
    if (result instanceof Promise) return result.then(finish).catch(fail);
    return finish(result);
  } catch (err) {
    return fail(err);
  }
}
