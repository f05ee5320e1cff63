// The enterprise search indexes keep prefix indexes of 1–3 characters, not 1–8 (migration
// 0002). Longer words being typed are looked up as the index's own words that start with them
// (search/prefixes.ts), which since then answers as fast as a prefix index did: at 100,000
// enterprises the bench's search p95 was 5.0 ms CPU with 1–3 against 5.6 ms with 1–8 (same
// machine, one run each). The five longer prefix indexes were most of the index's writing:
// the full-text index's rebuild took 2.2 s with 1–8 and 1.0 s with 1–3, the names index's
// 0.42 and 0.22 s, and the catalogue shrank from 280 to 218 MB.
//
// FTS5 fixes its prefixes at creation, so both tables are made again and rebuilt from their
// content table. The triggers and fts5vocab tables name them and need no change.
import type { Migration } from './types.ts';

export const migration0010: Migration = {
  version: 10,
  name: 'search-prefixes',
  up: `
DROP TABLE search_enterprises;
CREATE VIRTUAL TABLE search_enterprises USING fts5(
  name, description, place, activities, products, tags,
  content = 'search_enterprise_docs', content_rowid = 'key',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
DROP TABLE search_enterprise_names;
CREATE VIRTUAL TABLE search_enterprise_names USING fts5(
  name, tags, content = 'search_enterprise_docs', content_rowid = 'key',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
INSERT INTO search_enterprises (search_enterprises) VALUES ('rebuild');
INSERT INTO search_enterprise_names (search_enterprise_names) VALUES ('rebuild');
`,
};
