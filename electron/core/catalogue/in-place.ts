import type { Db } from '../db/open.ts';
import { newEnterpriseId, writeEnterprise } from './enterprises.ts';
import { requireProduct } from './chain-records.ts';

/**
 * Records created in place while typing a chain ("create new" in an autocomplete).
 * Call inside a transaction.
 */

/**
 * A supplier or buyer typed by name: only the name is known. It is recorded as not solidarity
 * (the engine's reading of "not confirmed") and not yet classified, so it is listed to classify
 * instead of being taken for a decision someone made.
 */
export function createPartner(db: Db, name: string): { id: string; name: string } {
  const id = newEnterpriseId(db, name);
  writeEnterprise(db, { id, name, solidarity: false }, { sourceId: null });
  db.prepare('UPDATE enterprises SET classified = 0 WHERE id = ?').run(id);
  return { id, name };
}

/**
 * A readable id unique in `table`, from a name: "Green coffee" → "green-coffee", then "-2"…
 * (the same shape newEnterpriseId gives enterprises).
 */
export function slugId(db: Db, table: 'products' | 'networks', name: string, fallback: string): string {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback;
  const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck();
  if (!exists.get(base)) return base;
  for (let i = 2; ; i++) if (!exists.get(`${base}-${i}`)) return `${base}-${i}`;
}

export function createProduct(
  db: Db,
  p: { name: string; names?: Partial<Record<string, string>>; parent?: string | null; unit?: string },
): { id: string; name: string } {
  if (p.parent) requireProduct(db, p.parent);
  const id = slugId(db, 'products', p.name, 'product');
  db.prepare(
    `INSERT INTO products (id, name, names, parent, unit, position)
     VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM products))`,
  ).run(id, p.name, JSON.stringify(p.names ?? {}), p.parent ?? null, p.unit ?? null);
  return { id, name: p.name };
}
