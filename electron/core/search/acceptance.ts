import type { Db } from '../db/open.ts';
import type { AcceptanceHit } from '../../../shared/contract/search.ts';
import { stmt } from './statements.ts';
import { inferredOffers } from './resale.ts';
import { localName, withDescendants } from './taxonomy.ts';

/**
 * "Accepts my currency" for the product searched (issue 13, ENGINE.md §3.8 accepts(e, c, p)):
 * `e` lists `c`, and `p` is within that entry's `products` and within the currency's own
 * `products` (a voucher's scope). `p` is within a list when it is a listed product or
 * narrower; an empty or missing list is everything. So a food voucher finds the bakery that
 * takes it for bread, and not the shop that takes it only for soap.
 *
 * Search passes the answer to SQL as two JSON lists, so the filter runs before LIMIT:
 * `allowed`, the searched products the currency may pay for, and `limited`, for each
 * product list that entries are limited to (as stored, the JSON text), the allowed products
 * within it. Keyed by list rather than by enterprise: thousands of entries name the same few
 * lists, and a broad search ("food") has many products.
 */
export interface AcceptanceScope {
  currency: string;
  allowed: string[];
  /** `list<US>product` keys (US = char 31, which no id contains in practice). */
  limited: string[];
}

const SEP = '\u001f';

export function acceptanceScope(db: Db, currency: string, productIds: readonly string[]): AcceptanceScope {
  const allowed = withinOf(db, currencyProducts(db, currency), productIds);
  const limited: string[] = [];
  if (allowed.length > 0) {
    // Entries limited to some products are few (most take a currency for everything); many
    // name the same list, so each list is expanded once.
    const lists = stmt(
      db,
      `SELECT DISTINCT products FROM enterprise_currencies
       WHERE currency_id = ? AND products IS NOT NULL AND products <> '[]'`,
    )
      .pluck()
      .all(currency) as string[];
    for (const list of lists) for (const p of withinOf(db, parseList(list), allowed)) limited.push(list + SEP + p);
  }
  return { currency, allowed, limited };
}

/** SQL: true when enterprise `e` accepts @currency for product `p` (parameters of acceptanceParams). */
export function acceptsSql(e: string, p: string): string {
  return `(${p} IN (SELECT value FROM json_each(@allowed))
    AND EXISTS (SELECT 1 FROM enterprise_currencies ec WHERE ec.enterprise_id = ${e} AND ec.currency_id = @currency
      AND (ec.products IS NULL OR ec.products = '[]' OR (ec.products || char(31) || ${p}) IN (SELECT value FROM json_each(@limited)))))`;
}

export function acceptanceParams(scope: AcceptanceScope | null) {
  return {
    currency: scope?.currency ?? null,
    allowed: JSON.stringify(scope?.allowed ?? []),
    limited: JSON.stringify(scope?.limited ?? []),
  };
}

/**
 * Of these enterprises (search results before the currency filter), those that accept the
 * currency for a product in question: one of the searched products they offer (recorded,
 * priced in the currency, or inferred for a shop); for one found by name or text that offers
 * none of them, any product it offers (the shoe shop taking a food voucher takes it for
 * nothing it sells); for one that records no offer at all, anything its entry and the
 * currency's scope have in common.
 */
export function acceptingFor(db: Db, ids: readonly string[], currency: string, productIds: readonly string[]): Set<string> {
  const ok = new Set<string>();
  if (ids.length === 0) return ok;
  const bySearched = offeredBy(db, ids, productIds);
  for (const e of acceptingAmong(db, bySearched, currency, productIds)) ok.add(e);
  const rest = ids.filter((id) => !bySearched.has(id));
  if (rest.length === 0) return ok;
  const byAny = offeredBy(db, rest, null);
  const anyProducts = [...new Set([...byAny.values()].flatMap((o) => o.map((x) => x.p)))];
  for (const e of acceptingAmong(db, byAny, currency, anyProducts)) ok.add(e);
  const offeringNothing = rest.filter((id) => !byAny.has(id));
  if (offeringNothing.length > 0) for (const e of acceptingAnything(db, offeringNothing, currency)) ok.add(e);
  return ok;
}

interface Offered {
  p: string;
  /** The currency the offer is priced in (null for an inferred offer). */
  c: string | null;
}

/** What these enterprises offer of `productIds` (null: of anything), recorded or inferred. */
function offeredBy(db: Db, ids: readonly string[], productIds: readonly string[] | null): Map<string, Offered[]> {
  const map = new Map<string, Offered[]>();
  if (productIds !== null && productIds.length === 0) return map;
  const rows = stmt(
    db,
    `SELECT o.enterprise_id AS e, o.product_id AS p, o.currency AS c FROM json_each(@ids) ids
     CROSS JOIN offers o ON o.enterprise_id = ids.value
     WHERE @all OR +o.product_id IN (SELECT value FROM json_each(@products))`,
  ).all({ ids: JSON.stringify(ids), products: JSON.stringify(productIds ?? []), all: productIds === null ? 1 : 0 }) as { e: string; p: string; c: string | null }[];
  const bought = productIds ?? (stmt(db, 'SELECT DISTINCT product_id FROM flows WHERE buyer_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[]);
  const inferred = inferredOffers(db, ids, bought).map((o) => ({ e: o.enterprise, p: o.productId, c: null }));
  for (const r of [...rows, ...inferred]) (map.get(r.e) ?? map.set(r.e, []).get(r.e)!).push({ p: r.p, c: r.c });
  return map;
}

/** Of the enterprises in `offered`, those accepting the currency for one of the products they offer (of `productIds`). */
function acceptingAmong(db: Db, offered: Map<string, Offered[]>, currency: string, productIds: readonly string[]): string[] {
  if (offered.size === 0) return [];
  const scope = acceptanceScope(db, currency, productIds);
  const allowed = new Set(scope.allowed);
  const out: string[] = [];
  const pairs: [string, string][] = [];
  for (const [e, offers] of offered) {
    // An offer priced in the currency takes it for that product (if the currency may pay for it).
    if (offers.some((o) => o.c === currency && allowed.has(o.p))) out.push(e);
    else for (const o of offers) pairs.push([e, o.p]);
  }
  if (pairs.length === 0) return out;
  const accepting = stmt(
    db,
    `SELECT DISTINCT json_extract(value, '$[0]') FROM json_each(@pairs)
     WHERE ${acceptsSql("json_extract(value, '$[0]')", "json_extract(value, '$[1]')")}`,
  )
    .pluck()
    .all({ pairs: JSON.stringify(pairs), ...acceptanceParams(scope) }) as string[];
  return [...out, ...accepting];
}

/** Of these enterprises (which record no offer), those whose entry for the currency covers at least one product the currency may pay for. */
function acceptingAnything(db: Db, ids: readonly string[], currency: string): string[] {
  const own = currencyProducts(db, currency);
  const ownWithin = own ? new Set(withDescendants(db, own)) : null;
  const rows = stmt(
    db,
    `SELECT enterprise_id AS e, products FROM enterprise_currencies
     WHERE currency_id = @c AND enterprise_id IN (SELECT value FROM json_each(@ids))`,
  ).all({ c: currency, ids: JSON.stringify(ids) }) as { e: string; products: string | null }[];
  const out: string[] = [];
  for (const r of rows) {
    const list = parseList(r.products);
    // Two lists overlap when some product of one is within the other (subtrees nest or are apart).
    if (!list || !ownWithin || list.some((p) => ownWithin.has(p)) || withDescendants(db, list).some((p) => own!.includes(p))) out.push(r.e);
  }
  return out;
}

/** What each enterprise accepts, as a result shows it: the share it takes and the products it takes it for (names in `lang`). */
export function acceptancesOf(db: Db, ids: readonly string[], lang: string | undefined): Map<string, AcceptanceHit[]> {
  const map = new Map<string, AcceptanceHit[]>();
  if (ids.length === 0) return map;
  const rows = stmt(
    db,
    `SELECT enterprise_id AS e, currency_id AS c, share, products FROM enterprise_currencies
     WHERE enterprise_id IN (SELECT value FROM json_each(?)) ORDER BY enterprise_id, position`,
  ).all(JSON.stringify(ids)) as { e: string; c: string; share: number | null; products: string | null }[];
  const productName = stmt(db, 'SELECT name, names FROM products WHERE id = ?');
  const names = new Map<string, string>();
  const nameOf = (id: string) => {
    let n = names.get(id);
    if (n === undefined) {
      const p = productName.get(id) as { name: string; names: string } | undefined;
      names.set(id, (n = p ? localName(p.name, p.names, lang) : id));
    }
    return n;
  };
  for (const r of rows) {
    const list = parseList(r.products);
    const hit: AcceptanceHit = { currency: r.c, share: r.share, products: list ? list.map((id) => ({ id, name: nameOf(id) })) : null };
    (map.get(r.e) ?? map.set(r.e, []).get(r.e)!).push(hit);
  }
  return map;
}

/** The currency's own `products` (a voucher's scope), or null for any. */
function currencyProducts(db: Db, currency: string): string[] | null {
  return parseList(stmt(db, 'SELECT products FROM currencies WHERE id = ?').pluck().get(currency) as string | null | undefined);
}

/** Of `productIds`, those within `list` (null = all of them). */
function withinOf(db: Db, list: string[] | null, productIds: readonly string[]): string[] {
  if (!list) return [...productIds];
  const within = new Set(withDescendants(db, list));
  return productIds.filter((p) => within.has(p));
}

function parseList(json: string | null | undefined): string[] | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) && v.length > 0 ? v.filter((x): x is string => typeof x === 'string') : null;
  } catch {
    return null;
  }
}
