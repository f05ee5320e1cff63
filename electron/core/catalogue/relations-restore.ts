import type { Db } from '../db/open.ts';
import type { Enterprise, Flow, Need, Offer } from '../../../shared/domain/package.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { readEnterprise, writeEnterprise } from './enterprises.ts';

/**
 * The undo of a delete: writes the enterprise back with the offers, needs and flows the page
 * had shown. A flow whose other side has since been deleted too is skipped (and counted), since
 * it cannot exist without both ends. Offers and needs without an id get new rows at the end.
 */
export function restoreEnterprise(db: Db, e: Enterprise, offers: Offer[], needs: Need[], flows: Flow[]): { skippedFlows: number } {
  if (readEnterprise(db, e.id)) throw new TeiaError('conflict', `An enterprise with the id "${e.id}" already exists; nothing was restored.`);
  writeEnterprise(db, e, { sourceId: null });
  const productExists = db.prepare('SELECT 1 FROM products WHERE id = ?').pluck();
  const enterpriseExists = db.prepare('SELECT 1 FROM enterprises WHERE id = ?').pluck();
  const insertOffer = db.prepare(
    'INSERT OR IGNORE INTO offers (id, enterprise_id, product_id, capacity, price, currency, certifications) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertNeed = db.prepare('INSERT OR IGNORE INTO needs (id, enterprise_id, product_id, quantity) VALUES (?, ?, ?, ?)');
  const insertFlow = db.prepare(
    'INSERT OR IGNORE INTO flows (id, supplier_id, buyer_id, product_id, quantity, value, currency, period) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const o of offers) {
    if (o.enterprise !== e.id || !productExists.get(o.product)) continue;
    insertOffer.run(o.id ?? null, e.id, o.product, o.capacity ?? null, o.price ?? null, o.currency ?? null, o.certifications?.length ? JSON.stringify(o.certifications) : null);
  }
  for (const n of needs) {
    if (n.enterprise !== e.id || !productExists.get(n.product)) continue;
    insertNeed.run(n.id ?? null, e.id, n.product, n.quantity);
  }
  let skippedFlows = 0;
  for (const f of flows) {
    const touches = f.supplier === e.id || f.buyer === e.id;
    if (!touches || !enterpriseExists.get(f.supplier) || !enterpriseExists.get(f.buyer) || !productExists.get(f.product)) {
      skippedFlows++;
      continue;
    }
    insertFlow.run(f.id ?? null, f.supplier, f.buyer, f.product, f.quantity ?? null, f.value ?? null, f.currency ?? null, f.period ?? null);
  }
  return { skippedFlows };
}
