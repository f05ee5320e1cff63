import type { Db } from '../db/open.ts';
import type { GraphEdge, GraphNode, NetworkGraph } from '../../../shared/contract/network.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';

/**
 * The flow graph the network views draw. Flows are summed per (supplier, buyer) pair in SQL;
 * a flow's value is the engine's value(f) (ENGINE.md §2): its own value, else quantity × the
 * supplier's price for exactly that product, else unknown (counted, not summed).
 */
export interface GraphQuery {
  network: string | null;
  focus?: string;
  tiers: number;
  product?: string;
  maxNodes: number;
}

interface PairRow {
  supplier: string;
  buyer: string;
  value: number | null;
  flows: number;
  unvalued: number;
  products: string;
}

const flowValue = `COALESCE(f.value, f.quantity * (
  SELECT o.price FROM offers o
  WHERE o.enterprise_id = f.supplier_id AND o.product_id = f.product_id AND o.price IS NOT NULL
  ORDER BY o.rowid LIMIT 1))`;

function pairQuery(where: string[]): string {
  return `WITH RECURSIVE sub(id) AS (
      SELECT ? WHERE ? IS NOT NULL
      UNION SELECT p.id FROM products p JOIN sub ON p.parent = sub.id
    ),
    valued AS (
      SELECT f.supplier_id, f.buyer_id, f.product_id, ${flowValue} AS v FROM flows f
      WHERE (? IS NULL OR f.product_id IN (SELECT id FROM sub)) ${where.map((w) => `AND ${w}`).join(' ')}
    )
    SELECT supplier_id AS supplier, buyer_id AS buyer, SUM(v) AS value, COUNT(*) AS flows,
      SUM(v IS NULL) AS unvalued, group_concat(DISTINCT product_id) AS products
    FROM valued GROUP BY supplier_id, buyer_id ORDER BY supplier_id, buyer_id`;
}

export function networkGraph(db: Db, q: GraphQuery): NetworkGraph {
  const product = q.product ?? null;
  if (product !== null && !db.prepare('SELECT 1 FROM products WHERE id = ?').get(product)) {
    throw new TeiaError('not-found', `There is no product "${product}" in this catalogue.`, undefined, { key: 'product-not-found', args: { id: product } });
  }
  if (q.network !== null && !db.prepare('SELECT 1 FROM networks WHERE id = ?').get(q.network)) {
    throw new TeiaError('not-found', `There is no network "${q.network}" in this catalogue.`, undefined, { key: 'network-not-found', args: { id: q.network } });
  }
  if (q.focus !== undefined && !db.prepare('SELECT 1 FROM enterprises WHERE id = ?').get(q.focus)) {
    throw new TeiaError('not-found', `There is no enterprise "${q.focus}" in this catalogue.`, undefined, { key: 'enterprise-not-found', args: { id: q.focus } });
  }
  const members = new Set<string>();
  if (q.network !== null) {
    for (const r of db.prepare('SELECT enterprise_id AS id FROM memberships WHERE network_id = ?').all(q.network) as { id: string }[]) members.add(r.id);
  }

  let pairs: PairRow[];
  const tierOf = new Map<string, number>();
  if (q.focus !== undefined) {
    // A chain crosses networks: walk upstream over every flow, tier by tier.
    const all = db.prepare(pairQuery([])).all(product, product, product) as PairRow[];
    const into = new Map<string, PairRow[]>();
    for (const p of all) {
      const list = into.get(p.buyer);
      if (list) list.push(p);
      else into.set(p.buyer, [p]);
    }
    tierOf.set(q.focus, 0);
    pairs = [];
    let frontier = [q.focus];
    for (let t = 1; t <= q.tiers && frontier.length; t++) {
      const next: string[] = [];
      for (const b of frontier) {
        for (const p of into.get(b) ?? []) {
          pairs.push(p);
          if (!tierOf.has(p.supplier)) {
            tierOf.set(p.supplier, t);
            next.push(p.supplier);
          }
        }
      }
      frontier = next;
    }
  } else if (q.network !== null) {
    pairs = db
      .prepare(pairQuery(['f.buyer_id IN (SELECT enterprise_id FROM memberships WHERE network_id = ?)']))
      .all(product, product, product, q.network) as PairRow[];
  } else {
    pairs = db.prepare(pairQuery([])).all(product, product, product) as PairRow[];
  }

  const flowIn = new Map<string, number>();
  const flowOut = new Map<string, number>();
  for (const p of pairs) {
    flowOut.set(p.supplier, (flowOut.get(p.supplier) ?? 0) + (p.value ?? 0));
    flowIn.set(p.buyer, (flowIn.get(p.buyer) ?? 0) + (p.value ?? 0));
  }
  const ids = new Set<string>([...(q.focus === undefined ? members : [q.focus]), ...flowOut.keys(), ...flowIn.keys()]);
  const weight = (id: string) => (flowIn.get(id) ?? 0) + (flowOut.get(id) ?? 0);
  let kept = [...ids];
  const truncated = kept.length > q.maxNodes;
  if (truncated) {
    // Keep the enterprises carrying the most value; the focus always stays.
    kept.sort((a, b) => (a === q.focus ? -1 : b === q.focus ? 1 : weight(b) - weight(a) || (a < b ? -1 : 1)));
    kept = kept.slice(0, q.maxNodes);
  }
  const keep = new Set(kept);
  const info = new Map(
    (
      db
        .prepare('SELECT id, name, solidarity, lat, lon FROM enterprises WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(kept)) as { id: string; name: string; solidarity: number; lat: number | null; lon: number | null }[]
    ).map((r) => [r.id, r]),
  );
  const nodes: GraphNode[] = kept
    .filter((id) => info.has(id))
    .sort()
    .map((id) => {
      const r = info.get(id)!;
      return {
        id,
        name: r.name,
        solidarity: r.solidarity === 1,
        lat: r.lat,
        lon: r.lon,
        member: q.network === null || members.has(id),
        inValue: flowIn.get(id) ?? 0,
        outValue: flowOut.get(id) ?? 0,
        tier: q.focus === undefined ? null : (tierOf.get(id) ?? null),
      };
    });
  const edges: GraphEdge[] = pairs
    .filter((p) => keep.has(p.supplier) && keep.has(p.buyer))
    .map((p) => ({
      source: p.supplier,
      target: p.buyer,
      value: p.value ?? 0,
      flows: p.flows,
      unvalued: p.unvalued,
      products: p.products.split(',').sort().slice(0, 20),
    }));
  return { network: q.network, focus: q.focus ?? null, nodes, edges, totals: { nodes: ids.size, edges: pairs.length }, truncated };
}

export function networkList(db: Db): { networks: { id: string; name: string; members: number }[] } {
  const networks = db
    .prepare(
      `SELECT n.id, n.name, (SELECT COUNT(*) FROM memberships m WHERE m.network_id = n.id) AS members
       FROM networks n ORDER BY n.name COLLATE NOCASE, n.id`,
    )
    .all() as { id: string; name: string; members: number }[];
  return { networks };
}

export function networkLabels(db: Db, enterpriseIds: string[], productIds: string[], offerKeys: { enterprise: string; product: string }[] = []) {
  const enterprises: Record<string, { name: string; solidarity: boolean; lat: number | null; lon: number | null }> = {};
  const rows = db
    .prepare('SELECT id, name, solidarity, lat, lon FROM enterprises WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(enterpriseIds)) as { id: string; name: string; solidarity: number; lat: number | null; lon: number | null }[];
  for (const r of rows) enterprises[r.id] = { name: r.name, solidarity: r.solidarity === 1, lat: r.lat, lon: r.lon };
  const products: Record<string, { name: string; names: Record<string, string>; unit: string | null }> = {};
  const prows = db
    .prepare('SELECT id, name, names, unit FROM products WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(productIds)) as { id: string; name: string; names: string; unit: string | null }[];
  for (const r of prows) products[r.id] = { name: r.name, names: JSON.parse(r.names) as Record<string, string>, unit: r.unit };
  const offerStmt = db.prepare(
    'SELECT price, capacity, currency FROM offers WHERE enterprise_id = ? AND product_id = ? ORDER BY price IS NULL, rowid LIMIT 1',
  );
  const offers = offerKeys.map((k) => {
    const r = offerStmt.get(k.enterprise, k.product) as { price: number | null; capacity: number | null; currency: string | null } | undefined;
    return { ...k, price: r?.price ?? null, capacity: r?.capacity ?? null, currency: r?.currency ?? null };
  });
  return { enterprises, products, offers };
}
