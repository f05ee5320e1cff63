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

/** A JSON list of product ids with `from` replaced by `into` (once); null when it did not name `from`. */
function repointList(json: string | null, from: string, into: string): string | null {
  if (json === null) return null;
  const ids = JSON.parse(json) as string[];
  if (!ids.includes(from)) return null;
  return JSON.stringify([...new Set(ids.map((id) => (id === from ? into : id)))]);
}

export function mergeProducts(db: Db, from: string, into: string) {
  const removed = readProduct(db, from);
  const kept = readProduct(db, into);
  const extra = db.prepare('SELECT codes, position, import_id AS importId FROM products WHERE id = ?').get(from) as { codes: string; position: number; importId: number | null };
  const repoint = (table: 'offers' | 'needs' | 'flows') =>
    (db.prepare(`UPDATE ${table} SET product_id = ? WHERE product_id = ? RETURNING rowid`).pluck().all(into, from) as number[]).sort((a, b) => a - b);
  const offers = repoint('offers');
  const needs = repoint('needs');
  const flows = repoint('flows');
  // A voucher limited to the removed product, or a shop taking a currency only for it, now
  // means the one kept; the lists as they were go back with the answer, for undo.
  const currencies: { id: string; products: string }[] = [];
  for (const c of db.prepare('SELECT id, products FROM currencies WHERE products IS NOT NULL').all() as { id: string; products: string }[]) {
    const next = repointList(c.products, from, into);
    if (next === null) continue;
    db.prepare('UPDATE currencies SET products = ? WHERE id = ?').run(next, c.id);
    currencies.push(c);
  }
  const acceptances: { enterprise: string; currency: string; products: string }[] = [];
  const accepting = db.prepare('SELECT enterprise_id AS enterprise, currency_id AS currency, products FROM enterprise_currencies WHERE products IS NOT NULL').all() as {
    enterprise: string;
    currency: string;
    products: string;
  }[];
  for (const a of accepting) {
    const next = repointList(a.products, from, into);
    if (next === null) continue;
    db.prepare('UPDATE enterprise_currencies SET products = ? WHERE enterprise_id = ? AND currency_id = ?').run(next, a.enterprise, a.currency);
    acceptances.push(a);
  }
  // The one kept may sit below the one removed: lift it to where the removed one was first,
  // or its new children would be its own ancestors.
  const keptParent = kept.parent;
  if (ancestors(db, kept.id).includes(removed.id)) db.prepare('UPDATE products SET parent = ? WHERE id = ?').run(removed.parent, kept.id);
  const children = db.prepare('UPDATE products SET parent = ? WHERE parent = ? AND id != ? RETURNING id').pluck().all(into, from, into) as string[];
  db.prepare('DELETE FROM products WHERE id = ?').run(from);
  return {
    removed,
    into,
    offers,
    needs,
    flows,
    children: children.sort(),
    restore: { codes: extra.codes, position: extra.position, importId: extra.importId, keptParent, currencies, acceptances },
  };
}

export type MergeAnswer = ReturnType<typeof mergeProducts>;

/**
 * Undoes a merge from its answer: the removed product comes back with its codes and place, and
 * the rows the merge re-pointed go back to it — only those still pointing at the kept product,
 * so an edit made since is not overwritten.
 */
export function unmergeProducts(db: Db, m: MergeAnswer) {
  if (db.prepare('SELECT 1 FROM products WHERE id = ?').get(m.removed.id)) {
    throw new TeiaError('conflict', `“${m.removed.name}” is in the catalogue again, so the merge cannot be undone.`);
  }
  readProduct(db, m.into);
  db.prepare('INSERT INTO products (id, name, names, parent, unit, codes, import_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    m.removed.id,
    m.removed.name,
    JSON.stringify(m.removed.names),
    m.removed.parent,
    m.removed.unit,
    m.restore.codes,
    m.restore.importId,
    m.restore.position,
  );
  const back = (table: 'offers' | 'needs' | 'flows', rows: number[]) =>
    db.prepare(`UPDATE ${table} SET product_id = ? WHERE product_id = ? AND rowid IN (SELECT value FROM json_each(?))`).run(m.removed.id, m.into, JSON.stringify(rows)).changes;
  const moved = { offers: back('offers', m.offers), needs: back('needs', m.needs), flows: back('flows', m.flows) };
  db.prepare('UPDATE products SET parent = ? WHERE parent = ? AND id IN (SELECT value FROM json_each(?))').run(m.removed.id, m.into, JSON.stringify(m.children));
  db.prepare('UPDATE products SET parent = ? WHERE id = ?').run(m.restore.keptParent, m.into);
  for (const c of m.restore.currencies) db.prepare('UPDATE currencies SET products = ? WHERE id = ?').run(c.products, c.id);
  for (const a of m.restore.acceptances) {
    db.prepare('UPDATE enterprise_currencies SET products = ? WHERE enterprise_id = ? AND currency_id = ?').run(a.products, a.enterprise, a.currency);
  }
  return { product: readProduct(db, m.removed.id), ...moved };
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
