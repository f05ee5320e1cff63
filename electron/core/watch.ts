import type { Db } from './db/open.ts';
import type { TeiaEvent } from '../../shared/contract/index.ts';

/**
 * Two windows, one file: the desktop app and a `teia serve` (or two servers) may have the same
 * catalogue open. SQLite's data_version changes when another connection commits, so a cheap
 * poll tells this process's windows to reload; its own writes announce themselves already.
 */
export function watchOtherWriters(db: Db, emit: (event: TeiaEvent) => void, intervalMs = 500): () => void {
  const version = () => db.pragma('data_version', { simple: true }) as number;
  let last = version();
  const timer = setInterval(() => {
    if (!db.open) return;
    try {
      const now = version();
      if (now !== last) {
        last = now;
        emit({ type: 'catalogue-changed', reason: 'another-window' });
      }
    } catch {
      // busy or closing: the next tick tries again
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
