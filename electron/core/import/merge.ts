import type { Db } from '../db/open.ts';
import type { Enterprise } from '../../../shared/domain/package.ts';
import { readEnterprise } from '../catalogue/enterprises.ts';
import type { CatalogueWriter } from '../catalogue/write-package.ts';

/**
 * Merging an incoming record into one already in the catalogue: what the catalogue knows is
 * kept, what it did not know is filled in from the incoming record, lists are united. The
 * existing record keeps its provenance (which import, which line, its source id).
 */
export function mergedEnterprise(existing: Enterprise, incoming: Enterprise): Enterprise {
  const out: Record<string, unknown> = { ...existing };
  const inc = incoming as Record<string, unknown>;
  for (const key of Object.keys(inc)) {
    if (key === 'id') continue;
    const a = out[key];
    const b = inc[key];
    if (b === undefined || b === null) continue;
    if (a === undefined || a === null || a === '') out[key] = b;
    else if (Array.isArray(a) && Array.isArray(b)) out[key] = [...new Set([...(a as unknown[]), ...(b as unknown[])])];
    else if (key === 'criteria') out[key] = { ...(b as object), ...(a as object) };
  }
  return out as Enterprise;
}

interface Provenance {
  import_id: number | null;
  source_row: number | null;
  source_id: string | null;
  extra: string | null;
}

/** Merges `incoming` into the catalogue's `existingId` and writes the result. */
export function mergeInto(
  db: Db,
  writer: CatalogueWriter,
  existingId: string,
  incoming: Enterprise,
  incomingProv: { sourceId?: string | null; extra?: Record<string, unknown> | null } = {},
): void {
  const current = readEnterprise(db, existingId);
  if (!current) throw new Error(`merge target ${existingId} vanished`);
  const { importId, sourceRow, createdAt, updatedAt, ...existing } = current;
  void importId; void sourceRow; void createdAt; void updatedAt;
  const prov = db
    .prepare('SELECT import_id, source_row, source_id, extra FROM enterprises WHERE id = ?')
    .get(existingId) as Provenance;
  const extra = { ...(incomingProv.extra ?? {}), ...(prov.extra ? (JSON.parse(prov.extra) as Record<string, unknown>) : {}) };
  writer.enterprise(mergedEnterprise(existing, { ...incoming, id: existingId }), {
    importId: prov.import_id,
    sourceRow: prov.source_row,
    sourceId: prov.source_id ?? incomingProv.sourceId ?? null,
    extra,
  });
}

/**
 * Moves everything that points at enterprise `from` to `to` (offers, needs, flows, the
 * currencies it issues), then deletes `from`. Used when a person confirms that
 * an imported record is the same enterprise as one already in the catalogue.
 */
export function repointAndDelete(db: Db, from: string, to: string): void {
  db.prepare('UPDATE offers SET enterprise_id = ? WHERE enterprise_id = ?').run(to, from);
  db.prepare('UPDATE needs SET enterprise_id = ? WHERE enterprise_id = ?').run(to, from);
  db.prepare('UPDATE flows SET supplier_id = ? WHERE supplier_id = ?').run(to, from);
  db.prepare('UPDATE flows SET buyer_id = ? WHERE buyer_id = ?').run(to, from);
  db.prepare('UPDATE currencies SET issuer = ? WHERE issuer = ?').run(to, from);
  db.prepare('DELETE FROM enterprises WHERE id = ?').run(from);
}
