import type { Db } from '../db/open.ts';
import type { EnterpriseSummary } from '../../../shared/contract/catalogue.ts';
import { summaryFromRow, type SummaryRowColumns } from './enterprises.ts';

/** The "to classify" list: enterprises an import left undecided (partial index enterprises_unclassified). */
export function listUnclassified(db: Db, offset: number, limit: number): { total: number; items: (EnterpriseSummary & { legalForm: string | null })[] } {
  const total = db.prepare('SELECT count(*) FROM enterprises WHERE classified = 0').pluck().get() as number;
  const rows = db
    .prepare(
      `SELECT id, name, solidarity, locality, region, country, organisational_structure, lat, lon, legal_form
       FROM enterprises WHERE classified = 0 ORDER BY position LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as (SummaryRowColumns & { legal_form: string | null })[];
  return { total, items: rows.map((r) => ({ ...summaryFromRow(r), legalForm: r.legal_form })) };
}

/** A person's decision for each id; ids not in the catalogue are returned, not an error (a list may be stale). */
export function classifyEnterprises(db: Db, ids: readonly string[], solidarity: boolean): { updated: number; missing: string[] } {
  const update = db.prepare(
    "UPDATE enterprises SET solidarity = ?, classified = 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
  );
  const missing: string[] = [];
  let updated = 0;
  db.transaction(() => {
    for (const id of new Set(ids)) {
      if (update.run(solidarity ? 1 : 0, id).changes) updated++;
      else missing.push(id);
    }
  }).immediate();
  return { updated, missing };
}
