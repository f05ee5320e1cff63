import type { Db } from '../db/open.ts';
import { loadVocab } from '../catalogue/vocab.ts';
import { activityLabel } from '../../../shared/domain/vocab.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { CataloguePrint, PrintEntry } from '../../../shared/contract/share.ts';

interface Row {
  id: string;
  name: string;
  nickname: string | null;
  solidarity: number;
  description: string | null;
  street: string | null;
  postcode: string | null;
  locality: string | null;
  region: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  lat: number | null;
  lon: number | null;
  activity: string | null;
}

/**
 * The printed catalogue's content, grouped in the core so that a 7,000-entry directory is
 * sorted once here and not in the page: activity (an enterprise's first), then town, then name,
 * each compared as people of that language read them.
 */
export function cataloguePrint(db: Db, network: string | null, lang: string): CataloguePrint {
  let title = 'Teia';
  if (network) {
    const n = db.prepare('SELECT name FROM networks WHERE id = ?').get(network) as { name: string } | undefined;
    if (!n) throw new TeiaError('not-found', `There is no network with the id "${network}".`, undefined, { key: 'network-not-found', args: { id: network } });
    title = n.name;
  }
  const scope = network ? 'JOIN memberships m ON m.enterprise_id = e.id AND m.network_id = @network' : '';
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.nickname, e.solidarity, e.description, e.street, e.postcode, e.locality, e.region, e.country,
              e.phone, e.email, e.website, e.lat, e.lon,
              (SELECT code FROM enterprise_activities a WHERE a.enterprise_id = e.id ORDER BY position LIMIT 1) AS activity
       FROM enterprises e ${scope}`,
    )
    .all(network ? { network } : {}) as Row[];

  const offers = new Map<string, PrintEntry['offers']>();
  const byProduct = new Map<string, { id: string; name: string }[]>();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  for (const o of db
    .prepare(`SELECT o.enterprise_id AS e, p.name AS product, p.names, o.price, o.currency FROM offers o JOIN products p ON p.id = o.product_id ORDER BY o.rowid`)
    .all() as { e: string; product: string; names: string; price: number | null; currency: string | null }[]) {
    if (!names.has(o.e)) continue;
    // A product's name in the catalogue's language when it has one (products.names is {lang: name}).
    o.product = (JSON.parse(o.names) as Record<string, string>)[lang] ?? o.product;
    const list = offers.get(o.e) ?? [];
    if (!list.some((x) => x.product === o.product)) list.push({ product: o.product, price: o.price, currency: o.currency });
    offers.set(o.e, list);
    const sellers = byProduct.get(o.product) ?? [];
    if (!sellers.some((s) => s.id === o.e)) sellers.push({ id: o.e, name: names.get(o.e)! });
    byProduct.set(o.product, sellers);
  }
  const accepted = new Map<string, string[]>();
  for (const c of db
    .prepare('SELECT ec.enterprise_id AS e, c.name FROM enterprise_currencies ec JOIN currencies c ON c.id = ec.currency_id ORDER BY ec.position')
    .all() as { e: string; name: string }[]) {
    if (names.has(c.e)) accepted.set(c.e, [...(accepted.get(c.e) ?? []), c.name]);
  }

  const vocab = loadVocab();
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const groups = new Map<string | null, Map<string | null, PrintEntry[]>>();
  for (const r of rows) {
    const activity = r.activity ? activityLabel(vocab, r.activity, lang) : null;
    const towns = groups.get(activity) ?? new Map<string | null, PrintEntry[]>();
    groups.set(activity, towns);
    const town = r.locality?.trim() || null;
    const list = towns.get(town) ?? [];
    towns.set(town, list);
    list.push({
      id: r.id,
      name: r.name,
      nickname: r.nickname,
      solidarity: r.solidarity === 1,
      description: r.description,
      address: [r.street, [r.postcode, r.locality].filter(Boolean).join(' '), r.region, r.country].filter(Boolean).join(', ') || null,
      phone: r.phone,
      email: r.email,
      website: r.website,
      offers: offers.get(r.id) ?? [],
      currencies: accepted.get(r.id) ?? [],
    });
  }
  // Named groups in the language's order; "no activity" and "no town" come last.
  const lastNull = (a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b));
  return {
    title,
    members: rows.length,
    solidarityMembers: rows.filter((r) => r.solidarity === 1).length,
    groups: [...groups.entries()]
      .sort(([a], [b]) => lastNull(a, b))
      .map(([activity, towns]) => ({
        activity,
        towns: [...towns.entries()]
          .sort(([a], [b]) => lastNull(a, b))
          .map(([town, entries]) => ({ town, entries: entries.sort((x, y) => collator.compare(x.name, y.name)) })),
      })),
    products: [...byProduct.entries()]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([product, enterprises]) => ({ product, enterprises: enterprises.sort((x, y) => collator.compare(x.name, y.name)) })),
    points: rows.filter((r) => r.lat !== null && r.lon !== null).map((r) => ({ lat: r.lat!, lon: r.lon!, solidarity: r.solidarity === 1 })),
  };
}
