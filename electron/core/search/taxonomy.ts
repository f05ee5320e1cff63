import type { Db } from '../db/open.ts';
import { stmt } from './statements.ts';

/**
 * The products given and every narrower one (ENGINE.md covers(p, q): an offer of a descendant
 * serves a search for its ancestor). UNION (not UNION ALL) stops on a cycle in bad data.
 */
export function withDescendants(db: Db, productIds: readonly string[]): string[] {
  if (productIds.length === 0) return [];
  return stmt(
    db,
      `WITH RECURSIVE tree(id) AS (
         SELECT value FROM json_each(?)
         UNION
         SELECT p.id FROM products p JOIN tree ON p.parent = tree.id
       )
       SELECT id FROM tree`,
    )
    .pluck()
    .all(JSON.stringify(productIds)) as string[];
}

/** A product's name in `lang` when it has that translation, else its main name. */
export function localName(name: string, namesJson: string, lang: string | undefined): string {
  if (!lang) return name;
  try {
    const names = JSON.parse(namesJson) as Record<string, unknown>;
    const local = names[lang] ?? names[lang.toLowerCase()] ?? names[lang.slice(0, 2).toLowerCase()];
    return typeof local === 'string' && local.length > 0 ? local : name;
  } catch {
    return name;
  }
}

/** Names of a product's broader products, root first; stops after 20 levels (bad data). */
export function productPath(db: Db, id: string, lang: string | undefined): string[] {
  const rows = stmt(
    db,
      `WITH RECURSIVE up(id, depth) AS (
         SELECT parent, 1 FROM products WHERE id = ?
         UNION ALL
         SELECT p.parent, up.depth + 1 FROM products p JOIN up ON p.id = up.id WHERE up.depth < 20
       )
       SELECT p.name, p.names FROM up JOIN products p ON p.id = up.id ORDER BY up.depth DESC`,
    )
    .all(id) as { name: string; names: string }[];
  return rows.map((r) => localName(r.name, r.names, lang));
}
