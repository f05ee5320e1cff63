import type { Acceptance, Currency } from '../../../shared/domain/package.ts';

/**
 * An enterprise's acceptance of a currency (ENGINE.md §3.8) between the package and the
 * enterprise_currencies row: a plain id when it takes the currency for the whole price of
 * everything, else `{currency, share, products}` with only the parts it limits.
 */
export interface AcceptanceRow {
  currency: string;
  share: number | null;
  /** JSON array of product ids, or null for everything. */
  products: string | null;
  /** 1 when written as an object, to give back the same form. */
  asObject: 0 | 1;
}

export function acceptanceToRow(a: Acceptance): AcceptanceRow {
  if (typeof a === 'string') return { currency: a, share: null, products: null, asObject: 0 };
  return { currency: a.currency, share: a.share ?? null, products: a.products ? JSON.stringify(a.products) : null, asObject: 1 };
}

export function acceptanceFromRow(currency: string, share: number | null, products: string | null, asObject: number): Acceptance {
  if (share === null && products === null && !asObject) return currency;
  const out: { currency: string; share?: number; products?: string[] } = { currency };
  if (share !== null) out.share = share;
  if (products !== null) out.products = JSON.parse(products) as string[];
  return out;
}

export const acceptedCurrency = (a: Acceptance): string => (typeof a === 'string' ? a : a.currency);

export interface CurrencyRow {
  id: string;
  name: string;
  kind: Currency['kind'] | null;
  unit: string | null;
  rate: number | null;
  issuer: string | null;
  backing: Currency['backing'] | null;
  description: string | null;
  products: string | null;
}

/** A defined currency in the package's shape, fields in the schema's order; null for a placeholder (an accepted id nobody defined). */
export function currencyFromRow(r: CurrencyRow): Currency | null {
  if (r.kind === null) return null;
  const c: Currency = { id: r.id, name: r.name, kind: r.kind };
  if (r.unit !== null) c.unit = r.unit;
  if (r.rate !== null) c.rate = r.rate;
  if (r.issuer !== null) c.issuer = r.issuer;
  if (r.backing !== null) c.backing = r.backing;
  if (r.description !== null) c.description = r.description;
  if (r.products !== null) c.products = JSON.parse(r.products) as string[];
  return c;
}
