import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import type { Db } from '../../electron/core/db/open.ts';

const tables = ['enterprises', 'products', 'offers', 'needs', 'flows', 'networks', 'imports', 'scenarios', 'profiles', 'merge_proposals'];

export interface Fingerprint {
  integrity: string;
  counts: Record<string, number>;
  /** sha256 over the whole catalogue read back as a package, plus saved scenarios and imports. */
  hash: string;
}

/** What "the catalogue is exactly as it was" means in these tests: integrity, counts, content. */
export function fingerprintDb(db: Db): Fingerprint {
  const integrity = String(db.pragma('integrity_check', { simple: true }));
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify(readPackage(db)));
  // Everything but the moment a scenario was saved, so two whole runs of one write compare equal.
  h.update(JSON.stringify(db.prepare('SELECT id, name, network_id, settings, changes FROM scenarios ORDER BY id').all()));
  h.update(JSON.stringify(db.prepare('SELECT id, format, file_name, rows_read, accepted FROM imports ORDER BY id').all()));
  return { integrity, counts, hash: h.digest('hex') };
}

/** Opens a file as a fresh process would after a crash (recovering its WAL) and fingerprints it. */
export function fingerprintFile(file: string): Fingerprint {
  const db = new Database(file);
  try {
    return fingerprintDb(db);
  } finally {
    db.close();
  }
}
