import type { Db } from '../db/open.ts';
import { stmt } from './statements.ts';
import { withDescendants } from './taxonomy.ts';

/**
 * A shop sells what it buys for resale (issue 15): many shops record what they buy (flows)
 * but no offers. Search infers an offer for each product a shop buys, marked as inferred and
 * naming the supplier it comes from, so a consumer finds the shop.
 *
 * How: a "shop" is an enterprise whose ESSGLOBAL activity is retail or trade (ICA240 Retail,
 * ICA260 Wholesale and retail trade, a07 Trade and distribution). Of what it buys, services,
 * energy and packaging (top-level products named so, and everything under them) are what the
 * shop uses itself, not what it sells, so they are left out. An offer the shop records itself
 * always wins over an inferred one.
 */
export const RETAIL_ACTIVITIES = ['ICA240', 'ICA260', 'a07'] as const;
const USED_NOT_SOLD = /service|energ|packag|servi[cç]o|embalag|énergie|emballage/i;

/** The products given, less those a shop uses rather than resells. */
export function resaleProducts(db: Db, productIds: readonly string[]): string[] {
  if (productIds.length === 0) return [];
  const roots = (stmt(db, 'SELECT id, name FROM products WHERE parent IS NULL').all() as { id: string; name: string }[])
    .filter((p) => USED_NOT_SOLD.test(p.name) || USED_NOT_SOLD.test(p.id))
    .map((p) => p.id);
  const used = new Set(withDescendants(db, roots));
  return productIds.filter((p) => !used.has(p));
}

/**
 * SQL: shops buying one of the products in json @resale (for a CTE that lists who offers);
 * `also`, a further condition on the flow `f` (such as accepting a currency for its product).
 */
export const inferredOfferingSql = (also = 'TRUE') => `SELECT DISTINCT f.buyer_id AS id FROM flows f
  WHERE f.product_id IN (SELECT value FROM json_each(@resale))
    AND EXISTS (SELECT 1 FROM enterprise_activities a WHERE a.enterprise_id = f.buyer_id
                AND a.code IN (${RETAIL_ACTIVITIES.map((c) => `'${c}'`).join(', ')}))
    AND ${also}`;

export interface InferredOffer {
  enterprise: string;
  productId: string;
  name: string;
  names: string;
  /** The supplier the shop buys it from (the first recorded, by name). */
  from: string;
}

/** Inferred offers of these shops for these products (none where the shop records an offer of it). */
export function inferredOffers(db: Db, ids: readonly string[], productIds: readonly string[]): InferredOffer[] {
  const resale = resaleProducts(db, productIds);
  if (ids.length === 0 || resale.length === 0) return [];
  return stmt(
    db,
    `SELECT f.buyer_id AS enterprise, f.product_id AS productId, p.name, p.names, min(s.name) AS "from"
     FROM json_each(@ids) ids
     CROSS JOIN flows f ON f.buyer_id = ids.value
     JOIN products p ON p.id = f.product_id
     JOIN enterprises s ON s.id = f.supplier_id
     WHERE +f.product_id IN (SELECT value FROM json_each(@resale))
       AND EXISTS (SELECT 1 FROM enterprise_activities a WHERE a.enterprise_id = f.buyer_id
                   AND a.code IN (${RETAIL_ACTIVITIES.map((c) => `'${c}'`).join(', ')}))
       AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.enterprise_id = f.buyer_id AND o.product_id = f.product_id)
     GROUP BY f.buyer_id, f.product_id
     ORDER BY p.position, p.name`,
  ).all({ ids: JSON.stringify(ids), resale: JSON.stringify(resale) }) as InferredOffer[];
}
