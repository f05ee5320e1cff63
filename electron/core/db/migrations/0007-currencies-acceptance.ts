// Currencies as package format v1.1 defines them (ENGINE.md §3.8): the kinds are
// social-currency, mutual-credit, time-credits and voucher, and a currency that enterprises
// accept but nobody defined has no kind (NULL) rather than the old placeholder 'other'; unit,
// rate, backing and the products a voucher may pay for. An acceptance carries the largest
// share of a price taken in the currency and the products it is taken for.
// Flows may have no quantity (spec v1.1 §1: the link is known, its amount is not).
//
// The constraints change, so the tables are rebuilt. Foreign keys are on inside the migration
// transaction, and dropping `currencies` while `enterprise_currencies` (ON DELETE CASCADE)
// rows point at it would delete them: those are copied aside and rebuilt after.
import type { Migration } from './types.ts';

export const migration0007: Migration = {
  version: 7,
  name: 'currencies-acceptance',
  up: `
CREATE TEMP TABLE v7_enterprise_currencies AS SELECT enterprise_id, currency_id, position FROM enterprise_currencies;
DROP TABLE enterprise_currencies;

CREATE TABLE currencies_v7 (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT CHECK (kind IS NULL OR kind IN ('social-currency', 'mutual-credit', 'time-credits', 'voucher')),
  unit TEXT,
  rate REAL CHECK (rate IS NULL OR rate > 0),
  issuer TEXT REFERENCES enterprises(id) ON DELETE SET NULL,
  backing TEXT CHECK (backing IS NULL OR backing IN ('full-reserve', 'fractional-reserve', 'none')),
  description TEXT,
  products TEXT,                         -- JSON array of product ids; NULL = any
  position INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO currencies_v7 (id, name, kind, issuer, description, position)
  SELECT id, name, CASE WHEN kind = 'other' THEN NULL ELSE kind END, issuer, description, rowid FROM currencies;
DROP TABLE currencies;
ALTER TABLE currencies_v7 RENAME TO currencies;

CREATE TABLE enterprise_currencies (
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  currency_id TEXT NOT NULL REFERENCES currencies(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  share REAL CHECK (share IS NULL OR (share > 0 AND share <= 1)),  -- NULL = the whole price
  products TEXT,                         -- JSON array of product ids; NULL = everything
  -- 1 when the package wrote it as {currency: …} even with no limits, so export gives back the same form.
  as_object INTEGER NOT NULL DEFAULT 0 CHECK (as_object IN (0, 1)),
  PRIMARY KEY (enterprise_id, currency_id)
) STRICT, WITHOUT ROWID;
INSERT INTO enterprise_currencies (enterprise_id, currency_id, position) SELECT enterprise_id, currency_id, position FROM v7_enterprise_currencies;
DROP TABLE v7_enterprise_currencies;
CREATE INDEX enterprise_currencies_currency ON enterprise_currencies(currency_id);

-- rowid is kept: a flow without an id is known by its position (f12).
CREATE TABLE flows_v7 (
  rowid INTEGER PRIMARY KEY,
  id TEXT UNIQUE,
  supplier_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  buyer_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES products(id),
  quantity REAL CHECK (quantity IS NULL OR quantity >= 0),   -- NULL = unknown
  value REAL CHECK (value IS NULL OR value >= 0),
  currency TEXT,
  period TEXT,
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL
) STRICT;
INSERT INTO flows_v7 (rowid, id, supplier_id, buyer_id, product_id, quantity, value, currency, period, import_id)
  SELECT rowid, id, supplier_id, buyer_id, product_id, quantity, value, currency, period, import_id FROM flows;
DROP TABLE flows;
ALTER TABLE flows_v7 RENAME TO flows;
CREATE INDEX flows_supplier ON flows(supplier_id);
CREATE INDEX flows_buyer ON flows(buyer_id);
CREATE INDEX flows_product ON flows(product_id);
`,
};
