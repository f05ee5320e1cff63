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
