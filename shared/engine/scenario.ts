import type { Flow, TeiaPackage } from '../domain/package.ts';
import { analyse } from './analyse.ts';
import { buildModel, subtree } from './model.ts';
import { ReferencePrices } from './gaps.ts';
import { resolveSettings, type EngineSettingsInput } from './settings.ts';
import type { Leakage, PlanChange } from './types.ts';
import { applyAcceptances, compareCurrencies, type AcceptanceChange, type CurrencyComparison } from './currency-scenario.ts';

/**
 * What-if: a plan's changes (or some of them) applied to a copy of the package, so the
 * recorded flows are never touched, and the figures before and after compared.
 *
 * A change on a flow line moves `quantity` from the flow to a new flow from `to`: the old
 * flow keeps the rest (its value scaled, when it had one recorded). The new flow is valued
 * at `to`'s own price for a covering product when it has one (what the buyer would pay),
 * else at the line's unit value. A change on a need adds a flow valued the same way, the
 * line's unit value being the product's reference price (else 1), as in the plan.
 */
export interface Figures {
  leakage: Leakage;
  solidarityShare: number | null;
  cost: number;
  meanChainShare: number | null;
}

export interface Comparison {
  before: Figures;
  after: Figures;
  members: { id: string; directBefore: number | null; directAfter: number | null; chainBefore: number | null; chainAfter: number | null }[];
  skipped: { line: string; reason: string }[];
  /** §3.8 per currency, before and after (plan changes move flows; acceptances add entries). */
  currencies: CurrencyComparison[];
}

export function applyChanges(pkg: TeiaPackage, changes: PlanChange[], settings?: EngineSettingsInput): { pkg: TeiaPackage; skipped: Comparison['skipped'] } {
  const m = buildModel(pkg, resolveSettings(settings));
  const flows: Flow[] = (pkg.flows ?? []).map((f, i) => ({ ...f, id: f.id ?? `f${i + 1}` }));
  const byId = new Map(flows.map((f, i) => [f.id!, i]));
  const needs = new Map((pkg.needs ?? []).map((n, i) => [n.id ?? `n${i + 1}`, n]));
  const prices = new ReferencePrices(m);
  const flowIndex = new Map(m.flows.ids.map((id, i) => [id, i]));
  const offersOf = new Map<number, number[]>();
  for (let o = 0; o < m.offers.ids.length; o++) {
    const list = offersOf.get(m.offers.enterprise[o]);
    if (list) list.push(o);
    else offersOf.set(m.offers.enterprise[o], [o]);
  }
  const skipped: Comparison['skipped'] = [];
  const added: Flow[] = [];
  const priceOf = (to: string, product: string): number | null => {
    const p = m.prod.index.get(product);
    const e = m.ent.index.get(to);
    if (p === undefined || e === undefined) return null;
    const covering = new Set(subtree(m, p));
    let best: number | null = null;
    for (const o of offersOf.get(e) ?? []) {
      if (!covering.has(m.offers.product[o]) || Number.isNaN(m.offers.price[o])) continue;
      // Prefer the exact product's price, else the first covering offer's.
      if (best === null || m.offers.product[o] === p) best = m.offers.price[o];
    }
    return best;
  };
  let k = 0;
  for (const c of changes) {
    let unit: number;
    if (c.from !== null) {
      const i = byId.get(c.line);
      if (i === undefined) {
        skipped.push({ line: c.line, reason: 'no flow has this id any more' });
        continue;
      }
      const f = flows[i];
      const fi = flowIndex.get(c.line);
      const value = fi === undefined ? NaN : m.flows.value[fi];
      if (f.quantity === undefined) {
        // A flow of unknown quantity is never a plan line, so no plan moves part of it.
        skipped.push({ line: c.line, reason: 'this flow has no known quantity' });
        continue;
      }
      const fq = f.quantity;
      unit = fq > 0 && !Number.isNaN(value) ? value / fq : 0;
      const moved = Math.min(c.quantity, fq);
      const rest = fq - moved;
      flows[i] = { ...f, quantity: rest, ...(typeof f.value === 'number' ? { value: fq > 0 ? (f.value * rest) / fq : 0 } : {}) };
    } else {
      const n = needs.get(c.line);
      if (!n) {
        skipped.push({ line: c.line, reason: 'no need has this id any more' });
        continue;
      }
      const p = m.prod.index.get(n.product);
      unit = (p === undefined ? null : prices.of(p)) ?? 1;
    }
    const price = priceOf(c.to, c.product);
    added.push({ id: `scenario-${++k}`, supplier: c.to, buyer: c.buyer, product: c.product, quantity: c.quantity, value: c.quantity * (price ?? unit) });
  }
  return { pkg: { ...pkg, flows: [...flows, ...added] }, skipped };
}

export function compareScenario(
  pkg: TeiaPackage,
  changes: PlanChange[],
  opts: { network?: string | null; settings?: EngineSettingsInput; acceptances?: AcceptanceChange[] } = {},
): Comparison {
  const moved = applyChanges(pkg, changes, opts.settings);
  const after = applyAcceptances(moved.pkg, opts.acceptances ?? []);
  const skipped = moved.skipped;
  // The per-member currency rows are not compared: only the scope's figures.
  const a = analyse(pkg, { network: opts.network ?? null, settings: opts.settings, solver: null, maxCurrencyMembers: 0 }).result;
  const b = analyse(after, { network: opts.network ?? null, settings: opts.settings, solver: null, maxCurrencyMembers: 0 }).result;
  const figures = (r: typeof a): Figures => {
    const chains = Object.values(r.chainShare).filter((x): x is number => x !== null);
    return {
      leakage: r.leakage,
      solidarityShare: r.leakage.share === null ? null : 1 - r.leakage.share,
      cost: r.leakage.total,
      meanChainShare: chains.length ? chains.reduce((s, x) => s + x, 0) / chains.length : null,
    };
  };
  return {
    before: figures(a),
    after: figures(b),
    members: a.scope.members.map((id) => ({
      id,
      directBefore: a.directShare[id],
      directAfter: b.directShare[id],
      chainBefore: a.chainShare[id],
      chainAfter: b.chainShare[id],
    })),
    skipped,
    currencies: compareCurrencies(a.currencies, b.currencies),
  };
}
