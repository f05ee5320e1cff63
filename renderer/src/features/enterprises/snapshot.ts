import type { MethodInput, MethodOutput } from '../../../../shared/contract/index.ts';
import type { StoredEnterprise } from './enterprise-record.ts';

export type DeletedSnapshot = Required<MethodInput<'enterprise-restore'>>;

/** What a delete takes away, in the form enterprise-restore puts back. */
export function snapshotOf(e: StoredEnterprise, rel: MethodOutput<'enterprise-relations'>): DeletedSnapshot {
  const { importId, sourceRow, createdAt, updatedAt, classified, ...enterprise } = e;
  void [importId, sourceRow, createdAt, updatedAt, classified];
  const opt = <T,>(v: T | null): T | undefined => (v === null ? undefined : v);
  return JSON.parse(
    JSON.stringify({
      enterprise,
      offers: rel.offers.map((o) => ({
        id: opt(o.id),
        enterprise: e.id,
        product: o.product.id,
        capacity: opt(o.capacity),
        price: opt(o.price),
        currency: opt(o.currency),
        certifications: o.certifications.length ? o.certifications : undefined,
      })),
      needs: rel.needs.map((n) => ({ id: opt(n.id), enterprise: e.id, product: n.product.id, quantity: n.quantity })),
      flows: [
        ...rel.suppliers.map((f) => ({ id: opt(f.flowId), supplier: f.enterprise.id, buyer: e.id, product: f.product.id, quantity: opt(f.quantity), value: opt(f.value), currency: opt(f.currency), period: opt(f.period) })),
        ...rel.buyers.map((f) => ({ id: opt(f.flowId), supplier: e.id, buyer: f.enterprise.id, product: f.product.id, quantity: opt(f.quantity), value: opt(f.value), currency: opt(f.currency), period: opt(f.period) })),
      ],
    }),
  ) as DeletedSnapshot;
}
