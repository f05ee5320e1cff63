import type { Db } from '../db/open.ts';
import type { TeiaPackage } from '../../../shared/domain/package.ts';
import { writeEnterprise } from './enterprises.ts';

/**
 * Writes a package's records into the catalogue. The caller owns the transaction (an import
 * is all-or-nothing) and has already validated the package and its references.
 */
export function writePackage(db: Db, pkg: TeiaPackage, importId: number | null = null): void {
  const insertNetwork = db.prepare(
    `INSERT INTO networks (id, name, description, position) VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM networks))
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description`,
  );
  for (const n of pkg.networks ?? []) insertNetwork.run(n.id, n.name, n.description ?? null);

  const insertProduct = db.prepare(
    `INSERT INTO products (id, name, names, parent, unit, codes, import_id, position)
     VALUES (@id, @name, @names, @parent, @unit, @codes, @importId, (SELECT coalesce(max(position), 0) + 1 FROM products))
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, names = excluded.names, parent = excluded.parent,
       unit = excluded.unit, codes = excluded.codes`,
  );
  for (const p of pkg.products ?? []) {
    insertProduct.run({
      id: p.id,
      name: p.name,
      names: JSON.stringify(p.names ?? {}),
      parent: p.parent ?? null,
      unit: p.unit ?? null,
      codes: JSON.stringify(p.codes ?? {}),
      importId,
    });
  }
  for (const e of pkg.enterprises ?? []) writeEnterprise(db, e, { importId, sourceId: e.source ?? null });

  const insertOffer = db.prepare(
    `INSERT INTO offers (id, enterprise_id, product_id, capacity, price, currency, certifications, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const o of pkg.offers ?? []) {
    insertOffer.run(
      o.id ?? null,
      o.enterprise,
      o.product,
      o.capacity ?? null,
      o.price ?? null,
      o.currency ?? null,
      o.certifications ? JSON.stringify(o.certifications) : null,
      importId,
    );
  }
  const insertNeed = db.prepare('INSERT INTO needs (id, enterprise_id, product_id, quantity, import_id) VALUES (?, ?, ?, ?, ?)');
  for (const n of pkg.needs ?? []) insertNeed.run(n.id ?? null, n.enterprise, n.product, n.quantity, importId);
  const insertFlow = db.prepare(
    `INSERT INTO flows (id, supplier_id, buyer_id, product_id, quantity, value, currency, period, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of pkg.flows ?? []) {
    insertFlow.run(f.id ?? null, f.supplier, f.buyer, f.product, f.quantity, f.value ?? null, f.currency ?? null, f.period ?? null, importId);
  }
}
