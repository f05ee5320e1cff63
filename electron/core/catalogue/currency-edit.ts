import type { Db } from '../db/open.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { Acceptance } from '../../../shared/domain/package.ts';
import type { CurrencyProblem } from '../../../shared/domain/currency-problems.ts';
import type { AcceptanceEntry, AcceptanceState, CurrencyFields, StoredCurrency } from '../../../shared/contract/currencies.ts';
import { acceptanceFromRow, acceptanceToRow } from './acceptance.ts';

/**
 * Currencies and acceptances edited by hand (issue 13). Call inside a transaction: each check
 * throws before anything is written, and the caller's transaction takes back what an earlier
 * row of the same call wrote. The search index reads enterprise_currencies directly, and the
 * engine worker re-reads the catalogue when SQLite's data_version moves.
 */

interface CurrencyRow {
  id: string;
  name: string;
  kind: StoredCurrency['kind'];
  unit: string | null;
  rate: number | null;
  issuer: string | null;
  backing: StoredCurrency['backing'];
  description: string | null;
  products: string | null;
  position: number;
}

const problem = (code: 'invalid-input' | 'conflict' | 'not-found', message: string, details: CurrencyProblem) => new TeiaError(code, message, details);

const fromRow = (r: CurrencyRow): StoredCurrency => ({ ...r, products: r.products === null ? null : (JSON.parse(r.products) as string[]) });

export function readCurrency(db: Db, id: string): StoredCurrency | undefined {
  const r = db.prepare('SELECT id, name, kind, unit, rate, issuer, backing, description, products, position FROM currencies WHERE id = ?').get(id) as CurrencyRow | undefined;
  return r && fromRow(r);
}

export function requireCurrency(db: Db, id: string): StoredCurrency {
  const c = readCurrency(db, id);
  if (!c) throw problem('not-found', `There is no currency "${id}" in this catalogue. Create it first.`, { problem: 'unknown-currency', currency: id });
  return c;
}

/** Product ids a currency or an acceptance names: each must exist and not sit in a loop of broader products. */
export function checkProducts(db: Db, ids: readonly string[]): void {
  const up = db.prepare('SELECT parent FROM products WHERE id = ?').pluck();
  const exists = db.prepare('SELECT 1 FROM products WHERE id = ?').pluck();
  for (const id of ids) {
    if (!exists.get(id)) {
      throw problem('invalid-input', `The product "${id}" is not in the catalogue, so nothing could be paid for with it. Pick products from the catalogue’s list.`, {
        problem: 'unknown-product',
        product: id,
      });
    }
    // covers() follows the broader products up; a loop (which an older import could leave) never ends.
    const chain: string[] = [];
    for (let at: string | null = id; at !== null; at = (up.get(at) as string | null | undefined) ?? null) {
      const seen = chain.indexOf(at);
      if (seen >= 0) {
        const cycle = [...chain.slice(seen), at];
        throw problem(
          'invalid-input',
          `The product "${id}" sits in a loop of broader products (${cycle.join(' → ')}), so Teia cannot tell what it covers. Move one of them under another product first.`,
          { problem: 'product-cycle', product: id, cycle },
        );
      }
      chain.push(at);
    }
  }
}

function checkIssuer(db: Db, issuer: string | undefined): void {
  if (issuer === undefined) return;
  if (!db.prepare('SELECT 1 FROM enterprises WHERE id = ?').pluck().get(issuer)) {
    throw problem('invalid-input', `The issuer "${issuer}" is not an enterprise in this catalogue. Pick the issuer from the enterprises, or add it first.`, {
      problem: 'unknown-issuer',
      issuer,
    });
  }
}

/** [] and missing both mean "anything": stored as NULL, repeats dropped. */
const productList = (ids: readonly string[] | null | undefined): string[] | null => (ids && ids.length ? [...new Set(ids)] : null);

function writeDefinition(db: Db, id: string, f: CurrencyFields, position: number): void {
  db.prepare(
    `INSERT INTO currencies (id, name, kind, unit, rate, issuer, backing, description, products, position)
     VALUES (@id, @name, @kind, @unit, @rate, @issuer, @backing, @description, @products, @position)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, unit = excluded.unit, rate = excluded.rate,
       issuer = excluded.issuer, backing = excluded.backing, description = excluded.description, products = excluded.products,
       position = excluded.position`,
  ).run({
    id,
    name: f.name,
    kind: f.kind,
    unit: f.unit ?? null,
    rate: f.rate ?? null,
    issuer: f.issuer ?? null,
    backing: f.backing ?? null,
    description: f.description ?? null,
    products: productList(f.products) && JSON.stringify(productList(f.products)),
    position,
  });
}

const nextPosition = (db: Db) => (db.prepare('SELECT coalesce(max(position), 0) + 1 FROM currencies').pluck().get() as number);

function checkFields(db: Db, f: CurrencyFields): void {
  checkIssuer(db, f.issuer);
  checkProducts(db, f.products ?? []);
}

export function createCurrency(db: Db, input: CurrencyFields & { id?: string; position?: number }): StoredCurrency {
  const { id: given, position, ...fields } = input;
  checkFields(db, fields);
  const id = given ?? slugFor(fields.name);
  const existing = readCurrency(db, id);
  if (existing && existing.kind !== null) {
    throw problem('conflict', `There is already a currency with the id "${id}" (${existing.name}). Give this one another id, or edit that one.`, {
      problem: 'duplicate-id',
      id,
      name: existing.name,
    });
  }
  // An id enterprises accepted before anyone defined it keeps its place in the list.
  writeDefinition(db, id, fields, position ?? existing?.position ?? nextPosition(db));
  return readCurrency(db, id)!;
}

/** The name's slug ("Vale-Feira" → "vale-feira"): a defined currency with that id is the duplicate a create refuses, a placeholder is taken over. */
function slugFor(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'currency';
}

export function updateCurrency(db: Db, id: string, fields: CurrencyFields): { previous: StoredCurrency; currency: StoredCurrency } {
  const previous = requireCurrency(db, id);
  checkFields(db, fields);
  writeDefinition(db, id, fields, previous.position);
  return { previous, currency: readCurrency(db, id)! };
}

interface EntryRow {
  enterprise_id: string;
  share: number | null;
  products: string | null;
  position: number;
  as_object: number;
}

const entryOf = (r: EntryRow): AcceptanceEntry => ({
  share: r.share,
  products: r.products === null ? null : (JSON.parse(r.products) as string[]),
  position: r.position,
  asObject: r.as_object === 1,
});

export function deleteCurrency(db: Db, id: string, withAcceptances: boolean) {
  const deleted = requireCurrency(db, id);
  const rows = db
    .prepare('SELECT enterprise_id, share, products, position, as_object FROM enterprise_currencies WHERE currency_id = ? ORDER BY enterprise_id')
    .all(id) as EntryRow[];
  if (rows.length && !withAcceptances) {
    throw problem(
      'conflict',
      `${rows.length} ${rows.length === 1 ? 'enterprise accepts' : 'enterprises accept'} "${deleted.name}". Deleting it takes their acceptance away too; confirm to delete both.`,
      { problem: 'accepted', currency: id, count: rows.length },
    );
  }
  touch(db, rows.map((r) => r.enterprise_id));
  // ON DELETE CASCADE takes the acceptances with it.
  db.prepare('DELETE FROM currencies WHERE id = ?').run(id);
  return { deleted, acceptances: rows.map((r) => ({ enterprise: r.enterprise_id, entry: entryOf(r) })) };
}

export function restoreCurrency(db: Db, c: StoredCurrency, acceptances: { enterprise: string; entry: AcceptanceEntry }[]) {
  if (readCurrency(db, c.id)?.kind) {
    throw problem('conflict', `There is already a currency with the id "${c.id}"; it was not put back twice.`, { problem: 'duplicate-id', id: c.id, name: c.name });
  }
  if (c.kind === null) {
    db.prepare('INSERT OR IGNORE INTO currencies (id, name, kind, position) VALUES (?, ?, NULL, ?)').run(c.id, c.name, c.position);
  } else {
    const fields: CurrencyFields = { name: c.name, kind: c.kind };
    if (c.unit !== null) fields.unit = c.unit;
    if (c.rate !== null) fields.rate = c.rate;
    if (c.issuer !== null) fields.issuer = c.issuer;
    if (c.backing !== null) fields.backing = c.backing;
    if (c.description !== null) fields.description = c.description;
    if (c.products !== null) fields.products = c.products;
    // The issuer or a product may have gone since the delete: the same checks as a create.
    checkFields(db, fields);
    writeDefinition(db, c.id, fields, c.position);
  }
  const restored = restoreAcceptances(db, c.id, acceptances);
  return { id: c.id, acceptances: restored };
}

function requireEnterprises(db: Db, ids: readonly string[]): void {
  const exists = db.prepare('SELECT 1 FROM enterprises WHERE id = ?').pluck();
  const missing = [...new Set(ids)].filter((e) => !exists.get(e));
  if (missing.length) {
    const shown = missing.slice(0, 5).map((m) => `"${m}"`).join(', ');
    throw problem(
      'not-found',
      `${missing.length === 1 ? 'One of the chosen enterprises is' : `${missing.length} of the chosen enterprises are`} not in the catalogue (${shown}${missing.length > 5 ? ', …' : ''}); nothing was changed.`,
      { problem: 'unknown-enterprise', enterprises: missing },
    );
  }
}

/** Enterprises whose acceptances changed show as changed (the directory's "recently updated" order). */
function touch(db: Db, ids: readonly string[]): void {
  const s = db.prepare("UPDATE enterprises SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?");
  for (const id of ids) s.run(id);
}

const readEntry = (db: Db) => {
  const s = db.prepare('SELECT enterprise_id, share, products, position, as_object FROM enterprise_currencies WHERE enterprise_id = ? AND currency_id = ?');
  return (enterprise: string, currency: string) => {
    const r = s.get(enterprise, currency) as EntryRow | undefined;
    return r ? entryOf(r) : null;
  };
};

export function acceptCurrency(db: Db, currency: string, enterprises: string[], share: number | undefined, products: string[] | undefined) {
  requireCurrency(db, currency);
  requireEnterprises(db, enterprises);
  checkProducts(db, products ?? []);
  const get = readEntry(db);
  const last = db.prepare('SELECT coalesce(max(position), -1) + 1 FROM enterprise_currencies WHERE enterprise_id = ?').pluck();
  const put = db.prepare(
    `INSERT INTO enterprise_currencies (enterprise_id, currency_id, position, share, products, as_object) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(enterprise_id, currency_id) DO UPDATE SET share = excluded.share, products = excluded.products, as_object = excluded.as_object`,
  );
  const list = productList(products);
  const previous: AcceptanceState[] = [];
  let changed = 0;
  for (const e of [...new Set(enterprises)]) {
    const before = get(e, currency);
    previous.push({ enterprise: e, entry: before });
    const same = before && before.share === (share ?? null) && JSON.stringify(before.products) === JSON.stringify(list);
    if (same) continue;
    // A limit is written as an object; "accepts it" with no limit stays a plain id.
    const asObject = share !== undefined || list !== null ? 1 : 0;
    put.run(e, currency, before?.position ?? (last.get(e) as number), share ?? null, list && JSON.stringify(list), asObject);
    touch(db, [e]);
    changed++;
  }
  return { previous, changed };
}

export function unacceptCurrency(db: Db, currency: string, enterprises: string[]) {
  requireCurrency(db, currency);
  requireEnterprises(db, enterprises);
  const get = readEntry(db);
  const del = db.prepare('DELETE FROM enterprise_currencies WHERE enterprise_id = ? AND currency_id = ?');
  const previous: AcceptanceState[] = [];
  for (const e of [...new Set(enterprises)]) {
    const before = get(e, currency);
    if (!before) continue;
    previous.push({ enterprise: e, entry: before });
    del.run(e, currency);
    touch(db, [e]);
  }
  return { previous, changed: previous.length };
}

/** Each enterprise's entry for the currency exactly as it was (none, or its share, products, place and form). */
export function restoreAcceptances(db: Db, currency: string, entries: AcceptanceState[]): number {
  requireCurrency(db, currency);
  requireEnterprises(db, entries.map((s) => s.enterprise));
  checkProducts(db, [...new Set(entries.flatMap((s) => s.entry?.products ?? []))]);
  const del = db.prepare('DELETE FROM enterprise_currencies WHERE enterprise_id = ? AND currency_id = ?');
  const put = db.prepare('INSERT INTO enterprise_currencies (enterprise_id, currency_id, position, share, products, as_object) VALUES (?, ?, ?, ?, ?, ?)');
  for (const { enterprise, entry } of entries) {
    del.run(enterprise, currency);
    if (entry) put.run(enterprise, currency, entry.position, entry.share, entry.products && JSON.stringify(entry.products), entry.asObject ? 1 : 0);
  }
  touch(db, entries.map((s) => s.enterprise));
  return entries.length;
}

/** Everything one enterprise accepts, in order, as the package writes it. */
export function enterpriseCurrencies(db: Db, enterprise: string): Acceptance[] {
  const rows = db
    .prepare('SELECT currency_id, share, products, as_object FROM enterprise_currencies WHERE enterprise_id = ? ORDER BY position')
    .all(enterprise) as { currency_id: string; share: number | null; products: string | null; as_object: number }[];
  return rows.map((r) => acceptanceFromRow(r.currency_id, r.share, r.products, r.as_object));
}

export function setEnterpriseCurrencies(db: Db, enterprise: string, list: Acceptance[]): { previous: Acceptance[] } {
  requireEnterprises(db, [enterprise]);
  const previous = enterpriseCurrencies(db, enterprise);
  const seen = new Set<string>();
  const rows = list.map(acceptanceToRow).filter((r) => (seen.has(r.currency) ? false : (seen.add(r.currency), true)));
  for (const r of rows) {
    requireCurrency(db, r.currency);
    if (r.products !== null) checkProducts(db, JSON.parse(r.products) as string[]);
  }
  db.prepare('DELETE FROM enterprise_currencies WHERE enterprise_id = ?').run(enterprise);
  const put = db.prepare('INSERT INTO enterprise_currencies (enterprise_id, currency_id, position, share, products, as_object) VALUES (?, ?, ?, ?, ?, ?)');
  rows.forEach((r, i) => {
    // An empty product list means everything, as a missing one does.
    const products = r.products === '[]' ? null : r.products;
    put.run(enterprise, r.currency, i, r.share, products, r.asObject);
  });
  touch(db, [enterprise]);
  return { previous };
}
