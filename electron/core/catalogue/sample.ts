import fs from 'node:fs';
import type { Db } from '../db/open.ts';
import { dataPath } from '../paths.ts';
import { parsePackage } from '../import/formats/package.ts';
import { applyImportSync } from '../import/apply.ts';

/** The illustrative regional network that ships in data/ so a first start has something to explore. */
export const samplePackagePath = () => dataPath('sample', 'sample-catalogue.json');

/**
 * Loads the sample catalogue once, into an empty catalogue on its first start. Returns true
 * when it did. It goes through the import path like any file, so it has an imports row (its
 * provenance). The meta flag keeps a person who emptied the catalogue from getting it back.
 */
export function loadSampleIfEmpty(db: Db): boolean {
  const offered = db.prepare("SELECT value FROM meta WHERE key = 'sample-offered'").pluck().get();
  if (offered) return false;
  const empty = (db.prepare('SELECT count(*) FROM enterprises').pluck().get() as number) === 0;
  let loaded = false;
  db.transaction(() => {
    if (empty) loaded = loadSample(db);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sample-offered', 'true')").run();
  }).immediate();
  return loaded;
}

/** Imports the sample (its currencies are defined in the package, format v1.1) into the catalogue; true when it was applied. */
export function loadSample(db: Db): boolean {
  const parsed = parsePackage(fs.readFileSync(samplePackagePath()));
  const report = applyImportSync(db, parsed, {
    fileName: 'sample-catalogue.json',
    onDuplicate: 'keep-both',
    afterWrite: (db) => {
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sample', 'true')").run();
    },
  });
  return report.applied;
}

export function isSampleCatalogue(db: Db): boolean {
  return db.prepare("SELECT value FROM meta WHERE key = 'sample'").pluck().get() === 'true';
}
