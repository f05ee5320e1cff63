import type { Db } from '../db/open.ts';
import type { Currency, Enterprise, Flow, Need, Network, Offer, Product, TeiaPackage } from '../../../shared/domain/package.ts';
import { acceptanceToRow } from './acceptance.ts';
import { foldKey } from '../db/sort-key.ts';

/** Where a record came from: the import run, its line, its id in the source, unplaced attributes. */
export interface RecordProvenance {
  importId?: number | null;
  sourceRow?: number | null;
  sourceId?: string | null;
  extra?: Record<string, unknown> | null;
  /** False when nobody has decided yet whether it is solidarity (default: decided). */
  classified?: boolean;
}

const flowUpsert = `INSERT INTO flows (id, supplier_id, buyer_id, product_id, quantity, value, currency, period, import_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(id) DO UPDATE SET supplier_id = excluded.supplier_id, buyer_id = excluded.buyer_id,
    product_id = excluded.product_id, quantity = excluded.quantity, value = excluded.value,
    currency = excluded.currency, period = excluded.period, import_id = excluded.import_id`;

/** An INSERT of an enterprise's list rows, less its VALUES, and how many values a row has. */
interface ListInsert {
  head: string;
  columns: number;
}
// Only the first entry for a code counts (OR IGNORE), as in the list itself; criteria are an
// object, one entry each.
const ACTIVITIES: ListInsert = { head: 'INSERT OR IGNORE INTO enterprise_activities (enterprise_id, code, position)', columns: 3 };
const QUALIFIERS: ListInsert = { head: 'INSERT OR IGNORE INTO enterprise_qualifiers (enterprise_id, code, position)', columns: 3 };
const CRITERIA_ROWS: ListInsert = { head: 'INSERT OR REPLACE INTO criteria (enterprise_id, criterion, value, position)', columns: 4 };
const MEMBERSHIPS: ListInsert = { head: 'INSERT OR IGNORE INTO memberships (network_id, enterprise_id, position)', columns: 3 };
/** Rows per INSERT of a list, far under SQLite's limit on a statement's values. */
const MAX_LIST_ROWS = 64;

/**
 * Flows per statement in flowsOnce. Measured, a million flows into an empty table with the
 * same unique index and upsert: 4.2–4.3 s one per statement, 2.7–3.2 s eight per statement,
 * 2.6–3.2 s thirty-two.
 */
export const FLOW_BATCH = 32;
/** An upsert that does not overwrite a flow the same import wrote (flowOnce's), FLOW_BATCH rows at a time. */
const flowOnceUpsert = `${flowUpsert} WHERE flows.import_id IS NOT excluded.import_id`;
const flowBatchUpsert = flowOnceUpsert.replace('VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', `VALUES ${Array(FLOW_BATCH).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);

/**
 * Writes package records with statements prepared once: an import of a million flows cannot
 * afford a prepare per row. Positions are handed out here (not with max()+1 per insert) so
 * that export gives records back in the order they were first written. The caller owns the
 * transaction and has already checked references.
 */
export class CatalogueWriter {
  private readonly s;
  private nextPosition: { products: number; enterprises: number; networks: number; currencies: number };
  /**
   * Networks and currencies known to exist (written, or found, by this writer): a membership or
   * an acceptance then needs no INSERT OR IGNORE of its network or currency per row. Nothing
   * deletes either while a writer is in use (one import, one transaction).
   */
  private readonly present = { networks: new Set<string>(), currencies: new Set<string>() };

  constructor(private readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      network: p(
        `INSERT INTO networks (id, name, description, position) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description`,
      ),
      networkIfMissing: p('INSERT OR IGNORE INTO networks (id, name, position) VALUES (?, ?, ?)'),
      product: p(
        `INSERT INTO products (id, name, names, parent, unit, codes, import_id, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, names = excluded.names, parent = excluded.parent,
           unit = excluded.unit, codes = excluded.codes, import_id = excluded.import_id`,
      ),
      enterprise: p(
        `INSERT INTO enterprises (id, name, nickname, description, solidarity, legal_form, organisational_structure, street,
           locality, region, postcode, country, lat, lon, website, email, phone, source, source_id, import_id,
           source_row, extra, classified, position, name_key, locality_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, nickname = excluded.nickname, description = excluded.description,
           solidarity = excluded.solidarity, legal_form = excluded.legal_form,
           organisational_structure = excluded.organisational_structure, street = excluded.street,
           locality = excluded.locality, region = excluded.region, postcode = excluded.postcode,
           country = excluded.country, lat = excluded.lat, lon = excluded.lon, website = excluded.website,
           email = excluded.email, phone = excluded.phone, source = excluded.source, source_id = excluded.source_id,
           import_id = excluded.import_id, source_row = excluded.source_row, extra = excluded.extra,
           classified = excluded.classified, name_key = excluded.name_key, locality_key = excluded.locality_key, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      ),
      deleteActivities: p('DELETE FROM enterprise_activities WHERE enterprise_id = ?'),
      deleteQualifiers: p('DELETE FROM enterprise_qualifiers WHERE enterprise_id = ?'),
      deleteCriteria: p('DELETE FROM criteria WHERE enterprise_id = ?'),
      // An accepted currency nobody defined is kept with no kind (ENGINE.md §3.8: kind null).
      currencyIfMissing: p('INSERT OR IGNORE INTO currencies (id, name, kind, position) VALUES (?, ?, NULL, ?)'),
      deleteCurrencies: p('DELETE FROM enterprise_currencies WHERE enterprise_id = ?'),
      // Only the first entry for a currency counts (§3.8): later ones are ignored.
      currency: p('INSERT OR IGNORE INTO enterprise_currencies (enterprise_id, currency_id, position, share, products, as_object) VALUES (?, ?, ?, ?, ?, ?)'),
      currencyDefinition: p(
        `INSERT INTO currencies (id, name, kind, unit, rate, issuer, backing, description, products, position)
         VALUES (@id, @name, @kind, @unit, @rate, @issuer, @backing, @description, @products, @position)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, unit = excluded.unit, rate = excluded.rate,
           issuer = excluded.issuer, backing = excluded.backing, description = excluded.description, products = excluded.products,
           position = CASE WHEN currencies.kind IS NULL THEN excluded.position ELSE currencies.position END`,
      ),
      deleteMemberships: p('DELETE FROM memberships WHERE enterprise_id = ?'),
      offer: p(
        `INSERT INTO offers (id, enterprise_id, product_id, capacity, price, currency, certifications, import_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET enterprise_id = excluded.enterprise_id, product_id = excluded.product_id,
           capacity = excluded.capacity, price = excluded.price, currency = excluded.currency,
           certifications = excluded.certifications, import_id = excluded.import_id`,
      ),
      need: p(
        `INSERT INTO needs (id, enterprise_id, product_id, quantity, import_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET enterprise_id = excluded.enterprise_id, product_id = excluded.product_id,
           quantity = excluded.quantity, import_id = excluded.import_id`,
      ),
      flow: p(`${flowUpsert}`),
      // The same, except over a flow this import has written already (the id twice in one file).
      flowOnce: p(flowOnceUpsert),
    };
    const max = (table: string) => db.prepare(`SELECT coalesce(max(position), 0) FROM ${table}`).pluck().get() as number;
    this.nextPosition = { products: max('products') + 1, enterprises: max('enterprises') + 1, networks: max('networks') + 1, currencies: max('currencies') + 1 };
  }

  network(n: Network): void {
    this.s.network.run(n.id, n.name, n.description ?? null, this.nextPosition.networks++);
    this.present.networks.add(n.id);
  }

  product(p: Product, importId: number | null = null): void {
    this.s.product.run(
      p.id,
      p.name,
      JSON.stringify(p.names ?? {}),
      p.parent ?? null,
      p.unit ?? null,
      JSON.stringify(p.codes ?? {}),
      importId,
      this.nextPosition.products++,
    );
  }

  /**
   * Inserts or replaces one enterprise with its lists; unknown currencies and networks are
   * created. `isNew` (the caller knows the id is not in the catalogue) skips clearing lists
   * that cannot exist yet: five statements fewer per record in a big import.
   */
  enterprise(e: Enterprise, prov: RecordProvenance = {}, isNew = false): void {
    // Only a new record's rows wait: another's lists are cleared and read (merges) in order.
    const wait = isNew && this.batchLists;
    if (!wait) this.flushLists();
    // Positional parameters, in the column order above: binding 24 named ones per row cost a
    // tenth of a big import's CPU.
    this.s.enterprise.run(
      e.id,
      e.name,
      e.nickname ?? null,
      e.description ?? null,
      e.solidarity ? 1 : 0,
      e.legalForm ?? null,
      e.organisationalStructure ?? null,
      e.street ?? null,
      e.locality ?? null,
      e.region ?? null,
      e.postcode ?? null,
      e.country ?? null,
      e.lat ?? null,
      e.lon ?? null,
      e.website ?? null,
      e.email ?? null,
      e.phone ?? null,
      e.source ?? null,
      prov.sourceId ?? null,
      prov.importId ?? null,
      prov.sourceRow ?? null,
      prov.extra && Object.keys(prov.extra).length ? JSON.stringify(prov.extra) : null,
      prov.classified === false ? 0 : 1,
      this.nextPosition.enterprises++,
      // The sort keys as the triggers would make them: a bulk import sets the insert trigger aside.
      foldKey(e.name),
      foldKey(e.locality),
    );
    const id = e.id;
    if (!isNew) {
      this.s.deleteActivities.run(id);
      this.s.deleteQualifiers.run(id);
      this.s.deleteCriteria.run(id);
      this.s.deleteCurrencies.run(id);
      this.s.deleteMemberships.run(id);
    }
    if (e.activities?.length) this.rows(ACTIVITIES, e.activities.flatMap((v, i) => [id, v, i]), wait);
    if (e.qualifiers?.length) this.rows(QUALIFIERS, e.qualifiers.flatMap((v, i) => [id, v, i]), wait);
    if (e.criteria) this.rows(CRITERIA_ROWS, Object.entries(e.criteria).flatMap(([c, v], i) => [id, c, v, i]), wait);
    e.currencies?.forEach((a, i) => {
      const row = acceptanceToRow(a);
      if (!this.present.currencies.has(row.currency)) {
        if (this.s.currencyIfMissing.run(row.currency, row.currency, this.nextPosition.currencies).changes) this.nextPosition.currencies++;
        this.present.currencies.add(row.currency);
      }
      this.s.currency.run(id, row.currency, i, row.share, row.products, row.asObject);
    });
    e.networks?.forEach((n) => {
      if (!this.present.networks.has(n)) {
        if (this.s.networkIfMissing.run(n, n, this.nextPosition.networks).changes) this.nextPosition.networks++;
        this.present.networks.add(n);
      }
    });
    if (e.networks?.length) this.rows(MEMBERSHIPS, e.networks.flatMap((n, i) => [n, id, i]), wait);
  }

  /** Statements of `list.head` for 1…MAX_LIST_ROWS rows, each prepared once. */
  private readonly listStatements = new Map<ListInsert, ReturnType<Db['prepare']>[]>();

  /**
   * When true, the list rows of new enterprises wait and go MAX_LIST_ROWS to an INSERT across
   * enterprises (an import's loop), until flushLists(). Measured, writing the 100,000
   * enterprises of the bench's package: 1.92–2.01 s with a statement per list and enterprise,
   * 1.58–1.83 s with their rows across enterprises.
   */
  batchLists = false;
  private readonly waiting = new Map<ListInsert, unknown[]>();
  private waitingRows = 0;

  /**
   * Rows of one of an enterprise's lists in one INSERT, not one per row: measured, the 420,000
   * criteria of 100,000 enterprises took 0.84–0.92 s one per statement and 0.55–0.62 s one
   * statement per enterprise. `args` holds the rows' values one after the other.
   */
  private rows(list: ListInsert, args: unknown[], wait: boolean): void {
    if (!wait) return this.insertRows(list, args);
    let queue = this.waiting.get(list);
    if (!queue) this.waiting.set(list, (queue = []));
    for (const a of args) queue.push(a);
    this.waitingRows += args.length;
    const step = MAX_LIST_ROWS * list.columns;
    if (queue.length >= step) {
      const full = queue.length - (queue.length % step);
      this.insertRows(list, queue.slice(0, full));
      this.waitingRows -= full;
      queue.splice(0, full);
    }
  }

  /** Writes the list rows that wait (batchLists); before anything reads them. */
  flushLists(): void {
    if (this.waitingRows === 0) return;
    for (const [list, queue] of this.waiting) {
      if (queue.length) this.insertRows(list, queue);
      queue.length = 0;
    }
    this.waitingRows = 0;
  }

  private insertRows(list: ListInsert, args: unknown[]): void {
    const perRow = list.columns;
    const step = MAX_LIST_ROWS * perRow;
    for (let from = 0; from < args.length; from += step) {
      const part = from === 0 && args.length <= step ? args : args.slice(from, from + step);
      const n = part.length / perRow;
      let byCount = this.listStatements.get(list);
      if (!byCount) this.listStatements.set(list, (byCount = []));
      byCount[n] ??= this.db.prepare(`${list.head} VALUES ${Array(n).fill(`(${Array(perRow).fill('?').join(', ')})`).join(', ')}`);
      byCount[n].run(part);
    }
  }

  /** Defines (or redefines) a currency; the issuer, when given, is an enterprise already written. */
  currency(c: Currency): void {
    const r = this.s.currencyDefinition.run({
      id: c.id,
      name: c.name,
      kind: c.kind,
      unit: c.unit ?? null,
      rate: c.rate ?? null,
      issuer: c.issuer ?? null,
      backing: c.backing ?? null,
      description: c.description ?? null,
      products: c.products ? JSON.stringify(c.products) : null,
      position: this.nextPosition.currencies,
    });
    if (r.changes) this.nextPosition.currencies++;
  }

  offer(o: Offer, importId: number | null = null): void {
    this.s.offer.run(
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

  need(n: Need, importId: number | null = null): void {
    this.s.need.run(n.id ?? null, n.enterprise, n.product, n.quantity, importId);
  }

  /** A flow's quantity may be unknown (ENGINE.md v1.1): it is written as NULL, never as 0. */
  flow(f: Flow, importId: number | null = null): void {
    this.s.flow.run(f.id ?? null, f.supplier, f.buyer, f.product, f.quantity ?? null, f.value ?? null, f.currency ?? null, f.period ?? null, importId);
  }

  /**
   * As flow(), for an import: false (nothing written) when the import `importId` has already
   * written a flow with this id. The table's unique index on id answers that, so a million-flow
   * import keeps no map of the ids it has seen.
   */
  flowOnce(f: Flow, importId: number): boolean {
    // The same arguments as flow(), written out: no array to spread per row of a million.
    return this.s.flowOnce.run(f.id ?? null, f.supplier, f.buyer, f.product, f.quantity ?? null, f.value ?? null, f.currency ?? null, f.period ?? null, importId).changes > 0;
  }

  private flowBatch?: ReturnType<Db['prepare']>;
  private flowRowid?: ReturnType<Db['prepare']>;
  private readonly flowBatchArgs: unknown[] = new Array(FLOW_BATCH * 9);
  /** The highest flow rowid before the batch being written. */
  private lastFlowRowid?: number;

  /**
   * flowOnce for FLOW_BATCH flows in one statement (fewer, one by one), answering for each
   * whether it was written. Only for an import into a catalogue that had no flows: then a row
   * not written is one whose id this import wrote before, and which one that is follows from
   * where its id's row is, so the answer needs no look per row unless the file repeats an id.
   */
  flowsOnce(flows: readonly Flow[], importId: number): boolean[] {
    if (flows.length !== FLOW_BATCH) return flows.map((f) => this.flowOnce(f, importId));
    this.flowBatch ??= this.db.prepare(flowBatchUpsert);
    this.lastFlowRowid ??= this.db.prepare('SELECT coalesce(max(rowid), 0) FROM flows').pluck().get() as number;
    const args = this.flowBatchArgs;
    let o = 0;
    for (const f of flows) {
      args[o++] = f.id ?? null;
      args[o++] = f.supplier;
      args[o++] = f.buyer;
      args[o++] = f.product;
      args[o++] = f.quantity ?? null;
      args[o++] = f.value ?? null;
      args[o++] = f.currency ?? null;
      args[o++] = f.period ?? null;
      args[o++] = importId;
    }
    const before = this.lastFlowRowid;
    const r = this.flowBatch.run(args);
    if (r.changes > 0) this.lastFlowRowid = Number(r.lastInsertRowid);
    if (r.changes === flows.length) return flows.map(() => true);
    // Some repeat an id: the first of the batch with that id was written if its row is new.
    const rowidOf = (this.flowRowid ??= this.db.prepare('SELECT rowid FROM flows WHERE id = ?').pluck());
    const seen = new Set<string>();
    return flows.map((f) => {
      if (f.id === undefined) return true;
      if (seen.has(f.id)) return false;
      seen.add(f.id);
      return (rowidOf.get(f.id) as number) > before;
    });
  }
}

/**
 * Writes a whole, already-validated package. The caller owns the transaction (an import is
 * all-or-nothing); imports go through import/apply.ts, which checks references and duplicates
 * first and calls the same writer.
 */
export function writePackage(db: Db, pkg: TeiaPackage, importId: number | null = null): void {
  const w = new CatalogueWriter(db);
  for (const n of pkg.networks ?? []) w.network(n);
  for (const p of pkg.products ?? []) w.product(p, importId);
  for (const e of pkg.enterprises ?? []) w.enterprise(e, { importId });
  for (const c of pkg.currencies ?? []) w.currency(c);
  for (const o of pkg.offers ?? []) w.offer(o, importId);
  for (const n of pkg.needs ?? []) w.need(n, importId);
  for (const f of pkg.flows ?? []) w.flow(f, importId);
}
