import type { Db } from '../db/open.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';

/**
 * The flows the engine cannot value (ENGINE.md §2 value(f)): no value of their own, and no
 * price from the supplier's offer of exactly that product, or no quantity to multiply it by.
 * A network narrows them to the flows that touch its members.
 */
const unvaluedWhere = `f.value IS NULL
  AND NOT (f.quantity IS NOT NULL AND EXISTS (
    SELECT 1 FROM offers o WHERE o.enterprise_id = f.supplier_id AND o.product_id = f.product_id AND o.price IS NOT NULL))
  AND (:network IS NULL
    OR f.supplier_id IN (SELECT enterprise_id FROM memberships WHERE network_id = :network)
    OR f.buyer_id IN (SELECT enterprise_id FROM memberships WHERE network_id = :network))`;

export function unvaluedProducts(db: Db, network: string | null) {
  const products = db
    .prepare(
      `SELECT f.product_id AS product, count(*) AS flows, sum(f.quantity IS NOT NULL) AS priceable
       FROM flows f WHERE ${unvaluedWhere}
       GROUP BY f.product_id ORDER BY count(*) DESC, f.product_id`,
    )
    .all({ network }) as { product: string; flows: number; priceable: number }[];
  return { products, total: products.reduce((s, p) => s + p.flows, 0) };
}

/** value = quantity × price for every unvalued flow of the product that has a quantity. */
export function priceProductFlows(db: Db, input: { product: string; price: number; currency: string | null; network: string | null }) {
  if (!db.prepare('SELECT 1 FROM products WHERE id = ?').get(input.product)) {
    throw new TeiaError('not-found', `No product has the id "${input.product}".`);
  }
  const rows = db
    .prepare(`SELECT f.rowid AS row, f.value, f.currency FROM flows f WHERE f.product_id = :product AND f.quantity IS NOT NULL AND ${unvaluedWhere} ORDER BY f.rowid`)
    .all({ product: input.product, network: input.network }) as { row: number; value: number | null; currency: string | null }[];
  if (rows.length === 0) {
    throw new TeiaError('invalid-input', 'No flow of this product has a quantity without a value: there is nothing for a price to value.');
  }
  const set = db.prepare('UPDATE flows SET value = quantity * ?, currency = ? WHERE rowid = ?');
  for (const r of rows) set.run(input.price, input.currency, r.row);
  return { valued: rows.length, previous: rows };
}

export function restoreFlowValues(db: Db, flows: { row: number; value: number | null; currency: string | null }[]) {
  const set = db.prepare('UPDATE flows SET value = ?, currency = ? WHERE rowid = ?');
  let restored = 0;
  for (const f of flows) restored += set.run(f.value, f.currency, f.row).changes;
  return { restored };
}
