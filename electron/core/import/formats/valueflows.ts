import type { Flow, Need, Offer, Product } from '../../../../shared/domain/package.ts';
import type { ParseOptions, ParsedFile, Parser } from '../types.ts';
import { emptyParsedFile } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { headText } from './decode.ts';
import { isObject, readJson } from './json.ts';
import { buildEnterprise, IdAllocator, Notes, text } from './record.ts';
import { idOf, VF } from '../../share/valueflows/ids.ts';

type Node = Record<string, unknown>;

const num = (m: unknown): number | undefined => (isObject(m) && typeof m.hasNumericalValue === 'number' ? m.hasNumericalValue : undefined);
const unitOf = (m: unknown): string | undefined => (isObject(m) && isObject(m.hasUnit) ? text(m.hasUnit.label) : undefined);
const ref = (v: unknown): unknown => (isObject(v) ? v['@id'] ?? v.name : v);
const typeOf = (n: Node): string => String(Array.isArray(n['@type']) ? n['@type'][0] : n['@type'] ?? '').replace(VF, '').replace(/^vf:/, '');

/**
 * ValueFlows JSON-LD (`@vocab` https://w3id.org/valueflows/ont/vf#, a `@graph` of nodes): Agents
 * become enterprises, ResourceSpecifications products, transfer EconomicEvents flows (a
 * payment event `triggeredBy` a flow gives that flow its value), Proposals offers (purpose
 * offer) and needs (request). What Teia writes (electron/core/share/valueflows) reads back
 * whole; a node of another kind is reported, not silently dropped. Every node is a row.
 */
export const valueflowsParser: Parser = {
  format: 'valueflows',
  detect(content) {
    const head = headText(content);
    return /^\s*[[{]/.test(head) && head.includes('w3id.org/valueflows/ont/vf#');
  },
  parse(content, _options: ParseOptions): ParsedFile {
    const doc = readJson(content, 'ValueFlows JSON-LD');
    const graph = isObject(doc) && '@graph' in doc ? doc['@graph'] : undefined;
    const nodes = Array.isArray(graph) ? graph : graph !== undefined ? undefined : Array.isArray(doc) ? doc : isObject(doc) ? [doc] : undefined;
    if (!nodes) throw new TeiaError('invalid-input', 'This is not a ValueFlows file: it should be a JSON-LD object with a "@graph" list of nodes.');
    const out = emptyParsedFile('valueflows');
    const notes = new Notes();
    const ids = new IdAllocator();
    const payments = new Map<string, { value: number; currency?: string }>();
    // Payments first, so each flow finds its value wherever the two stand in the graph.
    for (const n of nodes) {
      if (isObject(n) && typeOf(n) === 'EconomicEvent' && n.triggeredBy !== undefined) {
        const flow = idOf('flow', ref(n.triggeredBy));
        const value = num(n.resourceQuantity);
        if (flow && value !== undefined) payments.set(flow, { value, currency: unitOf(n.resourceQuantity) });
      }
    }
    nodes.forEach((n: unknown, index) => {
      const line = index + 1;
      if (!isObject(n)) {
        out.rowsRead++;
        out.rejected.push({ line, reason: 'It is not a node (a JSON object).' });
        return;
      }
      const type = typeOf(n);
      if (type === 'EconomicEvent' && n.triggeredBy !== undefined) return; // read above, with its flow
      out.rowsRead++;
      const record = text(n.name) ?? text(n['@id']);
      if (type === 'Agent' || type === 'Person' || type === 'Organization') {
        const loc = isObject(n.primaryLocation) ? n.primaryLocation : {};
        const built = buildEnterprise({ id: idOf('agent', n['@id']), name: n.name, description: n.note, lat: loc.lat, lon: loc.long ?? loc.lon }, line, {}, ids, notes);
        if (built.rejected) out.rejected.push(built.rejected);
        else out.enterprises.push(built.sourced!);
      } else if (type === 'ResourceSpecification') {
        const id = idOf('spec', n['@id']);
        const name = text(n.name);
        if (!id || !name) out.rejected.push({ line, record, reason: 'A resource specification needs an @id and a name.' });
        else {
          const p: Product = { id, name };
          const unit = isObject(n.defaultUnitOfResource) ? text(n.defaultUnitOfResource.label) : undefined;
          if (unit) p.unit = unit;
          out.products.push({ value: p, line });
        }
      } else if (type === 'EconomicEvent') {
        const id = idOf('flow', n['@id']);
        const f = { supplier: idOf('agent', ref(n.provider)), buyer: idOf('agent', ref(n.receiver)), product: idOf('spec', ref(n.resourceConformsTo)) };
        if (!f.supplier || !f.buyer || !f.product) {
          out.rejected.push({ line, record, reason: 'An economic event needs a provider, a receiver and what it transfers (resourceConformsTo).' });
          return;
        }
        const flow = { ...(id ? { id } : {}), supplier: f.supplier, buyer: f.buyer, product: f.product } as Flow;
        const quantity = num(n.resourceQuantity);
        if (quantity !== undefined) flow.quantity = quantity;
        const paid = id ? payments.get(id) : undefined;
        if (paid) {
          flow.value = paid.value;
          if (paid.currency && paid.currency !== 'money') flow.currency = paid.currency;
        }
        const period = text(n.note) ?? text(n.hasPointInTime);
        if (period) flow.period = period;
        out.flows.push({ value: flow, line });
      } else if (type === 'Proposal') {
        readProposal(n, line, record, out);
      } else {
        out.rejected.push({ line, record, reason: `It is a ${type || 'node without a type'}: Teia reads agents, resource specifications, economic events and proposals.` });
      }
    });
    out.warnings.push(...notes.warnings());
    return out;
  },
};

function readProposal(n: Node, line: number, record: string | undefined, out: ParsedFile): void {
  const intent = (Array.isArray(n.publishes) ? n.publishes : [n.publishes]).find(isObject) as Node | undefined;
  const product = intent ? idOf('spec', ref(intent.resourceConformsTo)) : undefined;
  if (!intent || !product) {
    out.rejected.push({ line, record, reason: 'A proposal needs the intent it publishes, with what it is for (resourceConformsTo).' });
    return;
  }
  if (n.purpose === 'request') {
    const enterprise = idOf('agent', ref(intent.receiver));
    const quantity = num(intent.resourceQuantity);
    if (!enterprise || quantity === undefined) {
      out.rejected.push({ line, record, reason: 'A request needs who asks (receiver) and how much (resourceQuantity).' });
      return;
    }
    const need: Need = { enterprise, product, quantity };
    const id = idOf('need', n['@id']);
    out.needs.push({ value: id ? { id, ...need } : need, line });
    return;
  }
  const enterprise = idOf('agent', ref(intent.provider));
  if (!enterprise) {
    out.rejected.push({ line, record, reason: 'An offer needs who offers it (provider).' });
    return;
  }
  const offer: Offer = { enterprise, product };
  const id = idOf('offer', n['@id']);
  if (id) offer.id = id;
  const capacity = num(intent.availableQuantity);
  if (capacity !== undefined) offer.capacity = capacity;
  const reciprocal = (Array.isArray(n.reciprocal) ? n.reciprocal : [n.reciprocal]).find(isObject) as Node | undefined;
  const price = reciprocal ? num(reciprocal.resourceQuantity) : undefined;
  if (price !== undefined) {
    offer.price = price;
    const currency = unitOf(reciprocal!.resourceQuantity);
    if (currency && currency !== 'money') offer.currency = currency;
  }
  out.offers.push({ value: offer, line });
}
