import type { Db } from '../db/open.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { FlowFields, NeedFields, OfferFields, StoredFlow, StoredNeed, StoredOffer } from '../../../shared/contract/chains.ts';

/**
 * Offers, needs and flows written one at a time (the page and the chain interview). Each
 * check says in a sentence what is wrong: the contract has checked the fields on their own,
 * here the records they name must exist. Call inside a transaction.
 *
 * The search index follows by itself (triggers on offers, migration 2) and the engine worker
 * re-reads the catalogue when SQLite's data_version moves; the handler emits catalogue-changed
 * so open windows reload.
 */

interface OfferRow { rowid: number; id: string | null; enterprise_id: string; product_id: string; capacity: number | null; price: number | null; currency: string | null; certifications: string | null }
interface NeedRow { rowid: number; id: string | null; enterprise_id: string; product_id: string; quantity: number }
interface FlowRow { rowid: number; id: string | null; supplier_id: string; buyer_id: string; product_id: string; quantity: number | null; value: number | null; currency: string | null; period: string | null }

const offerOf = (r: OfferRow): StoredOffer => ({
  row: r.rowid,
  id: r.id,
  enterprise: r.enterprise_id,
  product: r.product_id,
  capacity: r.capacity,
  price: r.price,
  currency: r.currency,
  certifications: r.certifications ? (JSON.parse(r.certifications) as string[]) : [],
});
const needOf = (r: NeedRow): StoredNeed => ({ row: r.rowid, id: r.id, enterprise: r.enterprise_id, product: r.product_id, quantity: r.quantity });
const flowOf = (r: FlowRow): StoredFlow => ({
  row: r.rowid,
  id: r.id,
  supplier: r.supplier_id,
  buyer: r.buyer_id,
  product: r.product_id,
  quantity: r.quantity,
  value: r.value,
  currency: r.currency,
  period: r.period,
});

function requireEnterpriseNamed(db: Db, id: string, role: string) {
  if (!db.prepare('SELECT 1 FROM enterprises WHERE id = ?').pluck().get(id)) {
    throw new TeiaError('not-found', `The ${role} "${id}" is not in the catalogue. Pick an enterprise from the list, or create it first.`, undefined, { key: 'enterprise-not-found', args: { id: id } });
  }
}
export function requireProduct(db: Db, id: string) {
  if (!db.prepare('SELECT 1 FROM products WHERE id = ?').pluck().get(id)) {
    throw new TeiaError('not-found', `The product "${id}" is not in the catalogue. Pick a product from the list, or create it first.`, undefined, { key: 'product-not-found', args: { id } });
  }
}

function readRow<T>(db: Db, table: 'offers' | 'needs' | 'flows', row: number, what: string): T {
  const r = db.prepare(`SELECT rowid, * FROM ${table} WHERE rowid = ?`).get(row) as T | undefined;
  if (!r) throw new TeiaError('not-found', `That ${what} is no longer in the catalogue (it may have been deleted in another window).`, undefined, { key: 'record-gone' });
  return r;
}

/** A row given back by an undo must still be free, and an id unique. */
function checkRestoreKeys(db: Db, table: 'offers' | 'needs' | 'flows', keys: { id?: string; row?: number }) {
  if (keys.row !== undefined && db.prepare(`SELECT 1 FROM ${table} WHERE rowid = ?`).pluck().get(keys.row)) {
    throw new TeiaError('conflict', 'That record has already been put back.');
  }
  if (keys.id !== undefined && db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck().get(keys.id)) {
    throw new TeiaError('conflict', `Another record already has the id "${keys.id}".`);
  }
}

// ---- offers ----

function checkOffer(db: Db, o: OfferFields) {
  requireEnterpriseNamed(db, o.enterprise, 'enterprise');
  requireProduct(db, o.product);
}
const offerParams = (o: OfferFields) => [
  o.enterprise,
  o.product,
  o.capacity ?? null,
  o.price ?? null,
  o.currency ?? null,
  o.certifications?.length ? JSON.stringify(o.certifications) : null,
];

export function createOffer(db: Db, o: OfferFields & { id?: string; row?: number }): StoredOffer {
  checkOffer(db, o);
  checkRestoreKeys(db, 'offers', o);
  const info = db
    .prepare('INSERT INTO offers (rowid, id, enterprise_id, product_id, capacity, price, currency, certifications) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(o.row ?? null, o.id ?? null, ...offerParams(o));
  return offerOf(readRow(db, 'offers', Number(info.lastInsertRowid), 'offer'));
}

export function updateOffer(db: Db, row: number, o: OfferFields) {
  const previous = offerOf(readRow<OfferRow>(db, 'offers', row, 'offer'));
  checkOffer(db, o);
  db.prepare('UPDATE offers SET enterprise_id = ?, product_id = ?, capacity = ?, price = ?, currency = ?, certifications = ? WHERE rowid = ?').run(
    ...offerParams(o),
    row,
  );
  return { previous, offer: offerOf(readRow(db, 'offers', row, 'offer')) };
}

export function deleteOffer(db: Db, row: number) {
  const deleted = offerOf(readRow<OfferRow>(db, 'offers', row, 'offer'));
  db.prepare('DELETE FROM offers WHERE rowid = ?').run(row);
  return { deleted };
}

// ---- needs ----

function checkNeed(db: Db, n: NeedFields) {
  requireEnterpriseNamed(db, n.enterprise, 'enterprise');
  requireProduct(db, n.product);
}

export function createNeed(db: Db, n: NeedFields & { id?: string; row?: number }): StoredNeed {
  checkNeed(db, n);
  checkRestoreKeys(db, 'needs', n);
  const info = db
    .prepare('INSERT INTO needs (rowid, id, enterprise_id, product_id, quantity) VALUES (?, ?, ?, ?, ?)')
    .run(n.row ?? null, n.id ?? null, n.enterprise, n.product, n.quantity);
  return needOf(readRow(db, 'needs', Number(info.lastInsertRowid), 'need'));
}

export function updateNeed(db: Db, row: number, n: NeedFields) {
  const previous = needOf(readRow<NeedRow>(db, 'needs', row, 'need'));
  checkNeed(db, n);
  db.prepare('UPDATE needs SET enterprise_id = ?, product_id = ?, quantity = ? WHERE rowid = ?').run(n.enterprise, n.product, n.quantity, row);
  return { previous, need: needOf(readRow(db, 'needs', row, 'need')) };
}

export function deleteNeed(db: Db, row: number) {
  const deleted = needOf(readRow<NeedRow>(db, 'needs', row, 'need'));
  db.prepare('DELETE FROM needs WHERE rowid = ?').run(row);
  return { deleted };
}

// ---- flows ----

function checkFlow(db: Db, f: FlowFields) {
  if (f.supplier === f.buyer) throw new TeiaError('invalid-input', 'The buyer cannot also be the supplier: a flow goes from one enterprise to another.');
  requireEnterpriseNamed(db, f.supplier, 'supplier');
  requireEnterpriseNamed(db, f.buyer, 'buyer');
  requireProduct(db, f.product);
}

const flowParams = (f: FlowFields) => {
  const quantity = f.quantity ?? null;
  // A price per unit is stored as the value it makes: the flows table keeps values.
  const value = f.value ?? (f.price != null && quantity !== null ? f.price * quantity : null);
  return [f.supplier, f.buyer, f.product, quantity, value, f.currency ?? null, f.period ?? null];
};

export function createFlow(db: Db, f: FlowFields & { id?: string; row?: number }): StoredFlow {
  checkFlow(db, f);
  checkRestoreKeys(db, 'flows', f);
  const info = db
    .prepare('INSERT INTO flows (rowid, id, supplier_id, buyer_id, product_id, quantity, value, currency, period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(f.row ?? null, f.id ?? null, ...flowParams(f));
  return flowOf(readRow(db, 'flows', Number(info.lastInsertRowid), 'flow'));
}

export function updateFlow(db: Db, row: number, f: FlowFields) {
  const previous = flowOf(readRow<FlowRow>(db, 'flows', row, 'flow'));
  checkFlow(db, f);
  db.prepare('UPDATE flows SET supplier_id = ?, buyer_id = ?, product_id = ?, quantity = ?, value = ?, currency = ?, period = ? WHERE rowid = ?').run(
    ...flowParams(f),
    row,
  );
  return { previous, flow: flowOf(readRow(db, 'flows', row, 'flow')) };
}

export function deleteFlow(db: Db, row: number) {
  const deleted = flowOf(readRow<FlowRow>(db, 'flows', row, 'flow'));
  db.prepare('DELETE FROM flows WHERE rowid = ?').run(row);
  return { deleted };
}
