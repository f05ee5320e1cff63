import { TeiaError } from '../../shared/contract/errors.ts';

/**
 * A write that ran out of disk space: SQLite says SQLITE_FULL (and rolls the transaction
 * back, so the catalogue is as it was); the file system says ENOSPC (or EDQUOT, over a quota).
 */
export function isDiskFull(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || (err instanceof Error && /SQLITE_FULL|database or disk is full|ENOSPC/.test(err.message));
}

export function diskFullError(): TeiaError {
  return new TeiaError('disk-full', 'The disk is full, so the change was not saved; nothing was lost. Free some space and try again.', undefined, { key: 'disk-full' });
}
