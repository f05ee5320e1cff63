import type { Db } from '../db/open.ts';
import type { CurrencyPage, RelatedProduct } from '../../../shared/contract/currencies.ts';
import { requireCurrency } from './currency-edit.ts';

const MAX_ACCEPTORS = 5000;

interface AcceptorRow {
  id: string;
  name: string;
  solidarity: number;
  locality: string | null;
  region: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  share: number | null;
  products: string | null;
}

/** A currency's own page: what it is, who issues it, who accepts it for what, and the networks it is used in. */
export function currencyPage(db: Db, id: string): CurrencyPage {
  const currency = requireCurrency(db, id);
  const issuer = currency.issuer
    ? ((db.prepare('SELECT id, name, solidarity FROM enterprises WHERE id = ?').get(currency.issuer) as { id: string; name: string; solidarity: number } | undefined) ?? null)
    : null;
  const acceptorCount = db.prepare('SELECT count(*) FROM enterprise_currencies WHERE currency_id = ?').pluck().get(id) as number;
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.solidarity, e.locality, e.region, e.country, e.lat, e.lon, ec.share, ec.products
         FROM enterprise_currencies ec JOIN enterprises e ON e.id = ec.enterprise_id
        WHERE ec.currency_id = ? ORDER BY e.name COLLATE NOCASE, e.id LIMIT ?`,
    )
    .all(id, MAX_ACCEPTORS) as AcceptorRow[];

  // Every product named, read once.
  const named = new Set(currency.products ?? []);
  for (const r of rows) for (const p of r.products ? (JSON.parse(r.products) as string[]) : []) named.add(p);
  const productRow = db.prepare('SELECT id, name, names FROM products WHERE id = ?');
  const products = new Map<string, RelatedProduct>();
  for (const p of named) {
    const r = productRow.get(p) as { id: string; name: string; names: string } | undefined;
    // A product removed since keeps its id as its name rather than vanishing from the sentence.
    products.set(p, r ? { id: r.id, name: r.name, names: JSON.parse(r.names) as Record<string, string> } : { id: p, name: p, names: {} });
  }
  const productsOf = (ids: string[] | null) => (ids && ids.length ? ids.map((p) => products.get(p)!) : null);
  // ENGINE.md §3.8 "within": the product or one of its broader products is in the list.
  const up = db.prepare('SELECT parent FROM products WHERE id = ?').pluck();
  const scope = currency.products && currency.products.length ? new Set(currency.products) : null;
  const within = (p: string): boolean => {
    const seen = new Set<string>();
    for (let at: string | null = p; at !== null && !seen.has(at); at = (up.get(at) as string | null | undefined) ?? null) {
      if (scope!.has(at)) return true;
      seen.add(at);
    }
    return false;
  };
  const outside = (ids: string[] | null) => scope !== null && ids !== null && ids.length > 0 && !ids.some(within);

  const networks = db
    .prepare(
      `SELECT n.id, n.name, count(*) AS acceptors
         FROM enterprise_currencies ec JOIN memberships m ON m.enterprise_id = ec.enterprise_id JOIN networks n ON n.id = m.network_id
        WHERE ec.currency_id = ? GROUP BY n.id ORDER BY acceptors DESC, n.position, n.id`,
    )
    .all(id) as { id: string; name: string; acceptors: number }[];

  return {
    currency,
    issuer: issuer && { id: issuer.id, name: issuer.name, solidarity: issuer.solidarity === 1 },
    products: productsOf(currency.products),
    acceptors: rows.map((r) => {
      const ids = r.products ? (JSON.parse(r.products) as string[]) : null;
      return {
        enterprise: { id: r.id, name: r.name, solidarity: r.solidarity === 1, locality: r.locality, region: r.region, country: r.country, lat: r.lat, lon: r.lon },
        share: r.share,
        products: productsOf(ids),
        outsideScope: outside(ids),
      };
    }),
    acceptorCount,
    truncated: acceptorCount > rows.length,
    networks,
  };
}
