import { CURRENCY_BACKINGS, CURRENCY_KINDS, type Currency, type Need, type Network, type Offer, type Product } from '../../../../shared/domain/package.ts';
import type { RecordKind } from '../../../../shared/domain/kinds.ts';
import type { FlowRecord, RejectedRow, Sourced } from '../types.ts';
import { listOf, numberOf, text } from '../formats/record.ts';
import { knownUnit } from './units.ts';
import { said } from '../../../../shared/contract/errors.ts';

/**
 * One row of a sheet of flows, offers, needs or products, already read into field names
 * (mapping and constants applied), turned into a record or a reason it cannot be one.
 * Partner and product cells stay text here; resolve.ts finds what they name.
 */
export type RowFields = Record<string, unknown>;
export type RowResult =
  | { kind: 'flows'; sourced: Sourced<FlowRecord> }
  | { kind: 'offers'; sourced: Sourced<Offer> }
  | { kind: 'needs'; sourced: Sourced<Need> }
  | { kind: 'products'; sourced: Sourced<Product> }
  | { kind: 'networks'; sourced: Sourced<Network> }
  | { kind: 'currencies'; sourced: Sourced<Currency> }
  | { rejected: RejectedRow };

type Reject = (reason: string) => { rejected: RejectedRow };

/** A quantity-like cell: missing is fine (undefined); present must be a number ≥ 0. */
function amount(raw: unknown, what: string, reject: Reject): number | undefined | { rejected: RejectedRow } {
  if (text(raw) === undefined) return undefined;
  const n = numberOf(typeof raw === 'string' ? raw.replace(/^[^\d+-.]*?(?=[\d+-.])/, '').replace(/\s/g, '') : raw);
  if (n === undefined) return reject(`Its ${what} "${text(raw)}" is not a number.`);
  if (n < 0) return reject(`Its ${what} is negative (${n}); a ${what} is zero or more.`);
  return n;
}
const isRejection = (v: unknown): v is { rejected: RejectedRow } => typeof v === 'object' && v !== null && 'rejected' in v;

/** A period cell: a year, a month, a date, or an Excel date serial number read as a plain number. */
export function periodOf(raw: unknown): string | undefined {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (typeof raw === 'number' && Number.isInteger(raw)) {
    if (raw >= 1900 && raw <= 2200) return String(raw);
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug included); 20000–80000 is 1954–2119.
    if (raw >= 20000 && raw <= 80000) return new Date(Date.UTC(1899, 11, 30) + raw * 86400000).toISOString().slice(0, 10);
  }
  return text(raw);
}

export function buildRow(kind: Exclude<RecordKind, 'enterprises'>, raw: RowFields, line: number): RowResult {
  const reject: Reject = (reason) => ({ rejected: { line, reason } });
  const unitText = text(raw.unit);
  const unit = unitText === undefined ? undefined : knownUnit(unitText);
  if (kind === 'currencies') return buildCurrency(raw, line);
  if (unitText !== undefined && unit === undefined && kind !== 'products') {
    return { rejected: { line, reason: `Its unit "${unitText}" is not one Teia knows (e.g. kg, t, l, unit, dozen, h); write it as one of those.`, ...said({ key: 'row-unknown-unit', args: { unit: unitText } }) } };
  }
  const productText = text(raw.product);
  const hs = text(raw.hs);
  const product = productText ?? hs;

  if (kind === 'networks') {
    const id = text(raw.id);
    const name = text(raw.name);
    if (id === undefined || name === undefined) return reject('A network needs an id and a name.');
    const description = text(raw.description);
    return { kind, sourced: { value: { id, name, ...(description ? { description } : {}) }, line } };
  }
  if (kind === 'products') {
    const name = text(raw.name);
    if (name === undefined) return reject('It has no product name.');
    const p: Product = { id: text(raw.id) ?? '', name };
    // The parent may be written as a name; resolve.ts looks it up (and gives an empty id one).
    const names: Record<string, string> = {};
    for (const [field, lang] of [['namePt', 'pt'], ['nameEs', 'es'], ['nameFr', 'fr']] as const) {
      const n = text(raw[field]);
      if (n !== undefined) names[lang] = n;
    }
    if (Object.keys(names).length) p.names = names;
    const parent = text(raw.parent);
    if (parent !== undefined) p.parent = parent;
    // Kept as written: a product's unit is the catalogue's word for it (conversions compare both).
    if (unitText !== undefined) p.unit = unitText;
    if (hs !== undefined) p.codes = { hs };
    // An empty id is given one from the name by resolve.ts, unique against the catalogue.
    return { kind, sourced: { value: p, line, names: {} } };
  }

  if (product === undefined) return reject('It names no product (map a product column, or give one product for all rows).');
  const productRef = { text: product, ...(hs !== undefined ? { hs } : {}), ...(unit ? { unit } : {}) };
  const id = text(raw.id);

  if (kind === 'flows') {
    const supplier = text(raw.supplier);
    const buyer = text(raw.buyer);
    if (supplier === undefined) return { rejected: { line, ...(buyer ? { record: buyer } : {}), reason: 'It names no supplier.', ...said({ key: 'row-no-supplier' }) } };
    if (buyer === undefined) return { rejected: { line, record: supplier, reason: 'It names no buyer.', ...said({ key: 'row-no-buyer' }) } };
    const quantity = amount(raw.quantity, 'quantity', reject);
    if (isRejection(quantity)) return quantity;
    let value = amount(raw.value, 'value', reject);
    if (isRejection(value)) return value;
    const price = amount(raw.price, 'price', reject);
    if (isRejection(price)) return price;
    // A price with a quantity gives the value; a price alone is kept on the record, not spread.
    if (value === undefined && price !== undefined && quantity !== undefined) value = price * quantity;
    const f: FlowRecord = { supplier, buyer, product };
    if (id !== undefined) f.id = id;
    if (quantity !== undefined) f.quantity = quantity;
    if (value !== undefined) f.value = value;
    const currency = text(raw.currency);
    if (currency !== undefined) f.currency = currency;
    const period = periodOf(raw.period);
    if (period !== undefined) f.period = period;
    const extra = price !== undefined && quantity === undefined && text(raw.value) === undefined ? { price } : undefined;
    const place = (p: unknown) => (text(p) ? { place: text(p)! } : {});
    return {
      kind,
      sourced: {
        value: f,
        line,
        ...(extra ? { extra } : {}),
        names: { supplier: { text: supplier, ...place(raw.supplierPlace) }, buyer: { text: buyer, ...place(raw.buyerPlace) }, product: productRef },
      },
    };
  }

  const enterprise = text(raw.enterprise);
  if (enterprise === undefined) return reject('It names no enterprise.');
  const names = { enterprise: { text: enterprise, ...(text(raw.place) ? { place: text(raw.place)! } : {}) }, product: productRef };
  if (kind === 'offers') {
    const capacity = amount(raw.capacity, 'capacity', reject);
    if (isRejection(capacity)) return capacity;
    const price = amount(raw.price, 'price', reject);
    if (isRejection(price)) return price;
    const o: Offer = { enterprise, product };
    if (id !== undefined) o.id = id;
    if (capacity !== undefined) o.capacity = capacity;
    if (price !== undefined) o.price = price;
    const currency = text(raw.currency);
    if (currency !== undefined) o.currency = currency;
    const certifications = listOf(raw.certifications);
    if (certifications.length) o.certifications = certifications;
    return { kind, sourced: { value: o, line, names } };
  }
  const quantity = amount(raw.quantity, 'quantity', reject);
  if (isRejection(quantity)) return quantity;
  if (quantity === undefined) return { rejected: { line, record: enterprise, reason: 'It gives no quantity: a need says how much is needed.', ...said({ key: 'row-no-quantity' }) } };
  const n: Need = { enterprise, product, quantity };
  if (id !== undefined) n.id = id;
  return { kind, sourced: { value: n, line, names } };
}

/** A code cell (a currency's kind, its backing): the package's code, any case, spaces or _ for -. */
function codeOf<T extends string>(raw: unknown, codes: readonly T[]): T | undefined | null {
  const t = text(raw);
  if (t === undefined) return undefined;
  const code = t.toLowerCase().replace(/[\s_]+/g, '-');
  return (codes as readonly string[]).includes(code) ? (code as T) : null;
}

/**
 * A currency's definition (ENGINE.md §3.8). The issuer is an enterprise id and the products
 * product ids, as the catalogue workbook writes them; apply.ts checks both exist.
 */
function buildCurrency(raw: RowFields, line: number): RowResult {
  const id = text(raw.id);
  const name = text(raw.name);
  if (id === undefined || name === undefined) return { rejected: { line, reason: 'A currency needs an id and a name.', ...said({ key: 'row-currency-no-id' }) } };
  const kind = codeOf(raw.kind, CURRENCY_KINDS);
  const kinds = CURRENCY_KINDS.join(', ');
  if (kind === undefined) return { rejected: { line, record: id, reason: `It gives no kind: write one of ${kinds}.`, ...said({ key: 'row-currency-no-kind', args: { kinds } }) } };
  if (kind === null) return { rejected: { line, record: id, reason: `Its kind "${text(raw.kind)}" is not one Teia knows: write one of ${kinds}.`, ...said({ key: 'row-currency-kind', args: { kind: text(raw.kind)!, kinds } }) } };
  const c: Currency = { id, name, kind };
  const unit = text(raw.unit);
  if (unit !== undefined) c.unit = unit;
  if (text(raw.rate) !== undefined) {
    const rate = numberOf(raw.rate);
    if (rate === undefined || rate <= 0) return { rejected: { line, record: id, reason: `Its rate "${text(raw.rate)}" is not a number above 0.`, ...said({ key: 'row-currency-rate', args: { rate: text(raw.rate)! } }) } };
    c.rate = rate;
  }
  const issuer = text(raw.issuer);
  if (issuer !== undefined) c.issuer = issuer;
  const backing = codeOf(raw.backing, CURRENCY_BACKINGS);
  const backings = CURRENCY_BACKINGS.join(', ');
  if (backing === null) return { rejected: { line, record: id, reason: `Its backing "${text(raw.backing)}" is not one Teia knows: write one of ${backings}.`, ...said({ key: 'row-currency-backing', args: { backing: text(raw.backing)!, backings } }) } };
  if (backing !== undefined) c.backing = backing;
  const description = text(raw.description);
  if (description !== undefined) c.description = description;
  const products = listOf(raw.products);
  if (products.length) c.products = products;
  return { kind: 'currencies', sourced: { value: c, line } };
}
