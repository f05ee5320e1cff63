// Indexes for the directory's sorts and filters (enterprise-query): each sort key has an index
// in the same order as its ORDER BY, so a window of 100 rows out of 100,000 is read from the
// index instead of sorting the table, and the solidarity filter (the hot one) has its own.
import type { Migration } from './types.ts';

export const migration0004: Migration = {
  version: 4,
  name: 'directory-indexes',
  up: `
CREATE INDEX enterprises_name ON enterprises(name COLLATE NOCASE, id);
CREATE INDEX enterprises_solidarity_name ON enterprises(solidarity, name COLLATE NOCASE, id);
CREATE INDEX enterprises_locality_name ON enterprises(locality COLLATE NOCASE, name COLLATE NOCASE, id);
CREATE INDEX enterprises_country_name ON enterprises(country, name COLLATE NOCASE, id);
CREATE INDEX enterprises_structure_name ON enterprises(organisational_structure, name COLLATE NOCASE, id);
CREATE INDEX enterprises_region ON enterprises(region);
CREATE INDEX enterprises_updated ON enterprises(updated_at, id);
`,
};
