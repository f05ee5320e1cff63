import type { Db } from '../db/open.ts';
import type { Near, Supplier } from '../../../shared/contract/search.ts';
import { CRITERIA } from '../../../shared/domain/package.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { stmt } from './statements.ts';
import { distanceOrNull } from './geo.ts';
import { localName, productPath, withDescendants } from './taxonomy.ts';
import { acceptedCurrencies, offersOf } from './details.ts';

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

interface SupplierRow {
  id: string;
  name: string;
  solidarity: 0 | 1;
  locality: string | null;
  region: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  criteriaSum: number;
  criteriaKnown: number;
}

/**
 * Who offers a product (issue 5): solidarity enterprises that offer it or a narrower product,
 * nearest first. When there is none, the others — "the least bad" — best ENGINE.md score first
 * (mean of the six criteria, a missing one counting 0), then nearest. The answer says which
 * case it is so the screen can say so.
 */
export function searchOffers(db: Db, input: OffersInput): OffersOutput {
  const product = stmt(db, 'SELECT id, name, names FROM products WHERE id = ?').get(input.product) as
    | { id: string; name: string; names: string }
    | undefined;
  if (!product) throw new TeiaError('not-found', `No product has the id "${input.product}". It may have been removed.`);
  const productIds = withDescendants(db, [product.id]);
  const rows = stmt(
    db,
    `SELECT e.id, e.name, e.solidarity, e.locality, e.region, e.country, e.lat, e.lon,
       coalesce((SELECT sum(min(max(c.value, 0), 1)) FROM criteria c
                 WHERE c.enterprise_id = e.id AND c.criterion IN (SELECT value FROM json_each(@criteria))), 0) AS criteriaSum,
       (SELECT count(*) FROM criteria c
          WHERE c.enterprise_id = e.id AND c.criterion IN (SELECT value FROM json_each(@criteria))) AS criteriaKnown
     FROM enterprises e
     WHERE e.id IN (SELECT o.enterprise_id FROM offers o WHERE o.product_id IN (SELECT value FROM json_each(@products)))
       AND (@currency IS NULL
            OR EXISTS (SELECT 1 FROM enterprise_currencies ec WHERE ec.enterprise_id = e.id AND ec.currency_id = @currency)
            OR EXISTS (SELECT 1 FROM offers o WHERE o.enterprise_id = e.id AND o.currency = @currency
                         AND o.product_id IN (SELECT value FROM json_each(@products))))`,
  ).all({
    criteria: JSON.stringify(CRITERIA),
    products: JSON.stringify(productIds),
    currency: input.currency ?? null,
  }) as SupplierRow[];

  const solidarity = rows.filter((r) => r.solidarity === 1);
  const mode = solidarity.length > 0 ? 'solidarity' : rows.length > 0 ? 'least-bad' : 'none';
  const chosen = (mode === 'solidarity' ? solidarity : rows).map((r) => ({
    ...r,
    score: r.criteriaSum / CRITERIA.length,
    distanceKm: distanceOrNull(input.near, r.lat, r.lon),
  }));
  chosen.sort((a, b) =>
    mode === 'solidarity'
      ? byDistance(a.distanceKm, b.distanceKm) || b.score - a.score || a.name.localeCompare(b.name)
      : b.score - a.score || byDistance(a.distanceKm, b.distanceKm) || a.name.localeCompare(b.name),
  );
  const top = chosen.slice(0, input.limit);
  const ids = top.map((r) => r.id);
  const offers = offersOf(db, ids, productIds, input.lang);
  const currencies = acceptedCurrencies(db, ids);
  return {
    product: { id: product.id, name: localName(product.name, product.names, input.lang), path: productPath(db, product.id, input.lang) },
    mode,
    suppliers: top.map((r) => ({
      id: r.id,
      name: r.name,
      solidarity: r.solidarity === 1,
      locality: r.locality,
      region: r.region,
      country: r.country,
      lat: r.lat,
      lon: r.lon,
      distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
      score: Math.round(r.score * 1e6) / 1e6,
      criteriaKnown: r.criteriaKnown,
      offers: offers.get(r.id) ?? [],
      currencies: currencies.get(r.id) ?? [],
    })),
  };
}

function byDistance(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
