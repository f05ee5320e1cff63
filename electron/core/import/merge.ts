import { acceptanceFromRow, acceptedCurrency } from '../catalogue/acceptance.ts';
import type { Db } from '../db/open.ts';
import type { Acceptance, Enterprise } from '../../../shared/domain/package.ts';
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
    else if (key === 'currencies') {
      // One entry per currency (the first counts): the catalogue's terms stay, new currencies are added.
      const listed = new Set((a as Acceptance[]).map(acceptedCurrency));
      const added = (b as Acceptance[]).filter((x) => !listed.has(acceptedCurrency(x)));
      if (added.length) out[key] = [...(a as Acceptance[]), ...added];
    } else if (Array.isArray(a) && Array.isArray(b)) out[key] = [...new Set([...(a as unknown[]), ...(b as unknown[])])];
    else if (key === 'criteria') {
      // Known assessments stay, in their order; criteria only the incoming record has are added.
      const known = a as Record<string, number>;
      const added = Object.entries(b as Record<string, number>).filter(([c]) => !(c in known));
      if (added.length) out[key] = { ...known, ...Object.fromEntries(added) };
    }
  }
  return out as Enterprise;
}

/** Package field ← column, for the scalar fields (the order readPackage gives them in). */
const scalars: [keyof Enterprise, string][] = [
  ['nickname', 'nickname'], ['description', 'description'], ['legalForm', 'legal_form'], ['organisationalStructure', 'organisational_structure'],
  ['street', 'street'], ['locality', 'locality'], ['region', 'region'], ['postcode', 'postcode'], ['country', 'country'],
  ['lat', 'lat'], ['lon', 'lon'], ['website', 'website'], ['email', 'email'], ['phone', 'phone'], ['source', 'source'],
];

/** Statements prepared once per connection: a re-import merges thousands of records. */
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  const list = (sql: string) => db.prepare(sql).pluck();
  return {
    row: db.prepare('SELECT * FROM enterprises WHERE id = ?'),
    activities: list('SELECT code FROM enterprise_activities WHERE enterprise_id = ? ORDER BY position'),
    qualifiers: list('SELECT code FROM enterprise_qualifiers WHERE enterprise_id = ? ORDER BY position'),
    currencies: db.prepare('SELECT currency_id, share, products, as_object FROM enterprise_currencies WHERE enterprise_id = ? ORDER BY position').raw(),
    networks: list('SELECT network_id FROM memberships WHERE enterprise_id = ? ORDER BY position'),
    criteria: db.prepare('SELECT criterion, value FROM criteria WHERE enterprise_id = ? ORDER BY position').raw(),
  };
}

interface Current {
  enterprise: Enterprise;
  importId: number | null;
  sourceRow: number | null;
  sourceId: string | null;
  extra: Record<string, unknown>;
  classified: boolean;
}

function readCurrent(db: Db, id: string): Current | null {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  const row = s.row.get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const e: Record<string, unknown> = { id, name: row.name, solidarity: row.solidarity === 1 };
  for (const [field, column] of scalars) if (row[column] !== null) e[field] = row[column];
  const lists = [['activities', s.activities], ['qualifiers', s.qualifiers], ['networks', s.networks]] as const;
  for (const [field, stmt] of lists) {
    const values = stmt.all(id) as string[];
    if (values.length) e[field] = values;
  }
  const accepted = (s.currencies.all(id) as [string, number | null, string | null, number][]).map(([c, share, products, asObject]) => acceptanceFromRow(c, share, products, asObject));
  if (accepted.length) e.currencies = accepted;
  const criteria = s.criteria.all(id) as [string, number][];
  if (criteria.length) e.criteria = Object.fromEntries(criteria);
  return {
    enterprise: e as Enterprise,
    importId: row.import_id as number | null,
    sourceRow: row.source_row as number | null,
    sourceId: row.source_id as string | null,
    extra: row.extra ? (JSON.parse(row.extra as string) as Record<string, unknown>) : {},
    classified: row.classified !== 0,
  };
}

/**
 * Merges `incoming` into the catalogue's `existingId` and writes the result; a record that
 * brings nothing new is not written at all (a directory imported again changes nothing).
 */
export function mergeInto(
  db: Db,
  writer: CatalogueWriter,
  existingId: string,
  incoming: Enterprise,
  incomingProv: { sourceId?: string | null; extra?: Record<string, unknown> | null; classified?: boolean } = {},
): void {
  const current = readCurrent(db, existingId);
  if (!current) throw new Error(`merge target ${existingId} vanished`);
  const merged = mergedEnterprise(current.enterprise, { ...incoming, id: existingId });
  // A decision already made stands; an undecided record takes the incoming file's decision.
  const decides = !current.classified && incomingProv.classified !== false;
  if (decides) merged.solidarity = incoming.solidarity;
  const extra = { ...(incomingProv.extra ?? {}), ...current.extra };
  const sourceId = current.sourceId ?? incomingProv.sourceId ?? null;
  const unchanged =
    JSON.stringify(merged) === JSON.stringify(current.enterprise) &&
    Object.keys(extra).length === Object.keys(current.extra).length &&
    sourceId === current.sourceId &&
    !decides;
  if (unchanged) return;
  writer.enterprise(merged, { importId: current.importId, sourceRow: current.sourceRow, sourceId, extra, classified: current.classified || decides });
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
