import type { Db } from '../db/open.ts';
import type { FacetValue } from '../../../shared/contract/directory.ts';
import { voidEntries } from './accepts-filter.ts';

/** How many values a facet returns at most: a dropdown of more would not help anyone. */
const facetLimit = 500;

/**
 * The values present for each directory filter, largest first. Counted over the whole
 * catalogue (not the current selection) so a filter never hides the way back; regions narrow
 * to a country when one is chosen, since region names repeat across countries.
 */
export function enterpriseFacets(db: Db, country?: string) {
  const values = (sql: string, ...params: unknown[]) =>
    db.prepare(sql).all(...params, facetLimit) as FacetValue[];
  const solidarity = db
    .prepare(
      `SELECT coalesce(sum(solidarity), 0) AS yes, count(*) - coalesce(sum(solidarity), 0) AS no,
         coalesce(sum(classified = 0), 0) AS unknown, count(*) AS total FROM enterprises`,
    )
    .get() as { yes: number; no: number; unknown: number; total: number };
  const grouped = (table: string, column: string) =>
    values(`SELECT ${column} AS value, count(*) AS count FROM ${table} WHERE ${column} <> '' GROUP BY ${column} ORDER BY count DESC, value LIMIT ?`);
  const scalar = (column: string, extra = '', ...params: unknown[]) =>
    values(
      `SELECT ${column} AS value, count(*) AS count FROM enterprises WHERE ${column} IS NOT NULL AND ${column} <> '' ${extra}
       GROUP BY ${column} ORDER BY count DESC, value LIMIT ?`,
      ...params,
    );
  return {
    total: solidarity.total,
    solidarity: { yes: solidarity.yes, no: solidarity.no, unknown: solidarity.unknown },
    activity: grouped('enterprise_activities', 'code'),
    qualifier: grouped('enterprise_qualifiers', 'code'),
    structure: scalar('organisational_structure'),
    country: scalar('country'),
    region: country ? scalar('region', 'AND country = ?', country) : scalar('region'),
    network: values(
      `SELECT m.network_id AS value, n.name AS label, count(*) AS count FROM memberships m JOIN networks n ON n.id = m.network_id
       GROUP BY m.network_id ORDER BY count DESC, value LIMIT ?`,
    ),
    currency: currencyFacet(db, values),
  };
}

/**
 * Enterprises per accepted currency, as the "accepts" filter counts them: an entry that takes
 * a voucher only for products it does not pay for is not counted (accepts-filter.ts).
 */
function currencyFacet(db: Db, values: (sql: string) => FacetValue[]): FacetValue[] {
  const counted = values(
    `SELECT c.currency_id AS value, k.name AS label, count(*) AS count FROM enterprise_currencies c JOIN currencies k ON k.id = c.currency_id
     GROUP BY c.currency_id ORDER BY count DESC, value LIMIT ?`,
  );
  const none = new Map<string, number>();
  for (const v of voidEntries(db, null)) none.set(v.currency, (none.get(v.currency) ?? 0) + 1);
  if (none.size === 0) return counted;
  return counted
    .map((f) => ({ ...f, count: f.count - (none.get(f.value) ?? 0) }))
    .filter((f) => f.count > 0)
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
