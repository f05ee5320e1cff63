// The first schema: the whole catalogue model of ARCHITECTURE.md. Append-only: never edit a
// migration that has shipped; add the next numbered file instead.
import type { Migration } from './types.ts';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- One row per import run: provenance of every record it wrote.
CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  format TEXT NOT NULL,
  file_name TEXT,
  started_at TEXT NOT NULL,
  rows_read INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  report TEXT
) STRICT;

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  names TEXT NOT NULL DEFAULT '{}',      -- JSON {lang: name}
  parent TEXT REFERENCES products(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  unit TEXT,
  codes TEXT NOT NULL DEFAULT '{}',      -- JSON {scheme: code}
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX products_parent ON products(parent);

CREATE TABLE enterprises (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  description TEXT,
  solidarity INTEGER NOT NULL CHECK (solidarity IN (0, 1)),
  legal_form TEXT,
  organisational_structure TEXT,
  street TEXT,
  locality TEXT,
  region TEXT,
  postcode TEXT,
  country TEXT,
  lat REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
  lon REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
  website TEXT,
  email TEXT,
  phone TEXT,
  source TEXT,                           -- provenance as the package gives it
  source_id TEXT,                        -- the record's id in its source (for duplicate checks)
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  source_row INTEGER,                    -- line of the source file it came from
  extra TEXT,                            -- JSON: source attributes with no column of their own
  position INTEGER NOT NULL DEFAULT 0,   -- order of first appearance, kept for lossless export
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX enterprises_source_id ON enterprises(source_id);
CREATE INDEX enterprises_postcode ON enterprises(postcode);
CREATE INDEX enterprises_country ON enterprises(country);
CREATE INDEX enterprises_position ON enterprises(position);

CREATE TABLE enterprise_activities (
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (enterprise_id, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX enterprise_activities_code ON enterprise_activities(code);

CREATE TABLE enterprise_qualifiers (
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (enterprise_id, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX enterprise_qualifiers_code ON enterprise_qualifiers(code);

-- A criterion with no row is unknown, which is not the same as 0.
CREATE TABLE criteria (
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  criterion TEXT NOT NULL,
  value REAL NOT NULL CHECK (value BETWEEN 0 AND 1),
  position INTEGER NOT NULL,
  PRIMARY KEY (enterprise_id, criterion)
) STRICT, WITHOUT ROWID;

CREATE TABLE currencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('social-currency', 'time-credits', 'voucher', 'other')),
  issuer TEXT REFERENCES enterprises(id) ON DELETE SET NULL,
  description TEXT
) STRICT;

CREATE TABLE enterprise_currencies (
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  currency_id TEXT NOT NULL REFERENCES currencies(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (enterprise_id, currency_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX enterprise_currencies_currency ON enterprise_currencies(currency_id);

CREATE TABLE networks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE memberships (
  network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (network_id, enterprise_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX memberships_enterprise ON memberships(enterprise_id);

-- Offers, needs and flows keep their package order in rowid: one without an id is known to
-- the engine by its position (o3, n1, f12), so export must give the same order back.
CREATE TABLE offers (
  rowid INTEGER PRIMARY KEY,
  id TEXT UNIQUE,
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES products(id),
  capacity REAL CHECK (capacity IS NULL OR capacity >= 0),
  price REAL CHECK (price IS NULL OR price >= 0),
  currency TEXT,
  certifications TEXT,                   -- JSON array
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX offers_enterprise ON offers(enterprise_id);
CREATE INDEX offers_product ON offers(product_id);

CREATE TABLE needs (
  rowid INTEGER PRIMARY KEY,
  id TEXT UNIQUE,
  enterprise_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES products(id),
  quantity REAL NOT NULL CHECK (quantity >= 0),
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX needs_enterprise ON needs(enterprise_id);
CREATE INDEX needs_product ON needs(product_id);

CREATE TABLE flows (
  rowid INTEGER PRIMARY KEY,
  id TEXT UNIQUE,
  supplier_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  buyer_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  product_id TEXT NOT NULL REFERENCES products(id),
  quantity REAL NOT NULL CHECK (quantity >= 0),
  value REAL CHECK (value IS NULL OR value >= 0),
  currency TEXT,
  period TEXT,
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX flows_supplier ON flows(supplier_id);
CREATE INDEX flows_buyer ON flows(buyer_id);
CREATE INDEX flows_product ON flows(product_id);

-- Engine settings saved by name, and what-if scenarios (plans applied without touching flows).
CREATE TABLE profiles (
  name TEXT PRIMARY KEY,
  settings TEXT NOT NULL
) STRICT;

CREATE TABLE scenarios (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  network_id TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  settings TEXT NOT NULL DEFAULT '{}',
  changes TEXT NOT NULL DEFAULT '[]'
) STRICT;
`,
};
