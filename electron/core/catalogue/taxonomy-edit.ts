import type { Db } from '../db/open.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { ProductRecord } from '../../../shared/contract/taxonomy-edit.ts';
import { slugId } from './in-place.ts';

/**
 * Products and networks edited by hand. Call inside a transaction. The search index follows
 * by its triggers (a renamed or moved product re-indexes the enterprises offering it), and the
 * engine worker re-reads the catalogue when SQLite's data_version moves.
 */

interface ProductRow { id: string; name: string; names: string; parent: string | null; unit: string | null }

function readProduct(db: Db, id: string): ProductRecord {
  const r = db.prepare('SELECT id, name, names, parent, unit FROM products WHERE id = ?').get(id) as ProductRow | undefined;
  if (!r) throw new TeiaError('not-found', `The product "${id}" is not in the catalogue.`, undefined, { key: 'product-not-found', args: { id } });
  return { id: r.id, name: r.name, names: JSON.parse(r.names) as Record<string, string>, parent: r.parent, unit: r.unit };
}

/** The ids from `id` up to the root, `id` first (stops on a cycle an older import left). */
function ancestors(db: Db, id: string): string[] {
  const up = db.prepare('SELECT parent FROM products WHERE id = ?').pluck();
  const chain: string[] = [];
  for (let at: string | null = id; at !== null && !chain.includes(at); at = (up.get(at) as string | null | undefined) ?? null) chain.push(at);
  return chain;
}

/**
 * Products depth-first, each after its parent, siblings by name; a product whose parent is
 * missing, or caught in a cycle an old import left, is listed at the root.
 */
export function listProducts(db: Db, offset: number, limit: number) {
  const total = db.prepare('SELECT count(*) FROM products').pluck().get() as number;
  const rows = db
    .prepare(
      `WITH RECURSIVE tree(id, depth, path) AS (
         SELECT id, 0, lower(name) || char(1) || id FROM products
          WHERE parent IS NULL OR parent NOT IN (SELECT id FROM products)
         UNION ALL
         SELECT p.id, t.depth + 1, t.path || char(0) || lower(p.name) || char(1) || p.id
           FROM products p JOIN tree t ON p.parent = t.id WHERE t.depth < 50
       )
       SELECT p.id, p.name, p.names, p.parent, p.unit, t.depth,
         (SELECT count(*) FROM offers WHERE product_id = p.id) + (SELECT count(*) FROM needs WHERE product_id = p.id)
           + (SELECT count(*) FROM flows WHERE product_id = p.id) AS uses
       FROM tree t JOIN products p ON p.id = t.id ORDER BY t.path LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as (ProductRow & { depth: number; uses: number })[];
  return {
    total,
    items: rows.map((r) => ({ id: r.id, name: r.name, names: JSON.parse(r.names) as Record<string, string>, parent: r.parent, unit: r.unit, depth: r.depth, uses: r.uses })),
  };
}

export function updateProduct(
  db: Db,
  change: { id: string; name?: string; names?: Partial<Record<string, string | null>>; parent?: string | null; unit?: string | null },
) {
  const previous = readProduct(db, change.id);
  const next: ProductRecord = { ...previous, names: { ...previous.names } };
  if (change.name !== undefined) next.name = change.name;
  for (const [lang, name] of Object.entries(change.names ?? {})) {
    if (name === null || name === undefined) delete next.names[lang];
    else next.names[lang] = name;
  }
  if (change.unit !== undefined) next.unit = change.unit;
  if (change.parent !== undefined) {
    if (change.parent !== null) {
      const parent = readProduct(db, change.parent);
      if (ancestors(db, parent.id).includes(previous.id)) {
        throw new TeiaError(
          'invalid-input',
          parent.id === previous.id
            ? `“${previous.name}” cannot go under itself.`
            : `“${previous.name}” cannot go under “${parent.name}”: “${parent.name}” is itself under “${previous.name}”.`,
        );
      }
    }
    next.parent = change.parent;
  }
  db.prepare('UPDATE products SET name = ?, names = ?, parent = ?, unit = ? WHERE id = ?').run(next.name, JSON.stringify(next.names), next.parent, next.unit, next.id);
  return { previous, product: readProduct(db, next.id) };
}

export function mergeProducts(db: Db, from: string, into: string) {
  const removed = readProduct(db, from);
  const kept = readProduct(db, into);
  const repoint = (table: 'offers' | 'needs' | 'flows') =>
    (db.prepare(`UPDATE ${table} SET product_id = ? WHERE product_id = ? RETURNING rowid`).pluck().all(into, from) as number[]).sort((a, b) => a - b);
  const offers = repoint('offers');
  const needs = repoint('needs');
  const flows = repoint('flows');
  // The one kept may sit below the one removed: lift it to where the removed one was first,
  // or its new children would be its own ancestors.
  if (ancestors(db, kept.id).includes(removed.id)) db.prepare('UPDATE products SET parent = ? WHERE id = ?').run(removed.parent, kept.id);
  const children = db.prepare('UPDATE products SET parent = ? WHERE parent = ? AND id != ? RETURNING id').pluck().all(into, from, into) as string[];
  db.prepare('DELETE FROM products WHERE id = ?').run(from);
  return { removed, offers, needs, flows, children: children.sort() };
}

export function createNetwork(db: Db, n: { name: string; description?: string; id?: string }) {
  const exists = db.prepare('SELECT 1 FROM networks WHERE id = ?').pluck();
  if (n.id !== undefined && exists.get(n.id)) throw new TeiaError('conflict', `A network with the id "${n.id}" already exists.`);
  const id = n.id ?? slugId(db, 'networks', n.name, 'network');
  db.prepare('INSERT INTO networks (id, name, description, position) VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM networks))').run(
    id,
    n.name,
    n.description ?? null,
  );
  return { id, name: n.name };
}

function requireNetwork(db: Db, id: string) {
  const r = db.prepare('SELECT id, name, description FROM networks WHERE id = ?').get(id) as { id: string; name: string; description: string | null } | undefined;
  if (!r) throw new TeiaError('not-found', `The network "${id}" is not in the catalogue.`, undefined, { key: 'network-not-found', args: { id } });
  return r;
}

export function deleteNetwork(db: Db, id: string) {
  const n = requireNetwork(db, id);
  const members = db.prepare('SELECT enterprise_id FROM memberships WHERE network_id = ? ORDER BY enterprise_id').pluck().all(id) as string[];
  db.prepare('DELETE FROM networks WHERE id = ?').run(id);
  return { ...n, members };
}

export function addMembers(db: Db, network: string, enterprises: string[]) {
  requireNetwork(db, network);
  const ids = [...new Set(enterprises)];
  const missing = db
    .prepare('SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM enterprises)')
    .pluck()
    .all(JSON.stringify(ids)) as string[];
  if (missing.length) {
    const list = missing.slice(0, 5).map((m) => `"${m}"`).join(', ');
    throw new TeiaError('not-found', `Not in the catalogue: ${list}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}. No one was added.`);
  }
  const insert = db.prepare(
    `INSERT OR IGNORE INTO memberships (network_id, enterprise_id, position)
     VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM memberships WHERE enterprise_id = ?))`,
  );
  const added = ids.filter((e) => insert.run(network, e, e).changes > 0);
  return { added };
}

export function removeMembers(db: Db, network: string, enterprises: string[]) {
  requireNetwork(db, network);
  const removed = db
    .prepare('DELETE FROM memberships WHERE network_id = ? AND enterprise_id IN (SELECT value FROM json_each(?)) RETURNING enterprise_id')
    .pluck()
    .all(network, JSON.stringify([...new Set(enterprises)])) as string[];
  return { removed: removed.sort() };
}
