import type { Db } from '../db/open.ts';
import type { Near } from '../../../shared/contract/search.ts';
import { stmt } from './statements.ts';
import { inferredOffers } from './resale.ts';
import { cellTags } from './geo.ts';
import { ftsString, matchExpr, type Term } from './normalize.ts';
import { expandLongPrefixes } from './prefixes.ts';

/**
 * Candidate sets straight from the FTS5 indexes: small (a few hundred at most). Everything
 * here is an index lookup; the final order is decided in rank.ts.
 */
export interface EnterpriseCandidate {
  key: number;
  id: string;
  name: string;
  solidarity: 0 | 1;
  lat: number | null;
  lon: number | null;
}

export interface ProductCandidate {
  key: number;
  id: string;
  name: string;
  names: string | null;
  rank: number;
}

/** The text a user's words may match; `tags` holds synthetic tokens only. */
const TEXT_COLUMNS = ['name', 'description', 'place', 'activities', 'products'];

/** The first `limit` matches in the index, their doc keys only (unranked: rowid order). */
export const enterpriseSql = (table: string, limit: number) => `SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ${limit}`;

/**
 * What ranking needs of each candidate, read once per candidate after all the index queries:
 * they overlap (the filtered ones return rows the unfiltered one did), and joining the docs
 * in each made a row object per match, most of them thrown away as already seen.
 */
export const candidateDocsSql = `
  SELECT d.key, d.id, d.name, d.solidarity, d.lat, d.lon
  FROM json_each(?) k JOIN search_enterprise_docs d ON d.key = k.value`;

/**
 * Enterprise candidates for the words typed, from unranked index queries, each stopped after
 * `perQuery` rows. Ranking all matches with bm25 costs as much as there are matches (a prefix
 * like "c" matches most of the catalogue: 19 ms at 10,000 enterprises, against 0.05 ms
 * unranked), so instead each class the final order cares about is asked for separately:
 * the words anywhere, the name starting with the words, every word in the name (both from the
 * names-only index) — each on its own, among solidarity enterprises, in the grid cells around
 * `near`.
 */
export function enterpriseCandidates(db: Db, terms: readonly Term[], near: Near | undefined, perQuery: number): EnterpriseCandidate[] {
  const filters = [ftsString('xsolidarityx')];
  if (near) filters.push(`(${cellTags(near, 1).map(ftsString).join(' OR ')})`);
  const names = stmt(db, enterpriseSql('search_enterprise_names', perQuery)).pluck();
  const text = stmt(db, enterpriseSql('search_enterprises', perQuery)).pluck();
  const seen = new Set<number>();
  const collect = (keys: number[]) => {
    for (const key of keys) seen.add(key);
  };
  // Widest first: a name's words are words of the text, and a whole word starts itself, so
  // each scope's matches are among the previous one's. Where a wider query (with the same
  // filter) returned fewer rows than asked, it returned every match, and the narrower one has
  // nothing to add: for a rare word the text query alone answers. The same rows are found.
  const scopes = [
    [text, matchExpr(expandLongPrefixes(db, terms, 'text'), TEXT_COLUMNS)],
    [names, matchExpr(expandLongPrefixes(db, terms, 'names'), ['name'])],
    // Words all whole (typo corrections, long prefixes looked up) make this the one before.
    [names, matchExpr(terms, ['name'], true)],
  ] as const;
  /** Which queries of the previous scope returned every match: 0 unfiltered, k the k-th filter. */
  let wider = new Set<number>();
  for (const [n, [statement, scope]] of scopes.entries()) {
    if (n > 0 && scope === scopes[n - 1][1] && statement === scopes[n - 1][0]) continue;
    const complete = new Set<number>();
    const ask = (k: number, expr: string) => {
      if (!wider.has(k)) {
        const rows = statement.all(expr) as number[];
        collect(rows);
        if (rows.length >= perQuery) return;
      }
      complete.add(k);
    };
    ask(0, scope);
    filters.forEach((filter, f) => {
      // Every match unfiltered: the filtered queries can add nothing either.
      if (complete.has(0)) complete.add(f + 1);
      else ask(f + 1, `(${scope}) AND ({tags} : ${filter})`);
    });
    wider = complete;
  }
  if (seen.size === 0) return [];
  return stmt(db, candidateDocsSql).all(JSON.stringify([...seen])) as EnterpriseCandidate[];
}

const productSql = (table: string, limit: number) => `
  SELECT d.key, d.id, d.name, d.names, m.rank
  FROM (SELECT rowid, rank FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT ${limit}) m
  JOIN search_product_docs d ON d.key = m.rowid
  ORDER BY m.rank`;

/** Products matching the terms, best bm25 first (products are few: ranking them is cheap). */
export function productsByText(db: Db, terms: readonly Term[], limit: number): ProductCandidate[] {
  return stmt(db, productSql('search_products', limit)).all(matchExpr(terms)) as ProductCandidate[];
}

/**
 * Of these enterprises, the ones offering any of `productIds`. The unary + keeps SQLite on the
 * enterprise index: probing (product, enterprise) pairs took 14 ms for a broad product set.
 */
export function offeringAny(db: Db, ids: readonly string[], productIds: readonly string[]): Set<string> {
  if (ids.length === 0 || productIds.length === 0) return new Set();
  const found = new Set(
    stmt(
      db,
      `SELECT DISTINCT o.enterprise_id FROM json_each(?) ids
       CROSS JOIN offers o ON o.enterprise_id = ids.value
       WHERE +o.product_id IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .all(JSON.stringify(ids), JSON.stringify(productIds)) as string[],
  );
  // Shops that buy the product sell it (resale.ts).
  for (const o of inferredOffers(db, ids.filter((id) => !found.has(id)), productIds)) found.add(o.enterprise);
  return found;
}
