import type { MatchKind } from '../../../shared/contract/search.ts';
import { fold } from './normalize.ts';

/** Best first: the order of `match` kinds is the first sort key. */
export const matchOrder: Record<MatchKind, number> = { name: 0, 'name-prefix': 1, product: 2, text: 3, fuzzy: 4 };

/**
 * How well a name carries the query: 'name' when every word typed is a word of the name,
 * 'name-prefix' when every word starts one (still being typed), else null. Looked up in the
 * folded name directly, without cutting it into words: it runs for every candidate (a few
 * hundred per keystroke), and those arrays of words were much of a search's garbage.
 */
export function nameMatch(name: string, tokens: readonly string[]): 'name' | 'name-prefix' | null {
  const folded = fold(name);
  let exact = true;
  for (const t of tokens) {
    const found = wordStartingWith(folded, t);
    if (found === null) return null;
    if (found === 'prefix') exact = false;
  }
  return exact ? 'name' : 'name-prefix';
}

/**
 * True when every word typed starts some word of `text`: searched in the folded text directly
 * (products text can be long; splitting it into words for each candidate was costly).
 */
export function wordsMatch(text: string, tokens: readonly string[]): boolean {
  const folded = fold(text);
  return tokens.every((t) => wordStartingWith(folded, t) !== null);
}

/**
 * 'whole' when `token` (a word of letters and digits, as tokenize makes them) is a word of the
 * folded text, 'prefix' when it only starts one, else null. Words are runs of letters and
 * digits, as tokenize and FTS5's unicode61 cut them.
 */
function wordStartingWith(folded: string, token: string): 'whole' | 'prefix' | null {
  let found: 'prefix' | null = null;
  for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + 1)) {
    if (at > 0 && isWordChar(folded, at - 1, true)) continue;
    const end = at + token.length;
    if (end >= folded.length || !isWordChar(folded, end, false)) return 'whole';
    found = 'prefix';
  }
  return found;
}

const wordChar = /[\p{L}\p{N}]/u;

/** Whether the character at code unit `at` (the one ending there, with `ending`) is a letter or digit. */
function isWordChar(text: string, at: number, ending: boolean): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // The low half of a surrogate pair: the character starts one code unit earlier.
  const start = ending && c >= 0xdc00 && c <= 0xdfff && at > 0 ? at - 1 : at;
  return wordChar.test(String.fromCodePoint(text.codePointAt(start)!));
}

export interface Ranked {
  match: MatchKind;
  solidarity: boolean;
  distanceKm: number | null;
  /** Finer relevance inside a match kind, lower is better (bm25 or fuse score). */
  fine: number;
  name: string;
  id: string;
}

/**
 * The order of results (issue 15): a close spelling after everything found as typed; then
 * solidarity enterprises first, whatever matched (the Find screen promises "the solidarity
 * enterprises that offer them"); then, given a place, the nearest (no coordinates last); then
 * how well it matched and relevance; then name and id so the order never depends on the
 * index's internals.
 */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    Number(a.match === 'fuzzy') - Number(b.match === 'fuzzy') ||
    compareStanding(a, b) ||
    matchOrder[a.match] - matchOrder[b.match] ||
    order(a.fine, b.fine) ||
    a.name.localeCompare(b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The keys of compareRanked before how well it matched: solidarity first, then the nearest. */
export function compareStanding(a: Pick<Ranked, 'solidarity' | 'distanceKm'>, b: Pick<Ranked, 'solidarity' | 'distanceKm'>): number {
  return Number(b.solidarity) - Number(a.solidarity) || compareDistance(a.distanceKm, b.distanceKm);
}

function compareDistance(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return order(a, b);
}

/**
 * -1, 0 or 1: a comparator returning a difference of fractions (distances, scores) hands V8 a
 * new heap number per comparison; sorting a few hundred candidates made thousands of them.
 */
function order(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
