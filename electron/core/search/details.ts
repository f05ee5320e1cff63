import type { Db } from '../db/open.ts';
import type { OfferHit } from '../../../shared/contract/search.ts';
import { stmt } from './statements.ts';
import { inferredOffers } from './resale.ts';
import { localName } from './taxonomy.ts';

/** What a result shows beyond the candidate: place, accepted currencies, matching offers. */
export interface EnterpriseDetail {
  id: string;
  name: string;
  solidarity: 0 | 1;
  locality: string | null;
  region: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export function enterpriseDetails(db: Db, ids: readonly string[]): Map<string, EnterpriseDetail> {
  const rows = stmt(
    db,
    `SELECT id, name, solidarity, locality, region, country, lat, lon
     FROM enterprises WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as EnterpriseDetail[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function acceptedCurrencies(db: Db, ids: readonly string[]): Map<string, string[]> {
  const rows = stmt(
    db,
    `SELECT enterprise_id AS e, currency_id AS c FROM enterprise_currencies
     WHERE enterprise_id IN (SELECT value FROM json_each(?)) ORDER BY enterprise_id, position`,
  ).all(JSON.stringify(ids)) as { e: string; c: string }[];
  const map = new Map<string, string[]>();
  for (const r of rows) {
    const list = map.get(r.e);
    if (list) list.push(r.c);
    else map.set(r.e, [r.c]);
  }
  return map;
}

/**
 * Offers by these enterprises of these products, in catalogue order. CROSS JOIN and the unary +
 * keep SQLite on the enterprise index: a broad product set (all of "Food") has far more offers
 * than the twenty enterprises shown.
 */
export function offersOf(db: Db, ids: readonly string[], productIds: readonly string[], lang: string | undefined): Map<string, OfferHit[]> {
  const map = new Map<string, OfferHit[]>();
  if (ids.length === 0 || productIds.length === 0) return map;
  const rows = stmt(
    db,
    `SELECT o.enterprise_id AS e, o.product_id AS productId, p.name, p.names, o.price, o.capacity, o.currency
     FROM json_each(?) ids
     CROSS JOIN offers o ON o.enterprise_id = ids.value
     JOIN products p ON p.id = o.product_id
     WHERE +o.product_id IN (SELECT value FROM json_each(?))
     ORDER BY o.rowid`,
  ).all(JSON.stringify(ids), JSON.stringify(productIds)) as {
    e: string;
    productId: string;
    name: string;
    names: string;
    price: number | null;
    capacity: number | null;
    currency: string | null;
    inferredFrom?: string;
  }[];
  for (const r of inferredOffers(db, ids, productIds)) {
    rows.push({ e: r.enterprise, productId: r.productId, name: r.name, names: r.names, price: null, capacity: null, currency: null, inferredFrom: r.from });
  }
  for (const r of rows) {
    const hit: OfferHit = {
      productId: r.productId,
      productName: localName(r.name, r.names, lang),
      price: r.price,
      capacity: r.capacity,
      currency: r.currency,
      ...(r.inferredFrom ? { inferredFrom: r.inferredFrom } : {}),
    };
    const list = map.get(r.e);
    if (list) list.push(hit);
    else map.set(r.e, [hit]);
  }
  return map;
}
