import type { Db } from '../db/open.ts';
import type { Need, Offer } from '../../../shared/domain/package.ts';
import type { FlowRecord } from './types.ts';

/**
 * Offers, needs and flows without an id, of enterprises the catalogue already had: the same
 * enterprise offering the same product (needing it; buying it from the same supplier in the
 * same period) is the same row, updated rather than written a second time, so importing a file
 * twice does not double its offers and flows. Looked up in maps built with one scan of each
 * table (a big import has set the secondary indexes aside), keeping only rows of those
 * enterprises.
 */
export class SameRows {
  private readonly offers = new Map<string, number>();
  private readonly needs = new Map<string, number>();
  private readonly flows = new Map<string, number>();
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly enterprises: ReadonlySet<string>,
  ) {
    const keep = (map: Map<string, number>, sql: string, pick: (row: unknown[]) => boolean) => {
      for (const row of db.prepare(sql).raw().iterate() as Iterable<unknown[]>) {
        if (!pick(row)) continue;
        const key = row.slice(1).join('\u0000');
        if (!map.has(key)) map.set(key, row[0] as number);
      }
    };
    const has = (id: unknown) => enterprises.has(id as string);
    keep(this.offers, 'SELECT rowid, enterprise_id, product_id FROM offers', (r) => has(r[1]));
    keep(this.needs, 'SELECT rowid, enterprise_id, product_id FROM needs', (r) => has(r[1]));
    keep(this.flows, "SELECT rowid, supplier_id, buyer_id, product_id, coalesce(period, '') FROM flows", (r) => has(r[1]) || has(r[2]));
    this.s = {
      offer: db.prepare('UPDATE offers SET capacity = ?, price = ?, currency = ?, certifications = ?, import_id = ? WHERE rowid = ?'),
      need: db.prepare('UPDATE needs SET quantity = ?, import_id = ? WHERE rowid = ?'),
      flow: db.prepare('UPDATE flows SET quantity = ?, value = ?, currency = ?, import_id = ? WHERE rowid = ?'),
    };
  }

  /** True when the offer updated a row already there (the caller then does not insert it). */
  offer(o: Offer, importId: number): boolean {
    if (o.id !== undefined || !this.enterprises.has(o.enterprise)) return false;
    const rowid = this.offers.get(`${o.enterprise}\u0000${o.product}`);
    if (rowid === undefined) return false;
    this.s.offer.run(o.capacity ?? null, o.price ?? null, o.currency ?? null, o.certifications ? JSON.stringify(o.certifications) : null, importId, rowid);
    return true;
  }

  need(n: Need, importId: number): boolean {
    if (n.id !== undefined || !this.enterprises.has(n.enterprise)) return false;
    const rowid = this.needs.get(`${n.enterprise}\u0000${n.product}`);
    if (rowid === undefined) return false;
    this.s.need.run(n.quantity, importId, rowid);
    return true;
  }

  flow(f: FlowRecord, importId: number): boolean {
    if (f.id !== undefined || !(this.enterprises.has(f.supplier) || this.enterprises.has(f.buyer))) return false;
    const rowid = this.flows.get(`${f.supplier}\u0000${f.buyer}\u0000${f.product}\u0000${f.period ?? ''}`);
    if (rowid === undefined) return false;
    this.s.flow.run(f.quantity ?? null, f.value ?? null, f.currency ?? null, importId, rowid);
    return true;
  }
}
