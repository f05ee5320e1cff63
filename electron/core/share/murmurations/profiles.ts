import type { Enterprise, Flow, Need, Offer, TeiaPackage } from '../../../../shared/domain/package.ts';
import type { Vocab } from '../../../../shared/domain/vocab.ts';
import { activityLabel } from '../../../../shared/domain/vocab.ts';

/**
 * Teia's catalogue as Murmurations profiles: one organizations_schema profile per enterprise,
 * one offers_wants_schema profile per offer and need, one complementary_currencies profile per
 * currency. Supply links go in `relationships` with the two predicates docs/murmurations.md
 * explains; the exact flow (product, quantity, value) rides in `teia_flows`, a field outside
 * the linked schemas that other readers ignore and a Teia reading the profiles gets back.
 */
export const PREDICATE_BUYS_FROM = 'https://schema.org/seller';
export const PREDICATE_SELLS_TO = 'https://schema.org/customer';

export type Profile = Record<string, unknown>;
export interface ProfileFile {
  /** Path inside the export folder, "/"-separated. */
  path: string;
  kind: 'organization' | 'offer' | 'want' | 'currency';
  /** The record it comes from, for the row-by-row report. */
  record: string;
  profile: Profile;
}

const slug = (id: string) => encodeURIComponent(id);
const isUrl = (s: string | undefined): s is string => !!s && /^https?:\/\/\S+$/i.test(s);
const put = (p: Profile, key: string, v: unknown) => {
  if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) p[key] = v;
};

export function profilePaths(baseUrl: string) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    organization: (id: string) => `organizations/${slug(id)}.json`,
    offer: (id: string) => `offers-wants/${slug(id)}.json`,
    currency: (id: string) => `currencies/${slug(id)}.json`,
    url: (path: string) => base + path,
  };
}

export function buildProfiles(pkg: TeiaPackage, baseUrl: string, vocab: Vocab): ProfileFile[] {
  const paths = profilePaths(baseUrl);
  const products = new Map((pkg.products ?? []).map((p) => [p.id, p]));
  const productName = new Map((pkg.products ?? []).map((p) => [p.id, p.name]));
  /** The product and its ancestors, so a reader can define what a record names. */
  const lineage = (ids: string[]) => {
    const out = new Map<string, Record<string, unknown>>();
    for (let id of ids) {
      for (let guard = 0; id && products.has(id) && !out.has(id) && guard < 64; guard++) {
        const p = products.get(id)!;
        out.set(id, Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== null)));
        id = p.parent ?? '';
      }
    }
    return [...out.values()];
  };
  const enterprises = pkg.enterprises ?? [];
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  const orgUrl = (id: string) => paths.url(paths.organization(id));
  const offersOf = groupBy(pkg.offers ?? [], (o) => o.enterprise);
  const flowsOut = groupBy(pkg.flows ?? [], (f) => f.supplier);
  const flowsIn = groupBy(pkg.flows ?? [], (f) => f.buyer);
  const files: ProfileFile[] = [];

  for (const e of enterprises) {
    const p: Profile = { linked_schemas: ['organizations_schema-v1.0.0'], name: e.name, unique_id: e.id };
    put(p, 'nickname', (e as Enterprise & { nickname?: string }).nickname);
    put(p, 'primary_url', isUrl(e.website) ? e.website : undefined);
    const tags = unique([
      ...(e.activities ?? []).map((a) => activityLabel(vocab, a, 'en')),
      ...(offersOf.get(e.id) ?? []).map((o) => productName.get(o.product) ?? o.product),
    ]).filter((t) => t.length <= 100).slice(0, 100);
    put(p, 'tags', tags);
    put(p, 'description', e.description);
    put(p, 'full_address', [e.street, [e.postcode, e.locality].filter(Boolean).join(' '), e.region, e.country].filter(Boolean).join(', '));
    put(p, 'country_iso_3166', e.country && /^[A-Za-z]{2}$/.test(e.country) ? e.country.toUpperCase() : undefined);
    if (e.lat !== undefined && e.lon !== undefined) p.geolocation = { lat: e.lat, lon: e.lon };
    put(p, 'contact_details', e.email ? { email: e.email } : undefined);
    put(p, 'telephone', e.phone);
    const relationships = unique([
      ...(flowsIn.get(e.id) ?? []).filter((f) => byId.has(f.supplier)).map((f) => `${PREDICATE_BUYS_FROM} ${orgUrl(f.supplier)}`),
      ...(flowsOut.get(e.id) ?? []).filter((f) => byId.has(f.buyer)).map((f) => `${PREDICATE_SELLS_TO} ${orgUrl(f.buyer)}`),
    ]).map((r) => {
      const [predicate_url, object_url] = r.split(' ');
      return { predicate_url, object_url };
    });
    put(p, 'relationships', relationships);
    const out = flowsOut.get(e.id) ?? [];
    put(p, 'teia_flows', out.map((f) => flowExtension(f)));
    // What it accepts (ENGINE.md §3.8), as the package writes it: the import reads it back.
    put(p, 'teia_currencies', e.currencies);
    put(p, 'teia_products', lineage(out.map((f) => f.product)));
    files.push({ path: paths.organization(e.id), kind: 'organization', record: e.name, profile: p });
  }

  const relations: [Offer | Need, 'offer' | 'want', number][] = [
    ...(pkg.offers ?? []).map((o, i) => [o, 'offer', i] as [Offer, 'offer', number]),
    ...(pkg.needs ?? []).map((n, i) => [n, 'want', i] as [Need, 'want', number]),
  ];
  for (const [r, exchange, index] of relations) {
    const owner = byId.get(r.enterprise);
    if (!owner) continue;
    const id = r.id ?? `${exchange === 'offer' ? 'o' : 'n'}${index + 1}`;
    const product = productName.get(r.product) ?? r.product;
    const p: Profile = {
      linked_schemas: ['offers_wants_schema-v0.1.0'],
      exchange_type: exchange,
      item_type: 'good',
      transaction_type: ['buy-sell'],
      tags: [product],
      title: product,
      description: exchange === 'offer' ? `${owner.name} offers ${product}.` : `${owner.name} is looking for ${product}.`,
      // The schema requires a scope; a solidarity network's offers are local by default.
      geographic_scope: 'local',
      contact_details: owner.email ? { email: owner.email } : isUrl(owner.website) ? { contact_form: owner.website } : {},
      details_url: orgUrl(owner.id),
    };
    if (owner.lat !== undefined && owner.lon !== undefined) p.geolocation = { lat: owner.lat, lon: owner.lon };
    p.teia_record = { ...r, id };
    p.teia_products = lineage([r.product]);
    files.push({ path: paths.offer(id), kind: exchange, record: `${owner.name}: ${product}`, profile: p });
  }

  for (const c of pkg.currencies ?? []) {
    const path = paths.currency(c.id);
    const p: Profile = {
      linked_schemas: ['complementary_currencies-v2.0.0'],
      name: c.name ?? c.id,
      // The schema requires a primary URL; a currency without a website of its own is known
      // by its profile's address.
      primary_url: paths.url(path),
      unique_id: c.id,
    };
    put(p, 'description', c.description);
    if (c.kind === 'time-credits') Object.assign(p, { unit_of_account_type: 'time', movement: 'timebank' });
    p.teia_currency = c;
    files.push({ path, kind: 'currency', record: c.name ?? c.id, profile: p });
  }
  return files;
}

function flowExtension(f: Flow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter(Boolean))];
}
