import fs from 'node:fs';
import type { Db } from '../db/open.ts';
import type { Product } from '../../../shared/domain/package.ts';
import { packageSchema } from '../../../shared/domain/package.ts';
import { dataPath } from '../paths.ts';

/** Meta key recording that the base taxonomy was loaded once (so deletions stay deleted). */
const META_KEY = 'base-taxonomy';
const TAXONOMY_VERSION = 'hs-1';

/** The shipped product tree (data/taxonomy/hs.json): HS sections, chapters and headings. */
export function readBaseTaxonomy(): Product[] {
  const pkg = packageSchema.parse(JSON.parse(fs.readFileSync(dataPath('taxonomy', 'hs.json'), 'utf8')));
  return pkg.products ?? [];
}

/**
 * Puts the base product taxonomy into the catalogue, in one transaction, keeping any product
 * that already has one of its ids (INSERT OR IGNORE: a user's edit wins). Runs once per
 * catalogue — a meta row remembers it, so products a person deleted are not brought back on
 * the next start — unless `force` is set. Returns how many products were added.
 */
export function loadBaseTaxonomy(db: Db, options: { force?: boolean } = {}): number {
  const done = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_KEY) as string | undefined;
  if (done === TAXONOMY_VERSION && !options.force) return 0;
  const products = readBaseTaxonomy();
  const insert = db.prepare(
    `INSERT OR IGNORE INTO products (id, name, names, parent, unit, codes, position)
     VALUES (@id, @name, @names, @parent, @unit, @codes, @position)`,
  );
  return db.transaction(() => {
    let position = (db.prepare('SELECT coalesce(max(position), 0) FROM products').pluck().get() as number) + 1;
    let added = 0;
    for (const p of products) {
      const r = insert.run({
        id: p.id,
        name: p.name,
        names: JSON.stringify(p.names ?? {}),
        parent: p.parent ?? null,
        unit: p.unit ?? null,
        codes: JSON.stringify(p.codes ?? {}),
        position,
      });
      if (r.changes) {
        added++;
        position++;
      }
    }
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(META_KEY, TAXONOMY_VERSION);
    return added;
  })();
}
