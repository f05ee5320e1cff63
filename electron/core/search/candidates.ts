import type { Db } from '../db/open.ts';
import type { Near } from '../../../shared/contract/search.ts';
import { stmt } from './statements.ts';
import { cellTags } from './geo.ts';
import { ftsString, prefixQuery, trigramQuery } from './normalize.ts';

/**
 * Candidate sets straight from the FTS5 indexes: small (≤ a few hundred), ranked by bm25.
 * Everything here is an index lookup; the final order is decided in rank.ts.
 */
export interface EnterpriseCandidate {
  key: number;
  id: string;
  name: string;
  solidarity: 0 | 1;
  lat: number | null;
  lon: number | null;
  /** bm25 (lower is better); 0 for candidates that came through a product. */
  rank: number;
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
/** Name counts most, then offered products and place. */
const ENTERPRISE_BM25 = "bm25(10.0, 1.0, 2.0, 1.0, 3.0, 0.0)";

const enterpriseSql = (limit: number) => `
  SELECT d.key, d.id, d.name, d.solidarity, d.lat, d.lon, m.rank
  FROM (SELECT rowid, rank FROM search_enterprises
        WHERE search_enterprises MATCH ? AND rank MATCH '${ENTERPRISE_BM25}'
        ORDER BY rank LIMIT ${limit}) m
  JOIN search_enterprise_docs d ON d.key = m.rowid
  ORDER BY m.rank`;

export function enterprisesByText(db: Db, tokens: readonly string[], limit: number): EnterpriseCandidate[] {
  return stmt(db, enterpriseSql(limit)).all(prefixQuery(tokens, TEXT_COLUMNS)) as EnterpriseCandidate[];
}

/** The best-matching solidarity enterprises, asked of the index directly (they go first among equals). */
export function solidarityByText(db: Db, tokens: readonly string[], limit: number): EnterpriseCandidate[] {
  const q = `(${prefixQuery(tokens, TEXT_COLUMNS)}) AND ({tags} : ${ftsString('xsolidarityx')})`;
  return stmt(db, enterpriseSql(limit)).all(q) as EnterpriseCandidate[];
}

/** Matches in the 1° cells around `near` (≥ ~110 km in every direction). */
export function nearByText(db: Db, tokens: readonly string[], near: Near, limit: number): EnterpriseCandidate[] {
  const cells = cellTags(near, 1).map(ftsString).join(' OR ');
  const q = `(${prefixQuery(tokens, TEXT_COLUMNS)}) AND ({tags} : (${cells}))`;
  return stmt(db, enterpriseSql(limit)).all(q) as EnterpriseCandidate[];
}

/** Names sharing trigrams with the longer words: the candidates for typo tolerance. */
export function enterprisesByTrigram(db: Db, tokens: readonly string[], limit: number): EnterpriseCandidate[] {
  const q = trigramQuery(tokens);
  if (!q) return [];
  return stmt(
    db,
    `SELECT d.key, d.id, d.name, d.solidarity, d.lat, d.lon, m.rank
     FROM (SELECT rowid, rank FROM search_enterprise_names WHERE search_enterprise_names MATCH ?
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
    `SELECT d.key, d.id, d.name, d.solidarity, d.lat, d.lon, 0 AS rank
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
