import type { Db } from '../db/open.ts';
import type { DirectoryFilters, DirectorySort, DirectorySortKey } from '../../../shared/contract/directory.ts';
import type { EnterpriseSummary } from '../../../shared/contract/catalogue.ts';
import { summaryFromRow, type SummaryRowColumns } from './enterprises.ts';
import { acceptsSomethingParams, acceptsSomethingSql } from './accepts-filter.ts';

/**
 * The directory's one query: filters as a parameterised WHERE over `enterprises e`, shared by
 * the table and the map so both always show the same set. Each filter uses an index: the
 * scalar ones an enterprises index (migration 0004), the list ones the link table's code index.
 */
export function filterWhere(filters: DirectoryFilters, walkOrder = false): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  // `+e.id` hides the primary key from the planner, so it walks the sort index and tests each
  // row against the list, instead of fetching every member and sorting them all: the faster
  // way when many rows match (see directorySql).
  const id = walkOrder ? '+e.id' : 'e.id';
  const params: unknown[] = [];
  if (filters.solidarity !== undefined) {
    clauses.push('e.solidarity = ?');
    params.push(filters.solidarity ? 1 : 0);
  }
  if (filters.classified !== undefined) {
    clauses.push('e.classified = ?');
    params.push(filters.classified ? 1 : 0);
  }
  if (filters.structure) {
    clauses.push('e.organisational_structure = ?');
    params.push(filters.structure);
  }
  if (filters.country) {
    clauses.push('e.country = ?');
    params.push(filters.country);
  }
  if (filters.region) {
    clauses.push('e.region = ?');
    params.push(filters.region);
  }
  if (filters.activity) {
    clauses.push(`${id} IN (SELECT enterprise_id FROM enterprise_activities WHERE code = ?)`);
    params.push(filters.activity);
  }
  if (filters.qualifier) {
    clauses.push(`${id} IN (SELECT enterprise_id FROM enterprise_qualifiers WHERE code = ?)`);
    params.push(filters.qualifier);
  }
  if (filters.currency) {
    clauses.push(acceptsSomethingSql(id));
    params.push(...acceptsSomethingParams(filters.currency));
  }
  if (filters.network) {
    clauses.push(`${id} IN (SELECT enterprise_id FROM memberships WHERE network_id = ?)`);
    params.push(filters.network);
  }
  const text = filters.text?.trim();
  if (text) {
    // A substring of the name or town. LIKE scans, but only the two short columns; measured
    // well under 50 ms at 100,000 rows (test/integration/directory-query.test.ts).
    const pattern = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    clauses.push("(e.name LIKE ? ESCAPE '\\' OR e.locality LIKE ? ESCAPE '\\')");
    params.push(pattern, pattern);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * ORDER BY per sort key. Every term runs in the same direction so SQLite can walk the matching
 * index forwards or backwards instead of sorting 100,000 rows; name and id break ties so the
 * order is total (offset windows never repeat or skip a row).
 */
const orderTerms: Record<DirectorySortKey, string[]> = {
  // name_key / locality_key: lower-case without accents (migration 5), so "Açúcar" sorts as "acucar".
  name: ['e.name_key', 'e.id'],
  locality: ['e.locality_key', 'e.name_key', 'e.id'],
  country: ['e.country', 'e.name_key', 'e.id'],
  solidarity: ['e.solidarity', 'e.name_key', 'e.id'],
  structure: ['e.organisational_structure', 'e.name_key', 'e.id'],
  updated: ['e.updated_at', 'e.id'],
};

export function orderBy(sort: DirectorySort): string {
  const dir = sort.dir === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${orderTerms[sort.by].map((t) => `${t} ${dir}`).join(', ')}`;
}

interface SummaryRow extends SummaryRowColumns {
  updated_at: string;
}

/**
 * Whether to read a window by walking the sort index (testing each row against the filters)
 * rather than fetching every match and sorting. Walking costs about one step per row passed
 * (~3 µs), sorting about two per match (~7 µs): walk when the window is reached within about
 * twice as many rows as there are matches, which holds near the start of a large selection.
 */
export function shouldWalk(matches: number, all: number, offset: number, limit: number): boolean {
  if (matches <= 2000 || matches === 0) return false;
  const rowsPassed = ((offset + limit) * all) / matches;
  return rowsPassed < 2 * matches;
}

export function directorySql(filters: DirectoryFilters, sort: DirectorySort, walk = false) {
  const where = filterWhere(filters);
  const page = walk ? filterWhere(filters, true) : where;
  return {
    count: { sql: `SELECT count(*) FROM enterprises e ${where.sql}`, params: where.params },
    page: {
      sql: `SELECT ${summaryColumns} FROM enterprises e ${page.sql} ${orderBy(sort)} LIMIT ? OFFSET ?`,
      params: page.params,
    },
  };
}

export function queryEnterprises(
  db: Db,
  filters: DirectoryFilters,
  sort: DirectorySort,
  offset: number,
  limit: number,
): { total: number; items: (EnterpriseSummary & { updatedAt: string })[] } {
  const total = countMatching(db, filters);
  if (offset >= total) return { total, items: [] };
  const walk = shouldWalk(total, countMatching(db, {}), offset, limit);
  let rows: SummaryRow[];
  if (!walk && total > 2000 && needsSort(filters)) {
    // Deep in a large selection that no index orders: sort the matches once, keep the order
    // (rowids) while the catalogue is unchanged, and read each window from it.
    const order = orderedRowids(db, filters, sort);
    const ids = order.slice(offset, offset + limit);
    const byRowid = new Map(
      (db.prepare(`SELECT e.rowid AS rid, ${summaryColumns} FROM enterprises e WHERE e.rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as (SummaryRow & { rid: number })[]).map((r) => [r.rid, r]),
    );
    rows = ids.map((id) => byRowid.get(id)).filter((r): r is SummaryRow & { rid: number } => r !== undefined);
  } else {
    const q = directorySql(filters, sort, walk);
    rows = db.prepare(q.page.sql).all(...q.page.params, limit, offset) as SummaryRow[];
  }
  return {
    total,
    items: rows.map((r) => ({ ...summaryFromRow(r), updatedAt: r.updated_at })),
  };
}

const summaryColumns = 'e.id, e.name, e.solidarity, e.locality, e.region, e.country, e.organisational_structure, e.lat, e.lon, e.updated_at';

/** Filters no enterprises index can order by (lists and text): their matches must be sorted. */
function needsSort(f: DirectoryFilters): boolean {
  return Boolean(f.activity || f.qualifier || f.currency || f.network || f.text?.trim());
}

/** The catalogue's version on this connection: changes with any write here or elsewhere. */
function catalogueVersion(db: Db): string {
  return `${db.prepare('SELECT total_changes()').pluck().get() as number}:${db.pragma('data_version', { simple: true }) as number}`;
}

const orderCache = new WeakMap<Db, Map<string, number[]>>();

function orderedRowids(db: Db, filters: DirectoryFilters, sort: DirectorySort): number[] {
  const key = `${catalogueVersion(db)}|${JSON.stringify(filters)}|${sort.by}:${sort.dir}`;
  let cache = orderCache.get(db);
  if (!cache) orderCache.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const where = filterWhere(filters);
  const ids = db.prepare(`SELECT e.rowid FROM enterprises e ${where.sql} ${orderBy(sort)}`).pluck().all(...where.params) as number[];
  if (cache.size >= 4) cache.delete(cache.keys().next().value!);
  cache.set(key, ids);
  return ids;
}

/**
 * Counts remembered per connection while the catalogue is unchanged: scrolling asks for page
 * after page with the same filters, and a count over a large filter (14,000 of 100,000) costs
 * more than the page itself. The key includes total_changes() (writes on this connection) and
 * PRAGMA data_version (commits by any other connection, e.g. `teia import` beside `teia serve`).
 */
const countCache = new WeakMap<Db, Map<string, number>>();
const countCacheSize = 32;

export function countMatching(db: Db, filters: DirectoryFilters): number {
  const key = `${catalogueVersion(db)}|${JSON.stringify(filters)}`;
  let cache = countCache.get(db);
  if (!cache) countCache.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const where = filterWhere(filters);
  const total = db.prepare(`SELECT count(*) FROM enterprises e ${where.sql}`).pluck().get(...where.params) as number;
  if (cache.size >= countCacheSize) cache.delete(cache.keys().next().value!);
  cache.set(key, total);
  return total;
}
