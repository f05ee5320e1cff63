/**
 * The directory's sort keys (migration 5): a name lower-cased with the accents of Latin
 * languages taken off, so "Açúcar" sorts beside "Acre". Triggers keep them for every writer;
 * a bulk import sets the insert trigger aside and gives each row its keys from foldKey, the
 * same fold in JavaScript (measured: the trigger's UPDATE per row was a fifth of the cost of
 * writing 100,000 enterprises).
 */

/** Accented letter → plain letter, both cases (lower() in SQLite only folds A–Z). */
export const folds: [string, string][] = [
  ['áàâãäåÁÀÂÃÄÅ', 'a'],
  ['éèêëÉÈÊË', 'e'],
  ['íìîïÍÌÎÏ', 'i'],
  ['óòôõöøÓÒÔÕÖØ', 'o'],
  ['úùûüÚÙÛÜ', 'u'],
  ['çÇ', 'c'],
  ['ñÑ', 'n'],
  ['ýÿÝ', 'y'],
];

/** SQL that folds `expr` for sorting: nested replace() over lower(). */
export function foldSql(expr: string): string {
  let sql = `lower(${expr})`;
  for (const [from, to] of folds) for (const ch of from) sql = `replace(${sql}, '${ch}', '${to}')`;
  return sql;
}

const plain = new Map(folds.flatMap(([from, to]) => [...from].map((ch): [string, string] => [ch, to])));
const accented = new RegExp(`[${[...plain.keys()].join('')}]`, 'g');

/**
 * foldSql in JavaScript, character for character: SQLite's lower() (without ICU) changes
 * only A–Z, so toLowerCase(), which folds every script, would give other keys.
 */
export function foldKey(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase()).replace(accented, (ch) => plain.get(ch)!);
}
