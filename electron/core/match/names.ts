import * as fuzz from 'fuzzball';
import type { Prepared } from './normalise.ts';

/**
 * How alike two names are, 0–1, after legal forms are gone (normalise.ts). Three views, all
 * with fuzzball's string measures (Levenshtein ratios, as in FuzzyWuzzy):
 * - token sort ratio: the whole name, word order ignored; tolerates a typo anywhere;
 * - token set ratio: one name's words inside the other's; tolerates an inserted word;
 * - weighted coverage: the share of each name's words (weighted by how rare the word is in
 *   the index, so "Dongguan … Shoes" counts little and "Luyang" much) that has a close twin
 *   in the other name. Token set alone calls "Dongguan Luyang Shoes" and "Dongguan Meiquan
 *   Shoes" 83 % alike; coverage sees that the one rare word differs.
 */
export type Weigh = (token: string) => number;

const opts = { full_process: false } as const;

/** Two words that are one word with a typo: equal, or long enough and one edit or so apart. */
function wordLikeness(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 4 || b.length < 4 || /\d/.test(a) || /\d/.test(b)) return 0;
  // An abbreviation ("Agrop." for "Agropecuária", "Coop. de Trab."): the short word begins the long one.
  // Only a real shortening: "Flame" is not "Flamenco" abbreviated.
  const short = a.length < b.length ? a : b;
  const long = short === a ? b : a;
  if (short.length <= long.length * 0.6 && long.startsWith(short)) return 0.85;
  // The ratio cannot reach 80 when the lengths alone differ too much, nor when the letters do.
  const lensum = a.length + b.length;
  if (200 * (lensum - (long.length - short.length)) < 159 * lensum || !mayBeAlike(a, b)) return 0;
  const r = fuzz.ratio(a, b, opts) / 100;
  // One edit in a word of seven letters or more (ratio ≥ 0.85) is a typo; in a shorter word
  // it may be another word ("Leste" / "Oeste"), so it counts half.
  return r >= 0.85 ? r : r >= 0.8 ? 0.25 : 0;
}

const letterCounts = new Int32Array(65536);

/**
 * False when fuzzball's ratio of the two words is sure to stay under 80, the least
 * wordLikeness counts: its distance (an insertion or deletion costs 1, a substitution 2) is at
 * least the number of letters the two words do not have in common, counted as a multiset.
 * Cheap next to the ratio itself, which most word pairs of a big directory never need (measured:
 * the ratio was a third of importing Co-ops UK's 7,387 records). Exact: rounded to whole
 * percent as fuzzball does, a bound under 79.5 rounds under 80.
 */
export function mayBeAlike(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i)]++;
  for (let i = 0; i < b.length; i++) letterCounts[b.charCodeAt(i)]--;
  let unshared = 0;
  for (const w of [a, b]) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      unshared += Math.abs(letterCounts[c]);
      letterCounts[c] = 0;
    }
  }
  const lensum = a.length + b.length;
  return 200 * (lensum - unshared) >= 159 * lensum;
}

/** Weighted share of `from`'s words with a twin in `to`, and whether some word of `from` has none. */
function coverage(from: Prepared, to: readonly string[], weigh: Weigh): { share: number; lone: boolean } {
  let total = 0;
  let covered = 0;
  let lone = false;
  for (const t of from.tokens) {
    const w = from.aside.has(t) ? weigh(t) / 4 : weigh(t);
    total += w;
    let best = 0;
    for (const u of to) {
      best = Math.max(best, wordLikeness(t, u));
      if (best === 1) break;
    }
    covered += w * best;
    if (best < 0.85 && !from.aside.has(t)) lone = true;
  }
  return { share: total ? covered / total : 0, lone };
}

export interface NameLikeness {
  score: number;
  sort: number;
  set: number;
  /** Coverage of the shorter and of the longer name. */
  small: number;
  large: number;
  /**
   * Each name has a word the other lacks ("… Leste" / "… Oeste", "Luyang" / "Meiquan"): a
   * word replaced, not a word added or a typo. Never merged on the names alone.
   */
  replaced: boolean;
}

export function nameLikeness(a: Prepared, b: Prepared, weigh: Weigh): NameLikeness {
  if (a.core === b.core) return { score: 1, sort: 1, set: 1, small: 1, large: 1, replaced: false };
  const ca = coverage(a, b.tokens, weigh);
  const cb = coverage(b, a.tokens, weigh);
  const small = a.tokens.length <= b.tokens.length ? ca.share : cb.share;
  const large = a.tokens.length <= b.tokens.length ? cb.share : ca.share;
  const replaced = ca.lone && cb.lone;
  // Names sharing too few words cannot reach half alike whatever the whole-string ratios say:
  // skip them (most candidates of a big index end here).
  if (0.3 + 0.35 * (small + large) < 0.5) return { score: 0.35 * (small + large), sort: 0, set: 0, small, large, replaced };
  const sort = fuzz.token_sort_ratio(a.core, b.core, opts) / 100;
  const set = fuzz.token_set_ratio(a.core, b.core, opts) / 100;
  // The shorter name wholly inside the longer one is an inserted word only when what was
  // inserted is a small part of the longer name: large coverage carries that.
  let score = 0.2 * sort + 0.1 * set + 0.35 * small + 0.35 * large;
  // One word inside a longer name ("The Master" / "Master Garment") is too little to be sure of.
  if (Math.min(a.tokens.length, b.tokens.length) === 1 && a.tokens.length !== b.tokens.length) score = Math.min(score, 0.8);
  return { score, sort, set, small, large, replaced };
}
