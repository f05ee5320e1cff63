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
 * One word of a query for the index: what was typed, matched as a prefix (the word may still
 * be being typed, and "coop lis" should find "Cooperativa … Lisboa"), or the real words a typo
 * was corrected to, any of them.
 */
export type Term = { prefix: string } | { anyOf: readonly string[] };

export const asTerms = (tokens: readonly string[]): Term[] => tokens.map((prefix) => ({ prefix }));

/** All terms (AND), restricted to `columns` when given; `whole` matches typed words whole. */
export function matchExpr(terms: readonly Term[], columns?: readonly string[], whole = false): string {
  const body = terms
    .map((t) => ('prefix' in t ? (whole ? ftsString(t.prefix) : `${ftsString(t.prefix)}*`) : `(${t.anyOf.map(ftsString).join(' OR ')})`))
    // Explicit AND: FTS5 refuses an implicit AND next to a parenthesised group.
    .join(' AND ');
  return columns ? `{${columns.join(' ')}} : (${body})` : body;
}
