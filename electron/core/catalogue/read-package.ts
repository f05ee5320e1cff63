import type { Db } from '../db/open.ts';
import type { Acceptance, Currency, Enterprise, Flow, Need, Offer, Product, TeiaPackage } from '../../../shared/domain/package.ts';
import { acceptanceFromRow, currencyFromRow, type CurrencyRow } from './acceptance.ts';

/**
 * The whole catalogue in the package's shape, in the order records were first written, so
 * that offers/needs/flows without ids keep their positional names (o3, n1, f12).
 * Set-valued columns are read in bulk (one query per table), not per enterprise.
 */
export function readPackage(
  db: Db,
  meta: { name?: string; description?: string } = {},
  /** relations: false leaves out offers, needs and flows, for a caller that streams them. */
  options: { relations?: boolean } = {},
): TeiaPackage {
  const pkg: TeiaPackage = { format: 'teia-package', version: 1 };
  if (meta.name) pkg.name = meta.name;
  if (meta.description) pkg.description = meta.description;

  pkg.products = (db.prepare('SELECT * FROM products ORDER BY position, id').all() as ProductRow[]).map(productFromRow);

  const grouped = (sql: string) => {
    const map = new Map<string, [string, unknown][]>();
    for (const r of db.prepare(sql).raw().all() as [string, string, unknown][]) {
      let list = map.get(r[0]);
      if (!list) map.set(r[0], (list = []));
      list.push([r[1], r[2]]);
    }
    return map;
  };
  const activities = grouped('SELECT enterprise_id, code, NULL FROM enterprise_activities ORDER BY enterprise_id, position');
  const qualifiers = grouped('SELECT enterprise_id, code, NULL FROM enterprise_qualifiers ORDER BY enterprise_id, position');
  const criteria = grouped('SELECT enterprise_id, criterion, value FROM criteria ORDER BY enterprise_id, position');
  const currencies = new Map<string, Acceptance[]>();
  for (const [e, c, share, products, asObject] of db
    .prepare('SELECT enterprise_id, currency_id, share, products, as_object FROM enterprise_currencies ORDER BY enterprise_id, position')
    .raw()
    .all() as [string, string, number | null, string | null, number][]) {
    let list = currencies.get(e);
    if (!list) currencies.set(e, (list = []));
    list.push(acceptanceFromRow(c, share, products, asObject));
  }
  const networks = grouped('SELECT enterprise_id, network_id, NULL FROM memberships ORDER BY enterprise_id, position');

  pkg.enterprises = (db.prepare('SELECT * FROM enterprises ORDER BY position, id').all() as EnterpriseRow[]).map((r) => {
    const e: Enterprise = { id: r.id, name: r.name, solidarity: r.solidarity === 1 };
    const set = (k: keyof Enterprise, v: unknown) => {
      if (v !== null && v !== undefined) (e as Record<string, unknown>)[k] = v;
    };
    set('description', r.description);
    const crit = criteria.get(r.id);
    if (crit) e.criteria = Object.fromEntries(crit) as Record<string, number>;
    set('legalForm', r.legal_form);
    set('organisationalStructure', r.organisational_structure);
    const acts = activities.get(r.id);
    if (acts) e.activities = acts.map((a) => a[0]);
    const quals = qualifiers.get(r.id);
    if (quals) e.qualifiers = quals.map((q) => q[0]);
    set('street', r.street);
    set('locality', r.locality);
    set('region', r.region);
    set('postcode', r.postcode);
    set('country', r.country);
    set('lat', r.lat);
    set('lon', r.lon);
    set('website', r.website);
    set('email', r.email);
    set('phone', r.phone);
    const curr = currencies.get(r.id);
    if (curr) e.currencies = curr;
    const nets = networks.get(r.id);
    if (nets) e.networks = nets.map((n) => n[0]);
    set('source', r.source);
    // Attributes the source had and the app has no column for travel on, never dropped.
    if (r.extra) {
      for (const [k, v] of Object.entries(JSON.parse(r.extra) as Record<string, unknown>)) if (!(k in e)) set(k as keyof Enterprise, v);
    }
    return e;
  });

  if (options.relations !== false) {
    pkg.offers = [...relationRows(db, 'offers')] as Offer[];
    pkg.needs = [...relationRows(db, 'needs')] as Need[];
    pkg.flows = [...relationRows(db, 'flows')] as Flow[];
  }
  pkg.networks = (db.prepare('SELECT id, name, description FROM networks ORDER BY position, id').all() as NetworkRow[]).map((r) =>
    r.description === null ? { id: r.id, name: r.name } : { id: r.id, name: r.name, description: r.description },
  );
  // Defined currencies only: one that enterprises accept but nobody defined travels as their ids.
  const defined = (db.prepare('SELECT * FROM currencies ORDER BY position, id').all() as CurrencyRow[])
    .map(currencyFromRow)
    .filter((c): c is Currency => c !== null);
  if (defined.length) pkg.currencies = defined;
  return pkg;
}

/**
 * Offers, needs or flows one at a time, in package order: a million flows need not be in
 * memory at once to be written out.
 */
export function* relationRows(db: Db, kind: 'offers' | 'needs' | 'flows'): Generator<Offer | Need | Flow> {
  const rows = db.prepare(`SELECT * FROM ${kind} ORDER BY rowid`).iterate();
  if (kind === 'offers') {
    for (const r of rows as Iterable<OfferRow>) {
      const o: Offer = { enterprise: r.enterprise_id, product: r.product_id };
      if (r.id !== null) o.id = r.id;
      if (r.capacity !== null) o.capacity = r.capacity;
      if (r.price !== null) o.price = r.price;
      if (r.currency !== null) o.currency = r.currency;
      if (r.certifications !== null) o.certifications = JSON.parse(r.certifications) as string[];
      yield withIdFirst(o);
    }
  } else if (kind === 'needs') {
    for (const r of rows as Iterable<NeedRow>) {
      const n: Need = { enterprise: r.enterprise_id, product: r.product_id, quantity: r.quantity };
      if (r.id !== null) n.id = r.id;
      yield withIdFirst(n);
    }
  } else {
    for (const r of rows as Iterable<FlowRow>) {
      const f: Flow = { supplier: r.supplier_id, buyer: r.buyer_id, product: r.product_id };
      if (r.quantity !== null) f.quantity = r.quantity; // null = unknown (spec v1.1)
      if (r.id !== null) f.id = r.id;
      if (r.value !== null) f.value = r.value;
      if (r.currency !== null) f.currency = r.currency;
      if (r.period !== null) f.period = r.period;
      yield withIdFirst(f);
    }
  }
}

function withIdFirst<T extends { id?: string }>(o: T): T {
  if (o.id === undefined) return o;
  const { id, ...rest } = o;
  return { id, ...rest } as T;
}

function productFromRow(r: ProductRow): Product {
  const p: Product = { id: r.id, name: r.name };
  const names = JSON.parse(r.names) as Record<string, string>;
  if (Object.keys(names).length) p.names = names;
  p.parent = r.parent;
  if (r.unit !== null) p.unit = r.unit;
  const codes = JSON.parse(r.codes) as Record<string, string>;
  if (Object.keys(codes).length) p.codes = codes;
  return p;
}

interface ProductRow { id: string; name: string; names: string; parent: string | null; unit: string | null; codes: string }
interface EnterpriseRow {
  id: string; name: string; description: string | null; solidarity: 0 | 1; legal_form: string | null;
  organisational_structure: string | null; street: string | null; locality: string | null; region: string | null;
  postcode: string | null; country: string | null; lat: number | null; lon: number | null; website: string | null;
  email: string | null; phone: string | null; source: string | null; extra: string | null;
}
interface OfferRow { id: string | null; enterprise_id: string; product_id: string; capacity: number | null; price: number | null; currency: string | null; certifications: string | null }
interface NeedRow { id: string | null; enterprise_id: string; product_id: string; quantity: number }
interface FlowRow { id: string | null; supplier_id: string; buyer_id: string; product_id: string; quantity: number | null; value: number | null; currency: string | null; period: string | null }
interface NetworkRow { id: string; name: string; description: string | null }
