import type { Db } from '../db/open.ts';
import type { MergeProposal } from '../../../shared/contract/import.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { readEnterprise } from '../catalogue/enterprises.ts';
import { CatalogueWriter } from '../catalogue/write-package.ts';
import { mergeInto, repointAndDelete } from './merge.ts';

interface ProposalRow {
  id: number;
  import_id: number | null;
  existing_id: string;
  incoming_id: string;
  reasons: string;
  created_at: string;
  existing_name: string;
  existing_locality: string | null;
  existing_postcode: string | null;
  incoming_name: string;
  incoming_locality: string | null;
  incoming_postcode: string | null;
}

const select = `
  SELECT p.*, x.name AS existing_name, x.locality AS existing_locality, x.postcode AS existing_postcode,
         i.name AS incoming_name, i.locality AS incoming_locality, i.postcode AS incoming_postcode
  FROM merge_proposals p
  JOIN enterprises x ON x.id = p.existing_id
  JOIN enterprises i ON i.id = p.incoming_id`;

function fromRow(r: ProposalRow): MergeProposal {
  return {
    id: r.id,
    importId: r.import_id,
    existing: { id: r.existing_id, name: r.existing_name, locality: r.existing_locality, postcode: r.existing_postcode },
    incoming: { id: r.incoming_id, name: r.incoming_name, locality: r.incoming_locality, postcode: r.incoming_postcode },
    reasons: JSON.parse(r.reasons) as string[],
    createdAt: r.created_at,
  };
}

/** Pending proposals, oldest first. */
export function listProposals(db: Db): MergeProposal[] {
  return (db.prepare(`${select} ORDER BY p.id`).all() as ProposalRow[]).map(fromRow);
}

export type Resolution = 'merge' | 'keep-both' | 'skip';

/**
 * Answers one proposal. merge: the incoming record's fields fill the existing one's gaps, its
 * offers, needs and flows move over, and the copy goes. keep-both: they are different
 * enterprises. skip: the incoming copy goes, its offers/needs/flows move to the existing one
 * (it is the same enterprise) but none of its fields are taken.
 * Returns the id of the enterprise that remains.
 */
export function resolveProposal(db: Db, id: number, action: Resolution): string {
  return db.transaction(() => {
    const row = db.prepare(`${select} WHERE p.id = ?`).get(id) as ProposalRow | undefined;
    if (!row) throw new TeiaError('not-found', `There is no pending duplicate proposal ${id}; it may have been answered already.`);
    db.prepare('DELETE FROM merge_proposals WHERE id = ?').run(id);
    if (action === 'keep-both') return row.incoming_id;
    if (action === 'merge') {
      const incoming = readEnterprise(db, row.incoming_id);
      if (incoming) {
        const { importId, sourceRow, createdAt, updatedAt, ...fields } = incoming;
        void importId; void sourceRow; void createdAt; void updatedAt;
        const prov = db.prepare('SELECT source_id, extra FROM enterprises WHERE id = ?').get(row.incoming_id) as {
          source_id: string | null;
          extra: string | null;
        };
        mergeInto(db, new CatalogueWriter(db), row.existing_id, fields, {
          sourceId: prov.source_id,
          extra: prov.extra ? (JSON.parse(prov.extra) as Record<string, unknown>) : null,
        });
      }
    }
    // Other proposals about the copy now concern the record it became part of.
    db.prepare('UPDATE OR IGNORE merge_proposals SET incoming_id = ? WHERE incoming_id = ?').run(row.existing_id, row.incoming_id);
    db.prepare('UPDATE OR IGNORE merge_proposals SET existing_id = ? WHERE existing_id = ?').run(row.existing_id, row.incoming_id);
    db.prepare('DELETE FROM merge_proposals WHERE existing_id = incoming_id').run();
    repointAndDelete(db, row.incoming_id, row.existing_id);
    return row.existing_id;
  }).immediate();
}
