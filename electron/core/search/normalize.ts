/**
 * What a person typed, turned into search words. User text is never FTS5 syntax: it is cut
 * into words of letters and digits (the same split as FTS5's unicode61 tokenizer), and each
 * word goes into the query as a quoted string, so `"`, `AND(`, `*`, `NEAR`, `-` are just text.
 */

/** Longer input is cut: nobody types a 200-character search, and it bounds the query's cost. */
export const MAX_QUERY_CHARS = 200;
/** More words only narrow an AND query further; eight is plenty for names and places. */
export const MAX_TOKENS = 8;
const MAX_TOKEN_CHARS = 40;

/** Lowercase without accents: "Açúcar" → "acucar". Matches unicode61 remove_diacritics 2. */
export function fold(text: string): string {
  // Most text is plain ASCII: skip the Unicode work (it dominated ranking in a profile).
  if (!/[^\u0020-\u007e]/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, folded, without duplicates, in the order typed. */
export function tokenize(raw: string): string[] {
  const words = fold(raw.slice(0, MAX_QUERY_CHARS)).match(/[\p{L}\p{N}]+/gu) ?? [];
  const seen = new Set<string>();
  for (const w of words) {
    if (seen.size >= MAX_TOKENS) break;
    seen.add(w.slice(0, MAX_TOKEN_CHARS));
  }
  return [...seen];
}

/** An FTS5 string literal: double quotes around, inner quotes doubled. */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Every word, the last one as a prefix (it is still being typed) and the others too, since
 * "coop lis" should find "Cooperativa … Lisboa". Restricted to `columns` when given.
 */
export function prefixQuery(tokens: readonly string[], columns?: readonly string[]): string {
  const body = tokens.map((t) => `${ftsString(t)}*`).join(' ');
  return columns ? `{${columns.join(' ')}} : (${body})` : body;
}

/**
 * Trigrams of the words long enough to carry a typo, OR-ed: a name sharing most of them with
 * a word ranks high in bm25. Words of 3 letters or fewer are left out (one typo changes them
 * too much to find anything meaningful).
 */
export function trigramQuery(tokens: readonly string[]): string | null {
  const grams = new Set<string>();
  for (const t of tokens) {
    if (t.length < 4) continue;
    for (let i = 0; i + 3 <= t.length; i++) grams.add(t.slice(i, i + 3));
  }
  return grams.size ? [...grams].map(ftsString).join(' OR ') : null;
}
