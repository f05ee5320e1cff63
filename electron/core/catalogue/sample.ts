import fs from 'node:fs';
import type { Db } from '../db/open.ts';
import { packageSchema } from '../../../shared/domain/package.ts';
import { dataPath } from '../paths.ts';
import { writePackage } from './write-package.ts';

/** The illustrative regional network that ships in data/ so a first start has something to explore. */
export const samplePackagePath = () => dataPath('sample', 'sample-catalogue.json');

/**
 * Loads the sample catalogue once, into an empty catalogue on its first start. Returns true
 * when it did. The meta flag keeps a person who emptied the catalogue from getting it back.
 */
export function loadSampleIfEmpty(db: Db): boolean {
  const offered = db.prepare("SELECT value FROM meta WHERE key = 'sample-offered'").pluck().get();
  if (offered) return false;
  const empty = (db.prepare('SELECT count(*) FROM enterprises').pluck().get() as number) === 0;
  db.transaction(() => {
    if (empty) {
      const pkg = packageSchema.parse(JSON.parse(fs.readFileSync(samplePackagePath(), 'utf8')));
      writePackage(db, pkg);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sample', 'true')").run();
    }
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sample-offered', 'true')").run();
  }).immediate();
  return empty;
}

export function isSampleCatalogue(db: Db): boolean {
  return db.prepare("SELECT value FROM meta WHERE key = 'sample'").pluck().get() === 'true';
}
