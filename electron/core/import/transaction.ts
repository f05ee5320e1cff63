import type { Db } from '../db/open.ts';

/** Thrown to leave the transaction of a dry run after its report is complete. */
class DryRunRollback<T> {
  constructor(readonly value: T) {}
}

/**
 * BEGIN IMMEDIATE … COMMIT around an import, or ROLLBACK when it fails, is cancelled, or
 * `keep` says no (a dry run, or a file none of whose rows could be used). Written by hand (not db.transaction) because the async import awaits between
 * chunks. Inside an outer transaction (the sample loaded on first start) it uses a savepoint.
 */
export function withImportTransaction<T>(db: Db, keep: (value: T) => boolean, body: () => T): T;
export function withImportTransaction<T>(db: Db, keep: (value: T) => boolean, body: () => Promise<T>): Promise<T>;
export function withImportTransaction<T>(db: Db, keep: (value: T) => boolean, body: () => T | Promise<T>): T | Promise<T> {
  const nested = db.inTransaction;
  db.exec(nested ? 'SAVEPOINT teia_import' : 'BEGIN IMMEDIATE');
  const rollback = () => {
    if (!db.inTransaction) return;
    db.exec(nested ? 'ROLLBACK TO teia_import; RELEASE teia_import' : 'ROLLBACK');
  };
  const finish = (value: T): T => {
    if (!keep(value)) throw new DryRunRollback(value);
    db.exec(nested ? 'RELEASE teia_import' : 'COMMIT');
    return value;
  };
  const fail = (err: unknown): T => {
    rollback();
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
