import Fuse from 'fuse.js';

/**
 * fuse.js over a small candidate set (≤ a few hundred names the index found for corrected words), never
 * over the catalogue: it decides which candidates are a plausible typo of what was typed and
 * how close. Each word typed must be close to some word of the text ("cofee" ~ "coffee").
 */
const THRESHOLD = 0.4;

export interface FuzzyHit<T> {
  item: T;
  /** 0 is a perfect match, THRESHOLD the worst accepted. */
  score: number;
}

export function fuzzyFilter<T>(items: readonly T[], text: (item: T) => string[], tokens: readonly string[]): FuzzyHit<T>[] {
  const long = tokens.filter((t) => t.length >= 3);
  if (items.length === 0 || long.length === 0) return [];
  const fuse = new Fuse(
    items.map((item, i) => ({ i, text: text(item) })),
    {
      keys: ['text'],
      includeScore: true,
      ignoreDiacritics: true,
      ignoreLocation: true,
      threshold: THRESHOLD,
      shouldSort: false,
    },
  );
  // Each word scored on its own (bitap patterns are word-sized); a candidate needs all of them.
  const scores = new Map<number, number>();
  long.forEach((t, n) => {
    const seen = new Set<number>();
    for (const r of fuse.search(t)) {
      const i = r.item.i;
      if (n > 0 && !scores.has(i)) continue;
      seen.add(i);
      scores.set(i, (scores.get(i) ?? 0) + (r.score ?? THRESHOLD));
    }
    for (const i of scores.keys()) if (!seen.has(i)) scores.delete(i);
  });
  return [...scores].map(([i, s]) => ({ item: items[i], score: s / long.length }));
}
