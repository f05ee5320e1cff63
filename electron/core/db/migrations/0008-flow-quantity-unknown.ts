// ENGINE.md v1.1: a flow's quantity may be unknown (a known link of unknown amount, as most
// published supplier lists are). SQLite cannot drop a NOT NULL constraint, so the table is
// rebuilt with the same columns, order (rowid keeps the package order) and indexes.
import type { Migration } from './types.ts';

export const migration0008: Migration = {
  version: 8,
  name: 'flow-quantity-unknown',
  up: `
CREATE TABLE flows_v8 (
  rowid INTEGER PRIMARY KEY,
  id TEXT UNIQUE,
  supplier_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  buyer_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES products(id),
  quantity REAL CHECK (quantity IS NULL OR quantity >= 0),
  value REAL CHECK (value IS NULL OR value >= 0),
  currency TEXT,
  period TEXT,
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL
) STRICT;
INSERT INTO flows_v8 (rowid, id, supplier_id, buyer_id, product_id, quantity, value, currency, period, import_id)
  SELECT rowid, id, supplier_id, buyer_id, product_id, quantity, value, currency, period, import_id FROM flows;
DROP TABLE flows;
ALTER TABLE flows_v8 RENAME TO flows;
CREATE INDEX flows_supplier ON flows(supplier_id);
CREATE INDEX flows_buyer ON flows(buyer_id);
CREATE INDEX flows_product ON flows(product_id);
`,
};
