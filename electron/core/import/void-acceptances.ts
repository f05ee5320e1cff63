import type { Db } from '../db/open.ts';
import { withDescendants } from '../search/taxonomy.ts';

/**
 * Sentences for acceptances that pay for nothing (ENGINE.md §3.8 accepts(e, c, p) holds for no
 * product): an entry limited to products that all lie outside the currency's own products, as
 * a bakery taking a food voucher only for soap. They are kept as written (the voucher's
 * products may be what needs fixing), but the import says so rather than keep quiet.
 */
export function voidAcceptances(db: Db, enterpriseIds: readonly string[], max = 20): string[] {
  if (enterpriseIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT e.name, ec.currency_id AS currency, c.name AS currencyName, ec.products, c.products AS own
       FROM json_each(?) ids
       JOIN enterprise_currencies ec ON ec.enterprise_id = ids.value
       JOIN enterprises e ON e.id = ec.enterprise_id
       JOIN currencies c ON c.id = ec.currency_id
       WHERE ec.products IS NOT NULL AND ec.products <> '[]' AND c.products IS NOT NULL AND c.products <> '[]'
       ORDER BY e.name, ec.currency_id`,
    )
    .all(JSON.stringify(enterpriseIds)) as { name: string; currency: string; currencyName: string; products: string; own: string }[];
  const found: string[] = [];
  const within = new Map<string, Set<string>>();
  const subtree = (list: string[]) => {
    const key = list.join('\u0000');
    let s = within.get(key);
    if (!s) within.set(key, (s = new Set(withDescendants(db, list))));
    return s;
  };
  for (const r of rows) {
    const entry = JSON.parse(r.products) as string[];
    const own = JSON.parse(r.own) as string[];
    // Two lists share a product when one holds a product within the other.
    const ownWithin = subtree(own);
    const entryWithin = subtree(entry);
    if (entry.some((p) => ownWithin.has(p)) || own.some((p) => entryWithin.has(p))) continue;
    found.push(
      `${r.name} accepts ${r.currencyName} only for ${entry.join(', ')}, which ${r.currencyName} does not pay for (it pays for ${own.join(', ')}): that acceptance counts for nothing until one of them changes.`,
    );
  }
  if (found.length <= max) return found;
  return [...found.slice(0, max), `…and ${found.length - max} more acceptances like these.`];
}
