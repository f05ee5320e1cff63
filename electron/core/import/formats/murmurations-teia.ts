import { acceptanceSchema, currencySchema, type Acceptance, type Flow, type Need, type Offer, type Product } from '../../../../shared/domain/package.ts';
import type { ParsedFile } from '../types.ts';
import { isObject } from './json.ts';

/**
 * What a Teia export adds to Murmurations profiles (docs/murmurations.md): `teia_flows` on an
 * organisation (its sales: supplier, buyer, product, quantity, value), `teia_record` on an
 * offers_wants profile (the offer or need itself) and `teia_products` (the products those
 * name, with their parents). Read back, they give the catalogue's links whole; profiles from
 * elsewhere simply lack them. Each product and flow read is a row of its own in the report.
 */
export function readTeiaExtensions(p: Record<string, unknown>, line: number, out: ParsedFile, seenProducts: Set<string>): void {
  if (Array.isArray(p.teia_products)) {
    for (const prod of p.teia_products) {
      if (!isObject(prod) || typeof prod.id !== 'string' || typeof prod.name !== 'string' || seenProducts.has(prod.id)) continue;
      seenProducts.add(prod.id);
      out.products.push({ value: prod as unknown as Product, line });
      out.rowsRead++;
    }
  }
  if (Array.isArray(p.teia_flows)) {
    for (const f of p.teia_flows) {
      if (!isObject(f) || typeof f.supplier !== 'string') continue;
      out.flows.push({ value: f as unknown as Flow, line });
      out.rowsRead++;
    }
  }
}

/**
 * A complementary_currencies profile written by Teia carries the currency whole in
 * `teia_currency`: read back as the package's definition. False for one from elsewhere.
 */
export function readTeiaCurrency(p: Record<string, unknown>, line: number, out: ParsedFile): boolean {
  const c = currencySchema.safeParse(p.teia_currency);
  if (!c.success) return false;
  out.currencies.push({ value: c.data, line });
  return true;
}

/** What an organisation written by Teia accepts (`teia_currencies`, each an id or {currency, share, products}); undefined when it says nothing usable. */
export function teiaAcceptances(p: Record<string, unknown>): Acceptance[] | undefined {
  if (!Array.isArray(p.teia_currencies)) return undefined;
  const list = p.teia_currencies.map((a) => acceptanceSchema.safeParse(a)).flatMap((r) => (r.success ? [r.data] : []));
  return list.length ? list : undefined;
}

/** An offers_wants profile written by Teia: its offer or need; null for one from elsewhere. */
export function readTeiaRecord(p: Record<string, unknown>, line: number, out: ParsedFile): boolean {
  const r = p.teia_record;
  if (!isObject(r) || typeof r.enterprise !== 'string' || typeof r.product !== 'string') return false;
  if (p.exchange_type === 'want') out.needs.push({ value: r as unknown as Need, line });
  else out.offers.push({ value: r as unknown as Offer, line });
  return true;
}
