import type { Db } from '../db/open.ts';
import { withDescendants } from '../search/taxonomy.ts';

/**
 * The directory's and the map's "accepts" filter (issue 13): an enterprise accepts currency C
 * when its entry for C takes it for something C may pay for (ENGINE.md §3.8 accepts(e, c, p)
 * for some product p). With no product searched, that rules out only an entry whose products
 * lie wholly outside a voucher's own products: the bazaar taking a food voucher only for
 * soap takes it for nothing. Two product lists have a product in common (within both) when a
 * product of one is within the other, so: an entry product at or under a voucher product, or
 * at or above one. Three parameters, each the currency id (acceptsSomethingParams).
 */
export const acceptsSomethingSql = (id: string) => `${id} IN (
  SELECT ec.enterprise_id FROM enterprise_currencies ec JOIN currencies c ON c.id = ec.currency_id
  WHERE ec.currency_id = ?
    AND (ec.products IS NULL OR ec.products = '[]' OR c.products IS NULL OR c.products = '[]'
      OR EXISTS (SELECT 1 FROM json_each(ec.products) j WHERE j.value IN (
        WITH RECURSIVE down(id) AS (
          SELECT value FROM json_each((SELECT products FROM currencies WHERE id = ?))
          UNION SELECT p.id FROM products p JOIN down ON p.parent = down.id)
        SELECT id FROM down
        UNION
        SELECT id FROM (WITH RECURSIVE up(id, depth) AS (
          SELECT value, 0 FROM json_each((SELECT products FROM currencies WHERE id = ?))
          UNION SELECT p.parent, up.depth + 1 FROM products p JOIN up ON p.id = up.id WHERE p.parent IS NOT NULL AND up.depth < 50)
        SELECT id FROM up)))))`;

export const acceptsSomethingParams = (currency: string) => [currency, currency, currency];

export interface VoidEntry {
  enterprise: string;
  name: string;
  currency: string;
  currencyName: string;
  products: string[];
  own: string[];
}

/**
 * Entries that take a currency for nothing it pays for (the same rule as acceptsSomethingSql,
 * in JavaScript): of these enterprises, or of the whole catalogue when `ids` is null. Only
 * entries limited to products, of currencies limited to products, can be such: few.
 */
export function voidEntries(db: Db, ids: readonly string[] | null): VoidEntry[] {
  const rows = db
    .prepare(
      `SELECT e.id AS enterprise, e.name, ec.currency_id AS currency, c.name AS currencyName, ec.products, c.products AS own
       FROM enterprise_currencies ec
       JOIN enterprises e ON e.id = ec.enterprise_id
       JOIN currencies c ON c.id = ec.currency_id
       WHERE ec.products IS NOT NULL AND ec.products <> '[]' AND c.products IS NOT NULL AND c.products <> '[]'
         AND (@all OR ec.enterprise_id IN (SELECT value FROM json_each(@ids)))
       ORDER BY e.name, ec.currency_id`,
    )
    .all({ all: ids === null ? 1 : 0, ids: JSON.stringify(ids ?? []) }) as (Omit<VoidEntry, 'products' | 'own'> & { products: string; own: string })[];
  const within = new Map<string, Set<string>>();
  const subtree = (list: string[]) => {
    const key = list.join('\u0000');
    let s = within.get(key);
    if (!s) within.set(key, (s = new Set(withDescendants(db, list))));
    return s;
  };
  const out: VoidEntry[] = [];
  for (const r of rows) {
    const products = JSON.parse(r.products) as string[];
    const own = JSON.parse(r.own) as string[];
    const ownWithin = subtree(own);
    const entryWithin = subtree(products);
    if (products.some((p) => ownWithin.has(p)) || own.some((p) => entryWithin.has(p))) continue;
    out.push({ ...r, products, own });
  }
  return out;
}
