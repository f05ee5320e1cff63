// Full-text search over enterprises and products (issue 3).
//
// Shape: one plain "docs" table per kind holds the searchable text of each record (a
// materialised view of enterprises + activities + offered products, or of a product with its
// translated names and codes). FTS5 tables use it as external content, so SQLite's own
// 'rebuild' command can re-index everything in one pass. A docs row has an INTEGER PRIMARY
// KEY, which VACUUM never renumbers (an enterprise's implicit rowid could change).
//
// Indexes per kind:
//   - unicode61 with remove_diacritics 2 and prefix indexes: words and the prefixes typed
//     keystroke by keystroke ("acucar" finds "Açúcar"). Without a prefix index FTS5 merges the
//     doclists of every term with that prefix before returning a row. Measured at 10,000
//     enterprises: unranked "a"* 13.8 ms without the 1-character index, 0.05 ms with it;
//     "organ"* 2.3 ms without a 5-character index, 0.06 ms with it. Prefixes of 1–8 characters
//     on enterprises (at 100,000 enterprises going from 1–6 to 1–8 grew the index 104 → 119 MB
//     and cut "organic" from ~25 to ~10 ms CPU), 1–3 on products (a small table). Longer
//     words being typed merge a few doclists (about 1.5 ms per query for "cooperativ").
//     Migration 0010 narrowed the enterprise indexes to 1–3: longer words are now looked up as
//     the index's own words (search/prefixes.ts), and the longer prefix indexes cost more to
//     write than they saved.
//   - the same on enterprise names (and tags) alone: a query limited to names must not walk
//     the doclist of a word common elsewhere (a column filter on the main table did: 60+ ms).
//   - fts5vocab views of the names, places and products indexes: the words a typo is corrected to
//     ("cofee" → "coffee"), see search/vocabulary.ts. A trigram index was tried first: at
//     100,000 enterprises a ranked OR of trigrams took tens of milliseconds per typo.
//
// Keeping it in sync: triggers on enterprises, enterprise_activities, offers and products
// upsert the docs row; triggers on the docs tables update the FTS tables. Every trigger is
// skipped while the meta key 'search-deferred' exists: a bulk import calls
// deferSearchIndex(db) first and rebuildSearchIndex(db) at the end (same transaction), which
// re-derives all docs and re-indexes once (seconds at 100,000 enterprises instead of many
// small index writes per row). A writer that does neither stays correct, only slower.
//
// The enterprise docs carry a `tags` column of synthetic tokens, never searched by user
// text: 'xsolidarityx' for solidarity enterprises and a 1-degree grid cell 'xc<lat+90>x<lon+180>'.
// They let a search ask the index directly for the best solidarity matches and for matches
// near a place, instead of reading every match to sort it.
import type { Migration } from './types.ts';

/** Triggers run only while no bulk writer has deferred the index. */
const live = `NOT EXISTS (SELECT 1 FROM meta WHERE key = 'search-deferred')`;

/** Upserts the docs of the enterprises chosen by `where` (over the view's columns). */
const upsertEnterpriseDoc = (where: string) => `
  INSERT INTO search_enterprise_docs (id, name, description, place, activities, products, tags, solidarity, lat, lon)
  SELECT id, name, description, place, activities, products, tags, solidarity, lat, lon
  FROM search_enterprise_source WHERE ${where}
  ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description, place = excluded.place,
    activities = excluded.activities, products = excluded.products, tags = excluded.tags,
    solidarity = excluded.solidarity, lat = excluded.lat, lon = excluded.lon;`;

const upsertProductDoc = (where: string) => `
  INSERT INTO search_product_docs (id, name, names, codes)
  SELECT id, name, names, codes FROM search_product_source WHERE ${where}
  ON CONFLICT(id) DO UPDATE SET name = excluded.name, names = excluded.names, codes = excluded.codes;`;

const enterpriseFtsInsert = (r: string) => `
  INSERT INTO search_enterprises (rowid, name, description, place, activities, products, tags)
    VALUES (${r}.key, ${r}.name, ${r}.description, ${r}.place, ${r}.activities, ${r}.products, ${r}.tags);
  INSERT INTO search_enterprise_names (rowid, name, tags) VALUES (${r}.key, ${r}.name, ${r}.tags);
  INSERT INTO search_enterprise_places (rowid, place) VALUES (${r}.key, ${r}.place);`;
const enterpriseFtsDelete = (r: string) => `
  INSERT INTO search_enterprises (search_enterprises, rowid, name, description, place, activities, products, tags)
    VALUES ('delete', ${r}.key, ${r}.name, ${r}.description, ${r}.place, ${r}.activities, ${r}.products, ${r}.tags);
  INSERT INTO search_enterprise_names (search_enterprise_names, rowid, name, tags) VALUES ('delete', ${r}.key, ${r}.name, ${r}.tags);
  INSERT INTO search_enterprise_places (search_enterprise_places, rowid, place) VALUES ('delete', ${r}.key, ${r}.place);`;
const productFtsInsert = (r: string) => `
  INSERT INTO search_products (rowid, name, names, codes) VALUES (${r}.key, ${r}.name, ${r}.names, ${r}.codes);`;
const productFtsDelete = (r: string) => `
  INSERT INTO search_products (search_products, rowid, name, names, codes) VALUES ('delete', ${r}.key, ${r}.name, ${r}.names, ${r}.codes);`;

export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up: `
CREATE TABLE search_enterprise_docs (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  place TEXT,
  activities TEXT,
  products TEXT,
  tags TEXT,
  solidarity INTEGER NOT NULL,
  lat REAL,
  lon REAL
) STRICT;

CREATE TABLE search_product_docs (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  names TEXT,
  codes TEXT
) STRICT;

-- What is indexed for each record. Triggers and rebuildSearchIndex both read these views, so a
-- later migration changes the indexed text by replacing a view (then rebuilding).
-- A product's own text: its name and every translation.
CREATE VIEW search_product_text AS
SELECT p.id, p.parent,
  p.name || coalesce(' ' || (SELECT group_concat(j.value, ' ')
    FROM json_each(CASE WHEN json_valid(p.names) THEN p.names ELSE '{}' END) j), '') AS text
FROM products p;

-- An enterprise's offered products are indexed with their broader products (up to five levels
-- up), so "coffee" finds an offer of "organic coffee" straight from the index (ENGINE.md covers).
CREATE VIEW search_enterprise_source AS
SELECT e.id, e.name, e.description,
  concat_ws(' ', e.street, e.locality, e.region, e.postcode, e.country) AS place,
  (SELECT group_concat(a.code, ' ') FROM enterprise_activities a WHERE a.enterprise_id = e.id) AS activities,
  (SELECT group_concat(concat_ws(' ', t0.text, t1.text, t2.text, t3.text, t4.text, t5.text), ' ')
     FROM search_product_text t0
     LEFT JOIN search_product_text t1 ON t1.id = t0.parent
     LEFT JOIN search_product_text t2 ON t2.id = t1.parent
     LEFT JOIN search_product_text t3 ON t3.id = t2.parent
     LEFT JOIN search_product_text t4 ON t4.id = t3.parent
     LEFT JOIN search_product_text t5 ON t5.id = t4.parent
     WHERE t0.id IN (SELECT o.product_id FROM offers o WHERE o.enterprise_id = e.id)) AS products,
  concat_ws(' ', CASE WHEN e.solidarity = 1 THEN 'xsolidarityx' END,
    CASE WHEN e.lat IS NOT NULL AND e.lon IS NOT NULL
      THEN 'xc' || CAST(e.lat + 90 AS INTEGER) || 'x' || CAST(e.lon + 180 AS INTEGER) END) AS tags,
  e.solidarity, e.lat, e.lon
FROM enterprises e;

CREATE VIEW search_product_source AS
SELECT p.id, p.name,
  (SELECT group_concat(j.value, ' ') FROM json_each(CASE WHEN json_valid(p.names) THEN p.names ELSE '{}' END) j) AS names,
  (SELECT group_concat(j.value, ' ') FROM json_each(CASE WHEN json_valid(p.codes) THEN p.codes ELSE '{}' END) j) AS codes
FROM products p;

CREATE VIRTUAL TABLE search_enterprises USING fts5(
  name, description, place, activities, products, tags,
  content = 'search_enterprise_docs', content_rowid = 'key',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8'
);
CREATE VIRTUAL TABLE search_enterprise_names USING fts5(
  name, tags, content = 'search_enterprise_docs', content_rowid = 'key',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8'
);
CREATE VIRTUAL TABLE search_products USING fts5(
  name, names, codes,
  content = 'search_product_docs', content_rowid = 'key',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
-- Only for the word list of places (typos in "lisbao"); never queried directly.
CREATE VIRTUAL TABLE search_enterprise_places USING fts5(
  place, content = 'search_enterprise_docs', content_rowid = 'key',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_name_terms USING fts5vocab('search_enterprise_names', 'row');
CREATE VIRTUAL TABLE search_place_terms USING fts5vocab('search_enterprise_places', 'row');
CREATE VIRTUAL TABLE search_product_terms USING fts5vocab('search_products', 'row');

-- "Who offers this product": the enterprises straight from the index, without reading offers.
CREATE INDEX search_offers_product ON offers(product_id, enterprise_id);

-- Docs → FTS (external content must be told the old values to delete them).
CREATE TRIGGER search_enterprise_docs_ai AFTER INSERT ON search_enterprise_docs WHEN ${live} BEGIN
  ${enterpriseFtsInsert('new')}
END;
CREATE TRIGGER search_enterprise_docs_ad AFTER DELETE ON search_enterprise_docs WHEN ${live} BEGIN
  ${enterpriseFtsDelete('old')}
END;
CREATE TRIGGER search_enterprise_docs_au AFTER UPDATE ON search_enterprise_docs WHEN ${live} AND (
  old.name IS NOT new.name OR old.description IS NOT new.description OR old.place IS NOT new.place
  OR old.activities IS NOT new.activities OR old.products IS NOT new.products OR old.tags IS NOT new.tags) BEGIN
  ${enterpriseFtsDelete('old')}
  ${enterpriseFtsInsert('new')}
END;
CREATE TRIGGER search_product_docs_ai AFTER INSERT ON search_product_docs WHEN ${live} BEGIN
  ${productFtsInsert('new')}
END;
CREATE TRIGGER search_product_docs_ad AFTER DELETE ON search_product_docs WHEN ${live} BEGIN
  ${productFtsDelete('old')}
END;
CREATE TRIGGER search_product_docs_au AFTER UPDATE ON search_product_docs WHEN ${live} AND (
  old.name IS NOT new.name OR old.names IS NOT new.names OR old.codes IS NOT new.codes) BEGIN
  ${productFtsDelete('old')}
  ${productFtsInsert('new')}
END;

-- Catalogue → docs.
CREATE TRIGGER search_enterprises_ai AFTER INSERT ON enterprises WHEN ${live} BEGIN
  ${upsertEnterpriseDoc('id = new.id')}
END;
-- Only the columns that are indexed: bookkeeping updates (updated_at, sort keys) cost nothing.
CREATE TRIGGER search_enterprises_au
  AFTER UPDATE OF id, name, description, solidarity, street, locality, region, postcode, country, lat, lon ON enterprises
  WHEN ${live} BEGIN
  DELETE FROM search_enterprise_docs WHERE id = old.id AND old.id IS NOT new.id;
  ${upsertEnterpriseDoc('id = new.id')}
END;
CREATE TRIGGER search_enterprises_ad AFTER DELETE ON enterprises WHEN ${live} BEGIN
  DELETE FROM search_enterprise_docs WHERE id = old.id;
END;
CREATE TRIGGER search_activities_ai AFTER INSERT ON enterprise_activities WHEN ${live} BEGIN
  ${upsertEnterpriseDoc('id = new.enterprise_id')}
END;
CREATE TRIGGER search_activities_ad AFTER DELETE ON enterprise_activities WHEN ${live} BEGIN
  ${upsertEnterpriseDoc('id = old.enterprise_id')}
END;
CREATE TRIGGER search_offers_ai AFTER INSERT ON offers WHEN ${live} BEGIN
  ${upsertEnterpriseDoc('id = new.enterprise_id')}
END;
CREATE TRIGGER search_offers_ad AFTER DELETE ON offers WHEN ${live} BEGIN
  ${upsertEnterpriseDoc('id = old.enterprise_id')}
END;
CREATE TRIGGER search_offers_au AFTER UPDATE OF enterprise_id, product_id ON offers WHEN ${live} BEGIN
  ${upsertEnterpriseDoc('id IN (old.enterprise_id, new.enterprise_id)')}
END;
CREATE TRIGGER search_products_ai AFTER INSERT ON products WHEN ${live} BEGIN
  ${upsertProductDoc('id = new.id')}
END;
CREATE TRIGGER search_products_au AFTER UPDATE ON products WHEN ${live} BEGIN
  DELETE FROM search_product_docs WHERE id = old.id AND old.id IS NOT new.id;
  ${upsertProductDoc('id = new.id')}
END;
-- A renamed or moved product changes the text of every enterprise offering it or a narrower one.
CREATE TRIGGER search_products_au_offered AFTER UPDATE OF name, names, parent ON products
  WHEN ${live} AND (old.name IS NOT new.name OR old.names IS NOT new.names OR old.parent IS NOT new.parent) BEGIN
  ${upsertEnterpriseDoc(`id IN (SELECT o.enterprise_id FROM offers o WHERE o.product_id IN (
      SELECT p0.id FROM products p0
      LEFT JOIN products p1 ON p1.id = p0.parent LEFT JOIN products p2 ON p2.id = p1.parent
      LEFT JOIN products p3 ON p3.id = p2.parent LEFT JOIN products p4 ON p4.id = p3.parent
      WHERE new.id IN (p0.id, p1.id, p2.id, p3.id, p4.id, p4.parent)))`)}
END;
CREATE TRIGGER search_products_ad AFTER DELETE ON products WHEN ${live} BEGIN
  DELETE FROM search_product_docs WHERE id = old.id;
END;

-- Index whatever the catalogue already holds.
${upsertEnterpriseDoc('true')}
${upsertProductDoc('true')}
`,
};
