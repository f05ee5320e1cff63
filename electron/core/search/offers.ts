import type { Db } from '../db/open.ts';
import type { Near, Supplier } from '../../../shared/contract/search.ts';
import { CRITERIA } from '../../../shared/domain/package.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { stmt } from './statements.ts';
import { inferredOfferingSql, resaleProducts } from './resale.ts';
import { distanceOrNull } from './geo.ts';
import { localName, productPath, withDescendants } from './taxonomy.ts';
import { acceptedCurrencies, enterpriseDetails, offersOf } from './details.ts';
import { acceptanceParams, acceptanceScope, acceptancesOf, acceptsSql } from './acceptance.ts';

export interface OffersInput {
  product: string;
  near?: Near;
  currency?: string;
  lang?: string;
  limit: number;
}

export interface OffersOutput {
  product: { id: string; name: string; path: string[] };
  mode: 'solidarity' | 'least-bad' | 'none';
  suppliers: Supplier[];
}

/**
 * Who offers a product (issue 5): solidarity enterprises that offer it or a narrower product,
 * nearest first. When there is none, the others — "the least bad" — best ENGINE.md score first
 * (mean of the six criteria, a missing one counting 0), then nearest. The answer says which
 * case it is so the screen can say so. Only the suppliers shown get their details read.
 */
export function searchOffers(db: Db, input: OffersInput): OffersOutput {
  const product = stmt(db, 'SELECT id, name, names FROM products WHERE id = ?').get(input.product) as
    | { id: string; name: string; names: string }
    | undefined;
  if (!product) throw new TeiaError('not-found', `No product has the id "${input.product}". It may have been removed.`, undefined, { key: 'product-not-found', args: { id: input.product } });
  const productIds = withDescendants(db, [product.id]);
  // Solidarity suppliers if there are any, else the others; ordered in SQL so that only the
  // rows shown reach JavaScript (turning 100,000 rows into objects alone took ~300 ms).
  let mode: OffersOutput['mode'] = 'solidarity';
  let rows = supplierRows(db, productIds, input, 1);
  if (rows.length === 0) {
    rows = supplierRows(db, productIds, input, 0);
    mode = rows.length > 0 ? 'least-bad' : 'none';
  }
  const chosen = rows.map((r) => ({
    ...r,
    score: r.total / CRITERIA.length,
    distanceKm: distanceOrNull(input.near, r.lat, r.lon),
  }));
  chosen.sort((a, b) =>
    mode === 'solidarity'
      ? byDistance(a.distanceKm, b.distanceKm) || b.score - a.score || a.name.localeCompare(b.name)
      : b.score - a.score || byDistance(a.distanceKm, b.distanceKm) || a.name.localeCompare(b.name),
  );
  const top = chosen.slice(0, input.limit);
  const ids = top.map((r) => r.id);
  const details = enterpriseDetails(db, ids);
  const offers = offersOf(db, ids, productIds, input.lang);
  const currencies = acceptedCurrencies(db, ids);
  const acceptances = acceptancesOf(db, ids, input.lang);
  return {
    product: { id: product.id, name: localName(product.name, product.names, input.lang), path: productPath(db, product.id, input.lang) },
    mode,
    suppliers: top.map((r) => {
      const d = details.get(r.id);
      return {
        id: r.id,
        name: r.name,
        solidarity: r.solidarity === 1,
        locality: d?.locality ?? null,
        region: d?.region ?? null,
        country: d?.country ?? null,
        lat: r.lat,
        lon: r.lon,
        distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
        score: Math.round(r.score * 1e6) / 1e6,
        criteriaKnown: r.criteriaKnown,
        offers: offers.get(r.id) ?? [],
        currencies: currencies.get(r.id) ?? [],
        acceptances: acceptances.get(r.id) ?? [],
      };
    }),
  };
}

interface SupplierRow {
  id: string;
  name: string;
  solidarity: 0 | 1;
  lat: number | null;
  lon: number | null;
  /** Sum of the six criteria, clamped; ENGINE.md §2 score = total / 6 (missing ones count 0). */
  total: number;
  criteriaKnown: number;
}

/**
 * Enterprises (solidarity or not) offering any of `productIds` and accepting the currency,
 * best first: solidarity ones by distance (a flat-earth approximation in SQL; exact haversine
 * after, on twice as many rows as shown), the others by score.
 */
function supplierRows(db: Db, productIds: readonly string[], input: OffersInput, solidarity: 0 | 1): SupplierRow[] {
  const near = input.near;
  const flatDistance = '(lat IS NULL), (lat - @lat) * (lat - @lat) + (lon - @lon) * (lon - @lon) * @k';
  const byPlace = solidarity === 1 && near !== undefined;
  const order = byPlace ? flatDistance : near ? `total DESC, ${flatDistance}` : 'total DESC, name';
  // Nearest solidarity suppliers: choose them first, then score only those (the score is a
  // tie-break there). Otherwise the score orders, so every candidate needs it.
  const chosen = byPlace ? `(SELECT * FROM candidate ORDER BY ${flatDistance} LIMIT @limit)` : 'candidate';
  return stmt(
    db,
    // With a currency, an offer counts only where the enterprise accepts it for that product
    // (acceptance.ts), or prices the offer in it (for a product the currency may pay for).
    `WITH offering AS (
       SELECT o.enterprise_id AS id FROM offers o WHERE o.product_id IN (SELECT value FROM json_each(@products))
         AND (@currency IS NULL
           OR (o.currency = @currency AND o.product_id IN (SELECT value FROM json_each(@allowed)))
           OR ${acceptsSql('o.enterprise_id', 'o.product_id')})
       UNION ${inferredOfferingSql(`(@currency IS NULL OR ${acceptsSql('f.buyer_id', 'f.product_id')})`)}
     ),
     candidate AS (
       SELECT e.id, e.name, e.solidarity, e.lat, e.lon FROM offering JOIN search_enterprise_docs e ON e.id = offering.id
       WHERE e.solidarity = @solidarity
     )
     SELECT c.*,
       (SELECT coalesce(sum(min(max(cr.value, 0), 1)), 0) FROM criteria cr
          WHERE cr.enterprise_id = c.id AND cr.criterion IN (SELECT value FROM json_each(@criteria))) AS total,
       (SELECT count(*) FROM criteria cr
          WHERE cr.enterprise_id = c.id AND cr.criterion IN (SELECT value FROM json_each(@criteria))) AS criteriaKnown
     FROM ${chosen} c
     ORDER BY ${order}
     LIMIT @limit`,
  ).all({
    products: JSON.stringify(productIds),
    resale: JSON.stringify(resaleProducts(db, productIds)),
    ...acceptanceParams(input.currency ? acceptanceScope(db, input.currency, productIds) : null),
    solidarity,
    criteria: JSON.stringify(CRITERIA),
    lat: near?.lat ?? 0,
    lon: near?.lon ?? 0,
    // Squared cosine of the latitude: a degree of longitude shrinks toward the poles.
    k: near ? Math.cos((near.lat * Math.PI) / 180) ** 2 : 1,
    limit: near ? input.limit * 2 + 10 : input.limit,
  }) as SupplierRow[];
}

function byDistance(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
