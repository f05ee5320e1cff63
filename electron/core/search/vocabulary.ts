import type { Db } from '../db/open.ts';
import { stmt } from './statements.ts';
import { keptCache, keptUntilChanged } from './kept.ts';

/**
 * Typo correction against the words the catalogue actually uses (enterprise names, places,
 * product names in every language), read from the FTS5 vocabulary and kept in memory per
 * connection until one of those indexes changes (kept.ts: a flow edited meanwhile does not
 * rebuild it). A mistyped word becomes the few closest real words, which then go through the
 * ordinary index queries: no scan of the catalogue per keystroke.
 */
interface Vocabulary {
  /** Words by first letter, each with how many records use it. */
  byFirst: Map<string, { term: string; docs: number }[]>;
  sorted: string[];
}

const cache = keptCache<Vocabulary>();

/**
 * The ranges of the index's words that can be typo targets, for fts5vocab (which counts the
 * records of every word it passes, and seeks to a range's start). Left out: words starting
 * with a digit (postcodes, the numbers in names: most of the words at 100,000 enterprises),
 * and the synthetic grid-cell and solidarity tags ('xc<digits>…', 'xsolidarityx'). The WHERE
 * below drops those anyway; skipping them here made the load 5–10× faster.
 */
const RANGES: [string, string | null][] = [
  ['a', 'xc0'],
  ['xc:', 'xsolidarityx'],
  ['xsolidarityxa', null],
];

const rangesOf = (table: string) =>
  RANGES.map(([from, to]) => `SELECT term, doc FROM ${table} WHERE term >= '${from}'${to ? ` AND term < '${to}'` : ''}`).join(' UNION ALL ');

function load(db: Db): Vocabulary {
  return keptUntilChanged(cache, db, ['search_enterprise_names', 'search_enterprise_places', 'search_products'], () => {
    // Synthetic tags and words with digits (postcodes, numbers) are never typo targets.
    const rows = stmt(
      db,
      `SELECT term, sum(doc) AS docs FROM (
         ${rangesOf('search_name_terms')}
         UNION ALL ${rangesOf('search_place_terms')}
         UNION ALL ${rangesOf('search_product_terms')})
       WHERE length(term) >= 3 AND term NOT GLOB '*[0-9]*' AND term <> 'xsolidarityx'
       GROUP BY term`,
    ).all() as { term: string; docs: number }[];
    const byFirst = new Map<string, { term: string; docs: number }[]>();
    for (const r of rows) {
      const list = byFirst.get(r.term[0]);
      if (list) list.push(r);
      else byFirst.set(r.term[0], [r]);
    }
    return { byFirst, sorted: rows.map((r) => r.term).sort() };
  });
}

/** The words typos are corrected to on this connection, sorted (as kept: the same list until it is made again). */
export function typoWords(db: Db): readonly string[] {
  return load(db).sorted;
}

/** Optimal string alignment distance (Damerau: a swap of neighbours is one edit), capped. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** True when some word of the catalogue starts with `token` (then it is not a typo). */
export function isKnownPrefix(db: Db, token: string): boolean {
  const { sorted } = load(db);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < token) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].startsWith(token);
}

const MAX_CORRECTIONS = 6;

/**
 * The closest real words to a mistyped one, best first: one edit for words up to seven
 * letters, two beyond (at most a quarter of the word: two edits in six letters made "acucar"
 * into "accao" and "accra", not a correction anyone would accept); a word still being typed
 * may also be one edit from the start of a longer word ("cooperatv" → "cooperativa"). Words
 * that start with a different letter are not considered.
 */
export const maxEdits = (length: number) => (length < 4 ? 0 : length <= 7 ? 1 : 2);

export function corrections(db: Db, token: string): string[] {
  if (token.length < 4) return [];
  const max = maxEdits(token.length);
  const scored: { term: string; score: number; docs: number }[] = [];
  for (const { term, docs } of load(db).byFirst.get(token[0]) ?? []) {
    let score = editDistance(token, term, max);
    if (score > max && term.length > token.length) score = editDistance(token, term.slice(0, token.length), 1) + 0.5;
    if (score <= max) scored.push({ term, score, docs });
  }
  scored.sort((a, b) => a.score - b.score || b.docs - a.docs || (a.term < b.term ? -1 : 1));
  return scored.slice(0, MAX_CORRECTIONS).map((s) => s.term);
}
