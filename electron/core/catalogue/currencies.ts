import type { Db } from '../db/open.ts';

/** A social or complementary currency as the catalogue records it. */
export interface CurrencyRecord {
  id: string;
  name: string;
  kind: 'social-currency' | 'mutual-credit' | 'time-credits' | 'voucher';
  /** Enterprise id of the issuer (e.g. a community bank); dropped when not in the catalogue. */
  issuer?: string | null;
  description?: string | null;
}

/** Inserts or updates currencies; an enterprise that accepts one already created it by id. */
export function writeCurrencies(db: Db, currencies: readonly CurrencyRecord[]): void {
  const exists = db.prepare('SELECT 1 FROM enterprises WHERE id = ?').pluck();
  const upsert = db.prepare(
    `INSERT INTO currencies (id, name, kind, issuer, description) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, issuer = excluded.issuer,
       description = excluded.description`,
  );
  for (const c of currencies) {
    const issuer = c.issuer && exists.get(c.issuer) ? c.issuer : null;
    upsert.run(c.id, c.name, c.kind, issuer, c.description ?? null);
  }
}
