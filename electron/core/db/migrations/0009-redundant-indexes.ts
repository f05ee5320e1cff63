// Two indexes that others already cover (SQLite uses an index's leading columns alone):
// offers_product is the first column of search_offers_product (product_id, enterprise_id),
// and enterprises_country of enterprises_country_name_key (country, name_key, id). Each was
// written on every insert and rebuilt after every big import for nothing.
import type { Migration } from './types.ts';

export const migration0009: Migration = {
  version: 9,
  name: 'redundant-indexes',
  up: `
DROP INDEX IF EXISTS offers_product;
DROP INDEX IF EXISTS enterprises_country;
`,
};
