import type { Db } from '../db/open.ts';
import { stmt } from './statements.ts';
import { keptCache, keptUntilChanged } from './kept.ts';
import type { Term } from './normalize.ts';

/**
 * Words typed beyond the longest prefix index (3 characters on enterprises, migration 0010),
 * turned into the index's own words that start with them: "cooperati" → "cooperativa" OR
 * "cooperative". FTS5 answers a prefix it has no index for by merging the doclists of every
 * word with that prefix into one before it returns a row, and does that again for each of
 * the up to six index queries of a search: 1–1.5 ms each at 100,000 enterprises, where an OR
 * of the two words stops after the rows asked for (~0.1 ms). The same rows match either way.
 * The words come from fts5vocab tables (the names index has one; the full-text one gets a
 * TEMP one per connection, which a read-only connection may create), once per prefix until
 * one of the two indexes changes (kept.ts).
 */
export const LONGEST_PREFIX_INDEX = 3;
/** More words than this, and the prefix query is kept (a long OR costs as much as the merge). */
const MAX_WORDS = 24;
const MAX_CACHED = 2000;

export type PrefixIndex = 'names' | 'text';

const VOCABULARY: Record<PrefixIndex, string> = { names: 'main.search_name_terms', text: 'temp.search_text_terms' };

/** Per connection, `${index}:${prefix}` → the words, or null when there are too many. */
const cache = keptCache<Map<string, readonly string[] | null>>();

/** `terms` for the index `index` with every long prefix replaced by the words it stands for. */
export function expandLongPrefixes(db: Db, terms: readonly Term[], index: PrefixIndex): Term[] {
  if (!terms.some((t) => 'prefix' in t && t.prefix.length > LONGEST_PREFIX_INDEX)) return [...terms];
  return terms.map((t) => {
    if (!('prefix' in t) || t.prefix.length <= LONGEST_PREFIX_INDEX) return t;
    const words = wordsStartingWith(db, t.prefix, index);
    return words === null ? t : { anyOf: words };
  });
}

function wordsStartingWith(db: Db, prefix: string, index: PrefixIndex): readonly string[] | null {
  const known = keptUntilChanged(cache, db, ['search_enterprise_names', 'search_enterprises'], () => new Map());
  if (known.size >= MAX_CACHED) known.clear();
  const key = `${index}:${prefix}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  if (index === 'text') db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_text_terms USING fts5vocab(main, 'search_enterprises', 'row')");
  // fts5vocab walks the range of words between the bounds (it knows >= and <=, not LIKE).
  const rows = stmt(db, `SELECT term FROM ${VOCABULARY[index]} WHERE term >= ? AND term <= ? LIMIT ${MAX_WORDS + 1}`)
    .pluck()
    .all(prefix, `${prefix}\u{10ffff}`) as string[];
  const words = rows.filter((w) => w.startsWith(prefix));
  // No word at all: an OR of nothing is not a query; the prefix finds nothing just as fast.
  const found = words.length === 0 || rows.length > MAX_WORDS ? null : words;
  known.set(key, found);
  return found;
}
