import type { Db } from '../db/open.ts';
import type { Trade } from '../../../shared/contract/directory.ts';

/** A list longer than this is cut (and said so): a page of 10,000 buyers helps nobody. */
const listLimit = 1000;

function names(json: string | null): Record<string, string> {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

interface TradeRow {
  row: number;
  flow_id: string | null;
  other_id: string;
  other_name: string;
  other_solidarity: 0 | 1;
  product_id: string;
  product_name: string;
  product_names: string | null;
  product_unit: string | null;
  quantity: number | null;
  value: number | null;
  currency: string | null;
  period: string | null;
}

const toTrade = (r: TradeRow): Trade => ({
  row: r.row,
  flowId: r.flow_id,
  enterprise: { id: r.other_id, name: r.other_name, solidarity: r.other_solidarity === 1 },
  product: { id: r.product_id, name: r.product_name, names: names(r.product_names), unit: r.product_unit },
  quantity: r.quantity,
  value: r.value,
  currency: r.currency,
  period: r.period,
});

/** Offers, needs and both sides of the flows of one enterprise, in the catalogue's order. */
export function enterpriseRelations(db: Db, id: string) {
  const offers = db
    .prepare(
      `SELECT o.rowid AS row, o.id, o.product_id, p.name AS product_name, p.names AS product_names, p.unit AS product_unit, o.capacity, o.price, o.currency, o.certifications
       FROM offers o JOIN products p ON p.id = o.product_id WHERE o.enterprise_id = ? ORDER BY o.rowid LIMIT ?`,
    )
    .all(id, listLimit + 1) as {
    row: number;
    id: string | null;
    product_id: string;
    product_name: string;
    product_names: string | null;
    product_unit: string | null;
    capacity: number | null;
    price: number | null;
    currency: string | null;
    certifications: string | null;
  }[];
  const needs = db
    .prepare(
      `SELECT n.rowid AS row, n.id, n.product_id, p.name AS product_name, p.names AS product_names, p.unit AS product_unit, n.quantity
       FROM needs n JOIN products p ON p.id = n.product_id WHERE n.enterprise_id = ? ORDER BY n.rowid LIMIT ?`,
    )
    .all(id, listLimit + 1) as { row: number; id: string | null; product_id: string; product_name: string; product_names: string | null; product_unit: string | null; quantity: number }[];
  const trades = (side: 'supplier' | 'buyer') => {
    const other = side === 'supplier' ? 'buyer' : 'supplier';
    // Flows where this enterprise is `side`; the row names the enterprise on the other side.
    return db
      .prepare(
        `SELECT f.rowid AS row, f.id AS flow_id, o.id AS other_id, o.name AS other_name, o.solidarity AS other_solidarity,
                p.id AS product_id, p.name AS product_name, p.names AS product_names, p.unit AS product_unit, f.quantity, f.value, f.currency, f.period
         FROM flows f JOIN enterprises o ON o.id = f.${other}_id JOIN products p ON p.id = f.product_id
         WHERE f.${side}_id = ? ORDER BY f.rowid LIMIT ?`,
      )
      .all(id, listLimit + 1) as TradeRow[];
  };
  const suppliers = trades('buyer');
  const buyers = trades('supplier');
  const truncated = [offers, needs, suppliers, buyers].some((l) => l.length > listLimit);
  return {
    offers: offers.slice(0, listLimit).map((o) => ({
      row: o.row,
      id: o.id,
      product: { id: o.product_id, name: o.product_name, names: names(o.product_names), unit: o.product_unit },
      capacity: o.capacity,
      price: o.price,
      currency: o.currency,
      certifications: parseList(o.certifications),
    })),
    needs: needs.slice(0, listLimit).map((n) => ({
      row: n.row,
      id: n.id,
      product: { id: n.product_id, name: n.product_name, names: names(n.product_names), unit: n.product_unit },
      quantity: n.quantity,
    })),
    suppliers: suppliers.slice(0, listLimit).map(toTrade),
    buyers: buyers.slice(0, listLimit).map(toTrade),
    truncated,
  };
}

function parseList(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
