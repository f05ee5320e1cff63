import type { Db } from '../../db/open.ts';
import type { Exporter } from '../../export/types.ts';
import { readPackage } from '../../catalogue/read-package.ts';
import type { Flow, Need, Offer, TeiaPackage } from '../../../../shared/domain/package.ts';
import { iri, VF } from './ids.ts';

type Node = Record<string, unknown>;

/**
 * The catalogue's flows, offers and needs in ValueFlows 1.0 as JSON-LD (`@vocab` vf:): a flow
 * is an EconomicEvent (action transfer, provider → receiver, resourceConformsTo its product,
 * resourceQuantity when the quantity is known, hasPointInTime from a dated period) and, when
 * it has a value, the payment that answers it: a second transfer, buyer → supplier, in the
 * flow's currency, `triggeredBy` the first. An offer or a need is a Proposal (purpose offer or
 * request) publishing one Intent; an offer's price is its reciprocal Intent, per unit.
 * Agents and resource specifications are written inline wherever they are named (each with
 * its name), as the ValueFlows JSON schemas expect, and also once each in the graph.
 */
export function valueflowsDocument(pkg: TeiaPackage): Node {
  const products = new Map((pkg.products ?? []).map((p) => [p.id, p]));
  const names = new Map((pkg.enterprises ?? []).map((e) => [e.id, e.name]));
  const agent = (id: string): Node => ({ '@id': iri('agent', id), '@type': 'Agent', name: names.get(id) ?? id });
  const spec = (id: string): Node => {
    const p = products.get(id);
    const node: Node = { '@id': iri('spec', id), '@type': 'ResourceSpecification', name: p?.name ?? id };
    if (p?.unit) node.defaultUnitOfResource = { label: p.unit };
    return node;
  };
  const money = (amount: number, currency: string | undefined): Node => ({ hasNumericalValue: amount, hasUnit: { label: currency ?? 'money' } });
  const quantity = (amount: number, product: string): Node => ({ hasNumericalValue: amount, hasUnit: { label: products.get(product)?.unit ?? 'unit' } });

  const graph: Node[] = [];
  for (const e of pkg.enterprises ?? []) {
    const node = agent(e.id);
    if (e.description) node.note = e.description;
    if (e.lat !== undefined && e.lon !== undefined) node.primaryLocation = { '@type': 'SpatialThing', lat: e.lat, long: e.lon };
    graph.push(node);
  }
  for (const p of pkg.products ?? []) graph.push(spec(p.id));
  (pkg.flows ?? []).forEach((f: Flow, i) => {
    const id = f.id ?? `f${i + 1}`;
    const event: Node = { '@id': iri('flow', id), '@type': 'EconomicEvent', action: 'transfer', provider: agent(f.supplier), receiver: agent(f.buyer), resourceConformsTo: spec(f.product) };
    if (typeof f.quantity === 'number') event.resourceQuantity = quantity(f.quantity, f.product);
    const when = pointInTime(f.period);
    if (when) event.hasPointInTime = when;
    if (f.period) event.note = f.period;
    graph.push(event);
    if (typeof f.value === 'number') {
      graph.push({
        '@id': `${iri('flow', id)}#payment`,
        '@type': 'EconomicEvent',
        action: 'transfer',
        provider: agent(f.buyer),
        receiver: agent(f.supplier),
        resourceConformsTo: { '@type': 'ResourceSpecification', name: f.currency ?? 'money' },
        resourceQuantity: money(f.value, f.currency),
        triggeredBy: { '@id': iri('flow', id) },
      });
    }
  });
  const proposal = (r: Offer | Need, kind: 'offer' | 'need', i: number): Node => {
    const id = r.id ?? `${kind === 'offer' ? 'o' : 'n'}${i + 1}`;
    const intent: Node = { '@id': `${iri(kind, id)}#intent`, '@type': 'Intent', action: 'transfer', resourceConformsTo: spec(r.product) };
    if (kind === 'offer') {
      const o = r as Offer;
      intent.provider = agent(o.enterprise);
      if (o.capacity !== undefined) intent.availableQuantity = quantity(o.capacity, o.product);
    } else {
      const n = r as Need;
      intent.receiver = agent(n.enterprise);
      intent.resourceQuantity = quantity(n.quantity, n.product);
    }
    const node: Node = { '@id': iri(kind, id), '@type': 'Proposal', purpose: kind === 'offer' ? 'offer' : 'request', name: products.get(r.product)?.name ?? r.product, publishes: [intent] };
    const price = kind === 'offer' ? (r as Offer).price : undefined;
    if (price !== undefined) {
      node.unitBased = true;
      node.reciprocal = [{ '@type': 'Intent', action: 'transfer', resourceConformsTo: { '@type': 'ResourceSpecification', name: (r as Offer).currency ?? 'money' }, resourceQuantity: money(price, (r as Offer).currency) }];
    }
    return node;
  };
  (pkg.offers ?? []).forEach((o, i) => graph.push(proposal(o, 'offer', i)));
  (pkg.needs ?? []).forEach((n, i) => graph.push(proposal(n, 'need', i)));
  return { '@context': { '@vocab': VF }, '@graph': graph };
}

/** A period that names a day, a month or a year becomes an ISO date-time; anything else stays a note. */
function pointInTime(period: string | undefined): string | undefined {
  if (!period) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(period.trim());
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T00:00:00Z` : undefined;
}

export const valueflowsExporter: Exporter = {
  format: 'valueflows',
  extension: 'jsonld',
  mimeType: 'application/ld+json',
  write: (db: Db) => `${JSON.stringify(valueflowsDocument(readPackage(db)), null, 1)}\n`,
};

