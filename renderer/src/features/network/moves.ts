import type { Move } from '../charts/sankey-data.ts';

/**
 * Plan changes → value moved, for the "after" flow diagram. As in the engine's scenarios
 * (shared/engine/scenario.ts): the new supplier's own price for the product when it has one,
 * else the line's unit value (the flow's value ÷ its quantity). A need line has no current
 * supplier; without a price it cannot be drawn and is left out.
 */
export interface ChangeLike {
  line: string;
  buyer: string;
  product: string;
  from: string | null;
  to: string;
  quantity: number;
}

export function movesFor(
  changes: ChangeLike[],
  buyer: string,
  flows: { flowId: string | null; quantity: number | null; value: number | null }[],
  offers: { enterprise: string; product: string; price: number | null }[],
  names: Record<string, { name: string; solidarity: boolean }> = {},
): Move[] {
  const unit = new Map<string, number>();
  for (const f of flows) if (f.flowId && f.value !== null && f.quantity !== null && f.quantity > 0) unit.set(f.flowId, f.value / f.quantity);
  const price = new Map(offers.map((o) => [`${o.enterprise}\u0000${o.product}`, o.price]));
  const moves: Move[] = [];
  for (const c of changes) {
    if (c.buyer !== buyer) continue;
    const lineUnit = unit.get(c.line) ?? null;
    const p = price.get(`${c.to}\u0000${c.product}`) ?? lineUnit;
    if (p === null) continue;
    moves.push({
      buyer,
      from: c.from,
      to: c.to,
      value: c.quantity * p,
      outValue: lineUnit === null ? 0 : c.quantity * lineUnit,
      toName: names[c.to]?.name,
      toSolidarity: names[c.to]?.solidarity,
    });
  }
  return moves;
}

