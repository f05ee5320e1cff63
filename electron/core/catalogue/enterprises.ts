import { acceptanceFromRow, acceptanceToRow } from './acceptance.ts';
import type { Db } from '../db/open.ts';
import type { Enterprise } from '../../../shared/domain/package.ts';
import type { EnterpriseSummary } from '../../../shared/contract/catalogue.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';

/** Row of the enterprises table as SQLite returns it. */
interface EnterpriseRow {
  id: string;
  name: string;
  nickname: string | null;
  description: string | null;
  solidarity: 0 | 1;
  legal_form: string | null;
  organisational_structure: string | null;
  street: string | null;
  locality: string | null;
  region: string | null;
  postcode: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  source: string | null;
  source_id: string | null;
  import_id: number | null;
  source_row: number | null;
  extra: string | null;
  classified: 0 | 1;
  created_at: string;
  updated_at: string;
}

/** Package field ↔ column, for the scalar fields. */
const scalarColumns = {
  nickname: 'nickname',
  description: 'description',
  legalForm: 'legal_form',
  organisationalStructure: 'organisational_structure',
  street: 'street',
  locality: 'locality',
  region: 'region',
  postcode: 'postcode',
  country: 'country',
  lat: 'lat',
  lon: 'lon',
  website: 'website',
  email: 'email',
  phone: 'phone',
  source: 'source',
} as const;

export interface WriteProvenance {
  importId?: number | null;
  sourceRow?: number | null;
  sourceId?: string | null;
  /** Attributes from the source that have no column of their own. */
  extra?: Record<string, unknown> | null;
}

/**
 * Inserts or replaces one enterprise with its activities, qualifiers, criteria, currencies and
 * memberships. Call inside a transaction; unknown currencies and networks are created.
 */
export function writeEnterprise(db: Db, e: Enterprise, prov: WriteProvenance = {}): void {
  const row: Record<string, unknown> = {
    id: e.id,
    name: e.name,
    solidarity: e.solidarity ? 1 : 0,
    source_id: prov.sourceId ?? null,
    import_id: prov.importId ?? null,
    source_row: prov.sourceRow ?? null,
    extra: prov.extra && Object.keys(prov.extra).length ? JSON.stringify(prov.extra) : null,
  };
  for (const [field, column] of Object.entries(scalarColumns)) row[column] = (e as Record<string, unknown>)[field] ?? null;
  const columns = Object.keys(row);
  db.prepare(
    `INSERT INTO enterprises (${columns.join(', ')}, position)
     VALUES (${columns.map((c) => '@' + c).join(', ')}, (SELECT coalesce(max(position), 0) + 1 FROM enterprises))
     ON CONFLICT(id) DO UPDATE SET ${columns
       .filter((c) => c !== 'id')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(row);
  replaceList(db, 'enterprise_activities', 'code', e.id, e.activities);
  replaceList(db, 'enterprise_qualifiers', 'code', e.id, e.qualifiers);
  db.prepare('DELETE FROM criteria WHERE enterprise_id = ?').run(e.id);
  const insertCriterion = db.prepare('INSERT INTO criteria (enterprise_id, criterion, value, position) VALUES (?, ?, ?, ?)');
  Object.entries(e.criteria ?? {}).forEach(([c, v], i) => insertCriterion.run(e.id, c, v, i));
  // An accepted currency nobody defined is kept with no kind (ENGINE.md §3.8); only its first entry counts.
  db.prepare('DELETE FROM enterprise_currencies WHERE enterprise_id = ?').run(e.id);
  (e.currencies ?? []).forEach((a, i) => {
    const row = acceptanceToRow(a);
    db.prepare("INSERT OR IGNORE INTO currencies (id, name, kind, position) VALUES (?, ?, NULL, (SELECT coalesce(max(position), 0) + 1 FROM currencies))").run(row.currency, row.currency);
    db.prepare('INSERT OR IGNORE INTO enterprise_currencies (enterprise_id, currency_id, position, share, products, as_object) VALUES (?, ?, ?, ?, ?, ?)').run(e.id, row.currency, i, row.share, row.products, row.asObject);
  });
  for (const n of e.networks ?? []) db.prepare('INSERT OR IGNORE INTO networks (id, name) VALUES (?, ?)').run(n, n);
  db.prepare('DELETE FROM memberships WHERE enterprise_id = ?').run(e.id);
  const insertMembership = db.prepare('INSERT OR IGNORE INTO memberships (network_id, enterprise_id, position) VALUES (?, ?, ?)');
  (e.networks ?? []).forEach((n, i) => insertMembership.run(n, e.id, i));
}

function replaceList(db: Db, table: string, column: string, enterpriseId: string, values: readonly string[] | undefined) {
  db.prepare(`DELETE FROM ${table} WHERE enterprise_id = ?`).run(enterpriseId);
  const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (enterprise_id, ${column}, position) VALUES (?, ?, ?)`);
  (values ?? []).forEach((v, i) => insert.run(enterpriseId, v, i));
}

/** One enterprise in the package's shape, with its provenance; null when absent. */
export function readEnterprise(db: Db, id: string) {
  const row = db.prepare('SELECT * FROM enterprises WHERE id = ?').get(id) as EnterpriseRow | undefined;
  if (!row) return null;
  const e: Enterprise = { id: row.id, name: row.name, solidarity: row.solidarity === 1 };
  for (const [field, column] of Object.entries(scalarColumns)) {
    const v = row[column as keyof EnterpriseRow];
    if (v !== null && v !== undefined) (e as Record<string, unknown>)[field] = v;
  }
  const list = (sql: string) => (db.prepare(sql).pluck().all(id) as string[]);
  const activities = list('SELECT code FROM enterprise_activities WHERE enterprise_id = ? ORDER BY position');
  if (activities.length) e.activities = activities;
  const qualifiers = list('SELECT code FROM enterprise_qualifiers WHERE enterprise_id = ? ORDER BY position');
  if (qualifiers.length) e.qualifiers = qualifiers;
  const criteria = db
    .prepare('SELECT criterion, value FROM criteria WHERE enterprise_id = ? ORDER BY position')
    .all(id) as { criterion: string; value: number }[];
  if (criteria.length) e.criteria = Object.fromEntries(criteria.map((c) => [c.criterion, c.value]));
  // With share and products (ENGINE.md §3.8): read as ids only, an edit of any other field wrote the limits away.
  const currencies = db
    .prepare('SELECT currency_id, share, products, as_object FROM enterprise_currencies WHERE enterprise_id = ? ORDER BY position')
    .all(id) as { currency_id: string; share: number | null; products: string | null; as_object: number }[];
  if (currencies.length) e.currencies = currencies.map((r) => acceptanceFromRow(r.currency_id, r.share, r.products, r.as_object));
  const networks = list('SELECT network_id FROM memberships WHERE enterprise_id = ? ORDER BY position');
  if (networks.length) e.networks = networks;
  return {
    ...e,
    classified: row.classified !== 0,
    importId: row.import_id,
    sourceRow: row.source_row,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns a directory row shows, as SQLite returns them. */
export type SummaryRowColumns = Pick<
  EnterpriseRow,
  'id' | 'name' | 'solidarity' | 'locality' | 'region' | 'country' | 'organisational_structure' | 'lat' | 'lon'
>;

/** A directory row from its columns: the one mapping every list of enterprises uses. */
export function summaryFromRow(r: SummaryRowColumns): EnterpriseSummary {
  return {
    id: r.id,
    name: r.name,
    solidarity: r.solidarity === 1,
    locality: r.locality,
    region: r.region,
    country: r.country,
    organisationalStructure: r.organisational_structure,
    lat: r.lat,
    lon: r.lon,
  };
}

export function listEnterprises(db: Db, offset: number, limit: number): { total: number; items: EnterpriseSummary[] } {
  const total = db.prepare('SELECT count(*) FROM enterprises').pluck().get() as number;
  const rows = db
    .prepare(
      `SELECT id, name, solidarity, locality, region, country, organisational_structure, lat, lon
       FROM enterprises ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as EnterpriseRow[];
  return {
    total,
    items: rows.map(summaryFromRow),
  };
}

/** A readable, unique id from a name: "Recicla Coop" → "recicla-coop", then "-2", "-3"… */
export function newEnterpriseId(db: Db, name: string): string {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'enterprise';
  const exists = db.prepare('SELECT 1 FROM enterprises WHERE id = ?').pluck();
  if (!exists.get(base)) return base;
  for (let i = 2; ; i++) if (!exists.get(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * What a rewrite of a stored enterprise must carry over untouched: where it came from and the
 * source attributes that have no field of their own.
 */
export function storedProvenance(db: Db, id: string): WriteProvenance {
  const row = db.prepare('SELECT import_id, source_row, source_id, extra FROM enterprises WHERE id = ?').get(id) as
    | Pick<EnterpriseRow, 'import_id' | 'source_row' | 'source_id' | 'extra'>
    | undefined;
  if (!row) return {};
  return {
    importId: row.import_id,
    sourceRow: row.source_row,
    sourceId: row.source_id,
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : null,
  };
}

export function requireEnterprise(db: Db, id: string) {
  const e = readEnterprise(db, id);
  if (!e) throw new TeiaError('not-found', `No enterprise has the id "${id}". It may have been deleted.`, undefined, { key: 'enterprise-not-found', args: { id: id } });
  return e;
}
