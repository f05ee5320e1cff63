// Sort keys that order names as people read them: "Açúcar" beside "Acre", not after "Zebra".
// SQLite's NOCASE folds only ASCII, so each key is the name lower-cased with the accents of
// Latin languages (pt, es, fr, ca, de…) taken off. Plain columns kept by triggers, so every
// writer of the enterprises table keeps them right without knowing they exist. (A VIRTUAL
// generated column was tried first: sorting a filtered set then recomputed the fold for every
// row, 0.4 s at 14,000 rows; ALTER TABLE cannot add a STORED one.)
import type { Migration } from './types.ts';
import { foldSql } from '../sort-key.ts';

// The fold itself lives in ../sort-key.ts, shared with bulk imports (which give rows their keys).

export const migration0005: Migration = {
  version: 5,
  name: 'directory-sort-keys',
  up: `
ALTER TABLE enterprises ADD COLUMN name_key TEXT;
ALTER TABLE enterprises ADD COLUMN locality_key TEXT;
UPDATE enterprises SET name_key = ${foldSql('name')}, locality_key = ${foldSql('locality')};
CREATE TRIGGER enterprises_sort_keys_ai AFTER INSERT ON enterprises BEGIN
  UPDATE enterprises SET name_key = ${foldSql('NEW.name')}, locality_key = ${foldSql('NEW.locality')} WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER enterprises_sort_keys_au AFTER UPDATE OF name, locality ON enterprises BEGIN
  UPDATE enterprises SET name_key = ${foldSql('NEW.name')}, locality_key = ${foldSql('NEW.locality')} WHERE rowid = NEW.rowid;
END;
DROP INDEX enterprises_name;
DROP INDEX enterprises_solidarity_name;
DROP INDEX enterprises_locality_name;
DROP INDEX enterprises_country_name;
DROP INDEX enterprises_structure_name;
CREATE INDEX enterprises_name_key ON enterprises(name_key, id);
CREATE INDEX enterprises_solidarity_name_key ON enterprises(solidarity, name_key, id);
CREATE INDEX enterprises_locality_key ON enterprises(locality_key, name_key, id);
CREATE INDEX enterprises_country_name_key ON enterprises(country, name_key, id);
CREATE INDEX enterprises_structure_name_key ON enterprises(organisational_structure, name_key, id);
`,
};
