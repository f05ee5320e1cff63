import type { MatchKind } from '../../../shared/contract/search.ts';
import { fold } from './normalize.ts';

/** Best first: the order of `match` kinds is the first sort key. */
export const matchOrder: Record<MatchKind, number> = { name: 0, 'name-prefix': 1, product: 2, text: 3, fuzzy: 4 };

function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * How well a name carries the query: 'name' when every word typed is a word of the name,
 * 'name-prefix' when every word starts one (still being typed), else null.
 */
export function nameMatch(name: string, tokens: readonly string[]): 'name' | 'name-prefix' | null {
  const nameWords = words(name);
  let exact = true;
  for (const t of tokens) {
    if (nameWords.includes(t)) continue;
    exact = false;
    if (!nameWords.some((w) => w.startsWith(t))) return null;
  }
  return exact ? 'name' : 'name-prefix';
}

/**
 * True when every word typed starts some word of `text`: searched in the folded text directly
 * (products text can be long; splitting it into words for each candidate was costly).
 */
export function wordsMatch(text: string, tokens: readonly string[]): boolean {
  const folded = fold(text);
  return tokens.every((t) => startsAWord(folded, t));
}

const wordChar = /[\p{L}\p{N}]/u;

function startsAWord(folded: string, token: string): boolean {
  for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + 1)) {
    if (at === 0 || !wordChar.test(folded[at - 1])) return true;
  }
  return false;
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
    Number(b.solidarity) - Number(a.solidarity) ||
    compareDistance(a.distanceKm, b.distanceKm) ||
    matchOrder[a.match] - matchOrder[b.match] ||
    a.fine - b.fine ||
    a.name.localeCompare(b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareDistance(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
