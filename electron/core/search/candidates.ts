import type { Db } from '../db/open.ts';
import type { Near } from '../../../shared/contract/search.ts';
import { stmt } from './statements.ts';
import { cellTags } from './geo.ts';
import { ftsString, prefixQuery, trigramQuery } from './normalize.ts';

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

export const enterpriseSql = (table: string, limit: number) => `
  SELECT d.key, d.id, d.name, d.solidarity, d.lat, d.lon
  FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT ${limit}) m
  JOIN search_enterprise_docs d ON d.key = m.rowid`;

/**
 * Enterprise candidates for the words typed, from unranked index queries, each stopped after
 * `perQuery` rows. Ranking all matches with bm25 costs as much as there are matches (a prefix
 * like "c" matches most of the catalogue: 19 ms at 10,000 enterprises, against 0.05 ms
 * unranked), so instead each class the final order cares about is asked for separately:
 * every word in the name, the name starting with the words (both from the names-only index),
 * and the words anywhere — on its own, among solidarity enterprises, in the grid cells around
 * `near`.
 */
export function enterpriseCandidates(db: Db, tokens: readonly string[], near: Near | undefined, perQuery: number): EnterpriseCandidate[] {
  const filters = [null, ftsString('xsolidarityx')];
  if (near) filters.push(`(${cellTags(near, 1).map(ftsString).join(' OR ')})`);
  const names = stmt(db, enterpriseSql('search_enterprise_names', perQuery));
  const text = stmt(db, enterpriseSql('search_enterprises', perQuery));
  const seen = new Map<string, EnterpriseCandidate>();
  const collect = (rows: EnterpriseCandidate[]) => {
    for (const row of rows) if (!seen.has(row.id)) seen.set(row.id, row);
  };
  const exact = `{name} : (${tokens.map(ftsString).join(' ')})`;
  for (const [statement, scope] of [
    [names, exact],
    [names, prefixQuery(tokens, ['name'])],
    [text, prefixQuery(tokens, TEXT_COLUMNS)],
  ] as const) {
    for (const filter of filters) {
      collect(statement.all(filter ? `(${scope}) AND ({tags} : ${filter})` : scope) as EnterpriseCandidate[]);
    }
  }
  return [...seen.values()];
}

/** Names sharing trigrams with the longer words: the candidates for typo tolerance. */
export function enterprisesByTrigram(db: Db, tokens: readonly string[], limit: number): EnterpriseCandidate[] {
  const q = trigramQuery(tokens);
  if (!q) return [];
  return stmt(
    db,
    `SELECT d.key, d.id, d.name, d.solidarity, d.lat, d.lon
     FROM (SELECT rowid, rank FROM search_enterprise_trigrams WHERE search_enterprise_trigrams MATCH ?
           ORDER BY rank LIMIT ${limit}) m
     JOIN search_enterprise_docs d ON d.key = m.rowid
     ORDER BY m.rank`,
  ).all(q) as EnterpriseCandidate[];
}

const productSql = (table: string, limit: number) => `
  SELECT d.key, d.id, d.name, d.names, m.rank
  FROM (SELECT rowid, rank FROM ${table} WHERE ${table} MATCH ? ORDER BY rank LIMIT ${limit}) m
  JOIN search_product_docs d ON d.key = m.rowid
  ORDER BY m.rank`;

export function productsByText(db: Db, tokens: readonly string[], limit: number): ProductCandidate[] {
  return stmt(db, productSql('search_products', limit)).all(prefixQuery(tokens)) as ProductCandidate[];
}

export function productsByTrigram(db: Db, tokens: readonly string[], limit: number): ProductCandidate[] {
  const q = trigramQuery(tokens);
  return q ? (stmt(db, productSql('search_product_names', limit)).all(q) as ProductCandidate[]) : [];
}

/**
 * Enterprises offering any of `productIds` (already widened to narrower products): solidarity
 * ones first, then — given a place — the nearest by a flat-earth approximation (exact distance
 * is computed for the final few in rank.ts).
 */
export function enterprisesOffering(db: Db, productIds: readonly string[], near: Near | undefined, limit: number): EnterpriseCandidate[] {
  if (productIds.length === 0) return [];
  const order = near
    ? `d.solidarity DESC, d.lat IS NULL, (d.lat - @lat) * (d.lat - @lat) + (d.lon - @lon) * (d.lon - @lon) * @k`
    : 'd.solidarity DESC, d.key';
  return stmt(
    db,
    `SELECT d.key, d.id, d.name, d.solidarity, d.lat, d.lon
     FROM search_enterprise_docs d
     WHERE d.id IN (SELECT o.enterprise_id FROM offers o WHERE o.product_id IN (SELECT value FROM json_each(@products)))
     ORDER BY ${order} LIMIT ${limit}`,
  ).all({
    products: JSON.stringify(productIds),
    lat: near?.lat ?? 0,
    lon: near?.lon ?? 0,
    // Squared cosine of the latitude: a degree of longitude shrinks toward the poles.
    k: near ? Math.cos((near.lat * Math.PI) / 180) ** 2 : 1,
  }) as EnterpriseCandidate[];
}

/** Of these enterprises, the ones offering any of `productIds`. */
export function offeringAny(db: Db, ids: readonly string[], productIds: readonly string[]): Set<string> {
  if (ids.length === 0 || productIds.length === 0) return new Set();
  return new Set(
    stmt(
      db,
      `SELECT DISTINCT o.enterprise_id FROM json_each(?) ids
       CROSS JOIN offers o ON o.enterprise_id = ids.value
       WHERE o.product_id IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .all(JSON.stringify(ids), JSON.stringify(productIds)) as string[],
  );
}
