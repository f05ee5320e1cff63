import type { z } from 'zod';
import type { linkSchema, planChangeSchema } from '../../../../shared/contract/engine.ts';

export type Link = z.infer<typeof linkSchema>;
export type PlanChange = z.infer<typeof planChangeSchema>;

/**
 * What the shop decided for each non-solidarity link: keep it (the default), take a
 * solidarity substitute or the least-bad alternative, for some quantity. Decisions become the
 * plan changes the engine's scenarios take (shared/engine/scenario.ts): the moved quantity
 * leaves the current flow and becomes a new flow from the chosen supplier.
 */
export type Decision = { kind: 'keep' } | { kind: 'reject' } | { kind: 'switch'; to: string; quantity: number };

export type Decisions = Record<string, Decision>;

/**
 * The most a supplier can take over: the flow's quantity, bounded by its spare capacity. A flow
 * of unknown quantity (spec v1.1) has nothing measured to move: 0.
 */
export function defaultQuantity(link: Pick<Link, 'quantity'>, spare: number | null): number {
  const q = link.quantity ?? 0;
  return spare === null ? q : Math.min(q, spare);
}

/** A typed quantity, kept within 0 … the flow's quantity (an empty or odd entry counts 0). */
export function clampQuantity(raw: number, link: Pick<Link, 'quantity'>): number {
  if (!Number.isFinite(raw) || raw < 0) return 0;
  return Math.min(raw, link.quantity ?? 0);
}

export function toChanges(links: Link[], decisions: Decisions): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const l of links) {
    const d = decisions[l.flow];
    if (!d || d.kind !== 'switch' || !(d.quantity > 0)) continue;
    changes.push({ line: l.flow, buyer: l.buyer, product: l.product, from: l.supplier, to: d.to, quantity: clampQuantity(d.quantity, l) });
  }
  return changes;
}

/** The worst link first: the engine's order is already priority order (ENGINE.md §3.4). */
export function linksOf(links: Link[], buyer: string): Link[] {
  return links.filter((l) => l.buyer === buyer);
}
