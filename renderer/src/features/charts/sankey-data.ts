import type { NetworkGraph } from '../../../../shared/contract/network.ts';

/**
 * The flow diagram's data: value from suppliers, tier by tier, to the buyer in focus. A
 * Sankey needs an acyclic graph, so each enterprise sits in its first (nearest) tier and only
 * links from tier t+1 into tier t are drawn; a link back up a tier (a feedback circuit) is
 * left out and counted, and the diagram says so.
 */
export interface SankeyNodeDatum {
  id: string;
  name: string;
  solidarity: boolean;
  tier: number;
}
export interface SankeyLinkDatum {
  source: string;
  target: string;
  value: number;
  /** The supplier's status colours the band. */
  solidarity: boolean;
  /** A band added by a scenario (a substitution). */
  proposed: boolean;
}
export interface SankeyData {
  nodes: SankeyNodeDatum[];
  links: SankeyLinkDatum[];
  /** Links not drawn because they run back up the chain. */
  omitted: number;
}

/** A substitution applied to the "after" picture: `value` moves from `from` to `to` for `buyer`. */
export interface Move {
  buyer: string;
  from: string | null;
  to: string;
  /** Value the new supplier is paid. */
  value: number;
  /** Value no longer paid to `from` (the line's own unit value); `value` when not given. */
  outValue?: number;
  toName?: string;
  toSolidarity?: boolean;
}

export function chainSankey(graph: NetworkGraph, moves: Move[] = []): SankeyData {
  const nodes = new Map<string, SankeyNodeDatum>();
  for (const n of graph.nodes) if (n.tier !== null) nodes.set(n.id, { id: n.id, name: n.name, solidarity: n.solidarity, tier: n.tier });
  const links = new Map<string, SankeyLinkDatum>();
  let omitted = 0;
  for (const e of graph.edges) {
    const s = nodes.get(e.source);
    const t = nodes.get(e.target);
    if (!s || !t || !(e.value > 0)) continue;
    if (s.tier !== t.tier + 1) {
      omitted++;
      continue;
    }
    links.set(`${e.source}>${e.target}`, { source: e.source, target: e.target, value: e.value, solidarity: s.solidarity, proposed: false });
  }
  for (const m of moves) {
    const buyer = nodes.get(m.buyer);
    if (!buyer || !(m.value > 0)) continue;
    if (m.from !== null) {
      const old = links.get(`${m.from}>${m.buyer}`);
      if (old) {
        old.value = Math.max(0, old.value - (m.outValue ?? m.value));
        if (old.value === 0) links.delete(`${m.from}>${m.buyer}`);
      }
    }
    if (!nodes.has(m.to)) nodes.set(m.to, { id: m.to, name: m.toName ?? m.to, solidarity: m.toSolidarity ?? true, tier: buyer.tier + 1 });
    const to = nodes.get(m.to)!;
    if (to.tier !== buyer.tier + 1) {
      omitted++;
      continue;
    }
    const key = `${m.to}>${m.buyer}`;
    const existing = links.get(key);
    if (existing) {
      existing.value += m.value;
      existing.proposed = true;
    } else links.set(key, { source: m.to, target: m.buyer, value: m.value, solidarity: to.solidarity, proposed: true });
  }
  const used = new Set<string>();
  for (const l of links.values()) used.add(l.source).add(l.target);
  if (graph.focus) used.add(graph.focus);
  return {
    nodes: [...nodes.values()].filter((n) => used.has(n.id)).sort((a, b) => a.tier - b.tier || (a.id < b.id ? -1 : 1)),
    links: [...links.values()].sort((a, b) => (a.source + '>' + a.target < b.source + '>' + b.target ? -1 : 1)),
    omitted,
  };
}

/** Share of the value drawn that comes from solidarity suppliers, per tier (text alternative). */
export function sankeyShares(data: SankeyData): { tier: number; value: number; solidarityValue: number }[] {
  const tierOf = new Map(data.nodes.map((n) => [n.id, n.tier]));
  const rows = new Map<number, { tier: number; value: number; solidarityValue: number }>();
  for (const l of data.links) {
    const t = tierOf.get(l.source)!;
    const row = rows.get(t) ?? { tier: t, value: 0, solidarityValue: 0 };
    row.value += l.value;
    if (l.solidarity) row.solidarityValue += l.value;
    rows.set(t, row);
  }
  return [...rows.values()].sort((a, b) => a.tier - b.tier);
}
