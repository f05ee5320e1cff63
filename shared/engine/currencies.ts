import type { Acceptance, TeiaPackage } from '../domain/package.ts';
import { cmpId, type EngineModel } from './model.ts';
import type { CurrencyFigures, CurrencyMember, NextAcceptor } from './types.ts';

/**
 * ENGINE.md §3.8: how much of the scope's purchases could be paid in each social currency,
 * voucher or time credit, where units pile up (`stuck`) and who to invite to accept it next.
 *
 * One pass over the valued flows into members per currency: spend (buyer side), earn
 * (supplier side, only when the supplier is a member) and the gain of suppliers with no
 * entry, all from typed arrays, so that five currencies at a million flows cost tens of ms.
 */

/** An enterprise's first entry for a currency, normalised (share 1 and no product limit by default). */
interface Entry {
  share: number;
  /** Product indices of the entry's `products`; null = everything. */
  products: Set<number> | null;
}

export interface CurrencyIndex {
  /** Every currency id the package defines or any enterprise lists, sorted. */
  ids: string[];
  kind: (string | null)[];
  /** Per currency: product indices its `products` name (null = any). */
  products: (Set<number> | null)[];
  /** Per currency: enterprise index → its first entry. */
  entries: Map<number, Entry>[];
}

/** Normalises one acceptance (an id or `{currency, share, products}`). */
export function acceptanceOf(a: Acceptance): { currency: string; share: number; products: string[] | null } {
  if (typeof a === 'string') return { currency: a, share: 1, products: null };
  return { currency: a.currency, share: a.share ?? 1, products: a.products && a.products.length > 0 ? a.products : null };
}

/** Product indices of ids the model knows; ids it does not know can match no flow, so they drop out. */
function productSet(m: EngineModel, ids: string[] | null | undefined): Set<number> | null {
  if (!ids || ids.length === 0) return null;
  const out = new Set<number>();
  for (const id of ids) {
    const p = m.prod.index.get(id);
    if (p !== undefined) out.add(p);
  }
  return out;
}

export function buildCurrencyIndex(pkg: TeiaPackage, m: EngineModel): CurrencyIndex {
  const defined = new Map<string, { kind: string; products: string[] | undefined }>();
  for (const c of pkg.currencies ?? []) if (!defined.has(c.id)) defined.set(c.id, { kind: c.kind, products: c.products });
  const listedBy = new Map<string, Map<number, Entry>>();
  for (const e of pkg.enterprises ?? []) {
    const i = m.ent.index.get(e.id)!;
    for (const raw of e.currencies ?? []) {
      const a = acceptanceOf(raw);
      let entries = listedBy.get(a.currency);
      if (!entries) listedBy.set(a.currency, (entries = new Map()));
      // Only the first entry for a currency counts.
      if (!entries.has(i)) entries.set(i, { share: a.share, products: productSet(m, a.products) });
    }
  }
  const ids = [...new Set([...defined.keys(), ...listedBy.keys()])].sort(cmpId);
  return {
    ids,
    kind: ids.map((id) => defined.get(id)?.kind ?? null),
    products: ids.map((id) => productSet(m, defined.get(id)?.products)),
    entries: ids.map((id) => listedBy.get(id) ?? new Map()),
  };
}

/** Per product: 1 when it is within the list (it or one of its ancestors is in it), for every product of the model. */
function withinAll(m: EngineModel, list: Set<number> | null): Uint8Array {
  const np = m.prod.ids.length;
  const out = new Uint8Array(np);
  if (list === null) return out.fill(1);
  // Walk down from each listed product: its subtree is within.
  const stack = [...list];
  while (stack.length) {
    const p = stack.pop()!;
    if (out[p]) continue;
    out[p] = 1;
    for (const c of m.prod.children[p]) stack.push(c);
  }
  return out;
}

export function currencyFigures(m: EngineModel, index: CurrencyIndex, members: number[], isMember: Uint8Array): CurrencyFigures[] {
  const F = m.flows;
  const n = m.ent.ids.length;
  const ids = m.ent.ids;
  // Valued inflow of each member and of the scope, shared by every currency.
  let scopeInflow = 0;
  const inflow = new Float64Array(n);
  for (const b of members) {
    for (const f of F.into[b]) {
      const v = F.value[f];
      if (!Number.isNaN(v)) inflow[b] += v;
    }
    scopeInflow += inflow[b];
  }
  const out: CurrencyFigures[] = [];
  for (let c = 0; c < index.ids.length; c++) {
    const withinCurrency = withinAll(m, index.products[c]);
    const entries = index.entries[c];
    // share(s, c) per enterprise (0 = no entry), and the entry's own product limit where it has one.
    const share = new Float64Array(n);
    const limited = new Map<number, Uint8Array>();
    const sameList = new Map<string, Uint8Array>(); // many entries name the same products
    for (const [e, entry] of entries) {
      share[e] = entry.share;
      if (!entry.products) continue;
      const key = [...entry.products].sort((a, b) => a - b).join(',');
      let within = sameList.get(key);
      if (!within) sameList.set(key, (within = withinAll(m, entry.products)));
      limited.set(e, within);
    }
    const spend = new Float64Array(n);
    const earn = new Float64Array(n);
    const gain = new Map<number, number>();
    for (const b of members) {
      for (const f of F.into[b]) {
        const v = F.value[f];
        if (Number.isNaN(v)) continue;
        const s = F.supplier[f];
        const p = F.product[f];
        if (!withinCurrency[p]) continue;
        if (share[s] === 0) {
          gain.set(s, (gain.get(s) ?? 0) + v);
          continue;
        }
        const own = limited.get(s);
        if (own && !own[p]) continue;
        const payable = v * share[s];
        spend[b] += payable;
        if (isMember[s]) earn[s] += payable;
      }
    }
    let payableValue = 0;
    let earnSum = 0;
    let stuckSum = 0;
    const memberRows: CurrencyMember[] = [];
    for (const b of members) {
      payableValue += spend[b];
      earnSum += earn[b];
      const stuck = Math.max(0, earn[b] - spend[b]);
      stuckSum += stuck;
      if (spend[b] > 0 || earn[b] > 0) {
        memberRows.push({ enterprise: ids[b], spend: spend[b], earn: earn[b], payableShare: inflow[b] > 0 ? spend[b] / inflow[b] : null, stuck });
      }
    }
    out.push({
      currency: index.ids[c],
      kind: index.kind[c],
      acceptors: [...entries.keys()].map((e) => ids[e]).sort(cmpId),
      payableValue,
      payableShare: scopeInflow > 0 ? payableValue / scopeInflow : null,
      earn: earnSum,
      stuck: stuckSum,
      circulation: earnSum > 0 ? 1 - stuckSum / earnSum : null,
      members: memberRows, // members are already sorted by id
      nextAcceptors: topGains(m, gain, 10),
    });
  }
  return out;
}

/** The `limit` largest gains above 0, ties by enterprise id. */
function topGains(m: EngineModel, gain: Map<number, number>, limit: number): NextAcceptor[] {
  const ids = m.ent.ids;
  const rows = [...gain].filter(([, g]) => g > 0);
  rows.sort((a, b) => b[1] - a[1] || cmpId(ids[a[0]], ids[b[0]]));
  return rows.slice(0, limit).map(([e, g]) => ({ enterprise: ids[e], solidarity: m.ent.solidarity[e] === 1, gain: g }));
}
