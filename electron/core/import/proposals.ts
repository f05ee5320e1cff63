import type { Db } from '../db/open.ts';
import type { MergeProposal, ProposalRecord } from '../../../shared/contract/import.ts';
import { evidenceText, type Evidence } from '../../../shared/domain/match.ts';
import { haversineKm } from '../../../shared/engine/geo.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { readEnterprise } from '../catalogue/enterprises.ts';
import { CatalogueWriter } from '../catalogue/write-package.ts';
import { mergeInto, repointAndDelete } from './merge.ts';

const sideColumns = ['name', 'nickname', 'street', 'locality', 'postcode', 'region', 'country', 'lat', 'lon', 'website', 'email', 'phone', 'source'] as const;
type Side = Record<(typeof sideColumns)[number] | 'import_file', string | number | null>;

interface ProposalRow {
  id: number;
  import_id: number | null;
  existing_id: string;
  incoming_id: string;
  reasons: string;
  created_at: string;
  [column: string]: unknown;
}

const side = (alias: string, prefix: string) =>
  [...sideColumns.map((c) => `${alias}.${c} AS ${prefix}_${c}`), `(SELECT file_name FROM imports WHERE id = ${alias}.import_id) AS ${prefix}_import_file`].join(', ');

const select = `
  SELECT p.*, ${side('x', 'existing')}, ${side('i', 'incoming')}
  FROM merge_proposals p
  JOIN enterprises x ON x.id = p.existing_id
  JOIN enterprises i ON i.id = p.incoming_id`;

function sideOf(r: ProposalRow, prefix: 'existing' | 'incoming', id: string): ProposalRecord {
  const v = (c: string) => r[`${prefix}_${c}`] as Side[keyof Side];
  const str = (c: string) => (v(c) === null ? null : String(v(c)));
  const num = (c: string) => (typeof v(c) === 'number' ? (v(c) as number) : null);
  return {
    id,
    name: String(v('name')),
    nickname: str('nickname'),
    street: str('street'),
    locality: str('locality'),
    postcode: str('postcode'),
    region: str('region'),
    country: str('country'),
    lat: num('lat'),
    lon: num('lon'),
    website: str('website'),
    email: str('email'),
    phone: str('phone'),
    source: str('source'),
    importFile: str('import_file'),
  };
}

/**
 * The reasons column holds the matcher's {score, decision, evidence}; proposals written before
 * the matcher hold an array of English phrases.
 */
function reasonsOf(text: string): { score: number | null; evidence: Evidence[]; reasons: string[] } {
  const parsed = JSON.parse(text) as unknown;
  if (Array.isArray(parsed)) return { score: null, evidence: [], reasons: parsed.map(String) };
  const { score, evidence } = parsed as { score: number; evidence: Evidence[] };
  return { score, evidence, reasons: evidence.map(evidenceText) };
}

function fromRow(r: ProposalRow): MergeProposal {
  const existing = sideOf(r, 'existing', r.existing_id);
  const incoming = sideOf(r, 'incoming', r.incoming_id);
  const located = existing.lat !== null && existing.lon !== null && incoming.lat !== null && incoming.lon !== null;
  return {
    id: r.id,
    importId: r.import_id,
    existing,
    incoming,
    ...reasonsOf(r.reasons),
    distanceKm: located ? Math.round(haversineKm(existing.lat!, existing.lon!, incoming.lat!, incoming.lon!) * 1000) / 1000 : null,
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
    if (!row) throw new TeiaError('not-found', `There is no pending duplicate proposal ${id}; it may have been answered already.`, undefined, { key: 'proposal-gone' });
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
