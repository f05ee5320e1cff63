import type { Acceptance, TeiaPackage } from '../domain/package.ts';
import { cmpId, type EngineModel } from './model.ts';
import type { CurrencyFigures, CurrencyMember, NextAcceptor } from './types.ts';

/**
 * ENGINE.md §3.8: how much of the scope's purchases could be paid in each social currency,
 * voucher or time credit, where units pile up (`stuck`) and who to invite to accept it next.
 *
 * The valued flows into members are laid out once, grouped by supplier (a stable counting
 * sort), and each currency is one pass over them: per supplier its share, product limit and
 * gain are read once, so the pass reads the flow arrays front to back and touches one
 * random slot (the buyer's spend) only for a payable flow. Walking the flows in their own
 * order instead touched four arrays at random per flow: at a million flows that was most of
 * the time (memory, not arithmetic).
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
function productSet(m: EngineModel, ids: string[] | null | undefined, same?: Map<string, Set<number>>): Set<number> | null {
  if (!ids || ids.length === 0) return null;
  // Many entries name the same products: they share one set, so the figures expand it once.
  const key = same ? ids.join('\u0000') : '';
  const known = same?.get(key);
  if (known) return known;
  const out = new Set<number>();
  same?.set(key, out);
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
  const same = new Map<string, Set<number>>();
  const ents = pkg.enterprises ?? [];
  for (let k = 0; k < ents.length; k++) {
    const e = ents[k];
    if (!e.currencies) continue;
    // The model numbers the package's enterprises in order (a repeated id keeps its first number).
    const i = m.ent.ids[k] === e.id ? k : m.ent.index.get(e.id)!;
    for (const raw of e.currencies) {
      const currency = typeof raw === 'string' ? raw : raw.currency;
      let entries = listedBy.get(currency);
      if (!entries) listedBy.set(currency, (entries = new Map()));
      // Only the first entry for a currency counts.
      if (entries.has(i)) continue;
      entries.set(i, typeof raw === 'string' ? { share: 1, products: null } : { share: raw.share ?? 1, products: productSet(m, raw.products, same) });
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
export function withinAll(m: EngineModel, list: Set<number> | null): Uint8Array {
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

/**
 * `maxMembers` keeps, per currency, only the members with the most units stuck (then the
 * largest spend), still listed by id: what the app's screens show, without sending a row for
 * every member of a national network. The spec's output (`teia analyse`) lists all.
 */
export function currencyFigures(m: EngineModel, index: CurrencyIndex, members: number[], isMember: Uint8Array, opts: { maxMembers?: number } = {}): CurrencyFigures[] {
  const F = m.flows;
  const n = m.ent.ids.length;
  const ids = m.ent.ids;
  // The valued flows into members, grouped by supplier (flows of supplier s are at
  // first[s] .. first[s + 1] - 1, in flow order): buyer, product, value.
  const nf = F.ids.length;
  const first = new Int32Array(n + 1);
  const inflow = new Float64Array(n);
  let scopeInflow = 0;
  for (let f = 0; f < nf; f++) {
    const b = F.buyer[f];
    const v = F.value[f];
    if (!isMember[b] || Number.isNaN(v)) continue;
    first[F.supplier[f] + 1]++;
    inflow[b] += v;
    scopeInflow += v;
  }
  let suppliers = 0;
  for (let s = 0; s < n; s++) {
    if (first[s + 1] > 0) suppliers++;
    first[s + 1] += first[s];
  }
  const count = first[n];
  const fb = new Int32Array(count);
  const fp = new Int32Array(count);
  const fv = new Float64Array(count);
  const next = first.slice(0, n);
  for (let f = 0; f < nf; f++) {
    const b = F.buyer[f];
    const v = F.value[f];
    if (!isMember[b] || Number.isNaN(v)) continue;
    const k = next[F.supplier[f]]++;
    fb[k] = b;
    fp[k] = F.product[f];
    fv[k] = v;
  }
  const sup = new Int32Array(suppliers);
  for (let s = 0, j = 0; s < n; s++) if (first[s + 1] > first[s]) sup[j++] = s;
  // What each supplier sells members (valued): the gain of one with no entry for a currency
  // that may pay for anything, without walking its flows again for each such currency.
  const sales = new Float64Array(n);
  for (let j = 0; j < suppliers; j++) {
    const s = sup[j];
    let v = 0;
    for (let i = first[s]; i < first[s + 1]; i++) v += fv[i];
    sales[s] = v;
  }

  const share = new Float64Array(n);
  const limitOf = new Int32Array(n); // -1: no product limit; else index into `limits`
  const spend = new Float64Array(n);
  const earn = new Float64Array(n);
  const gain = new Float64Array(n);
  const out: CurrencyFigures[] = [];
  for (let c = 0; c < index.ids.length; c++) {
    const anyProduct = index.products[c] === null;
    const withinCurrency = withinAll(m, index.products[c]);
    const entries = index.entries[c];
    // share(s, c) per enterprise (0 = no entry), and the entry's own product limit where it has one.
    const limits: Uint8Array[] = [];
    const sameList = new Map<Set<number>, number>(); // entries naming the same products share a set
    for (const [e, entry] of entries) {
      share[e] = entry.share;
      limitOf[e] = -1;
      if (!entry.products) continue;
      let li = sameList.get(entry.products);
      if (li === undefined) {
        sameList.set(entry.products, (li = limits.length));
        limits.push(withinAll(m, entry.products));
      }
      limitOf[e] = li;
    }
    const gainers: number[] = [];
    for (let j = 0; j < suppliers; j++) {
      const s = sup[j];
      const lo = first[s];
      const hi = first[s + 1];
      const sh = share[s];
      if (sh === 0) {
        // No entry: what it sells members within the currency's products is its gain.
        if (anyProduct) {
          gain[s] = sales[s];
          gainers.push(s);
          continue;
        }
        let g = 0;
        let any = false;
        for (let i = lo; i < hi; i++) {
          if (!withinCurrency[fp[i]]) continue;
          g += fv[i];
          any = true;
        }
        if (any) {
          gain[s] = g;
          gainers.push(s);
        }
        continue;
      }
      const li = limitOf[s];
      const limit = li === -1 ? null : limits[li];
      let earned = 0;
      for (let i = lo; i < hi; i++) {
        const p = fp[i];
        if (!withinCurrency[p] || (limit !== null && !limit[p])) continue;
        const payable = fv[i] * sh;
        spend[fb[i]] += payable;
        earned += payable;
      }
      if (isMember[s]) earn[s] += earned;
    }
    let payableValue = 0;
    let earnSum = 0;
    let stuckSum = 0;
    const memberRows: CurrencyMember[] = [];
    for (const b of members) {
      const sp = spend[b];
      const ea = earn[b];
      if (sp === 0 && ea === 0) continue;
      payableValue += sp;
      earnSum += ea;
      const stuck = ea > sp ? ea - sp : 0;
      stuckSum += stuck;
      memberRows.push({ enterprise: ids[b], spend: sp, earn: ea, payableShare: inflow[b] > 0 ? sp / inflow[b] : null, stuck });
      spend[b] = 0;
      earn[b] = 0;
    }
    out.push({
      currency: index.ids[c],
      kind: index.kind[c],
      // The default sort compares strings by UTF-16 code units, as cmpId does, without a call per comparison.
      acceptors: [...entries.keys()].map((e) => ids[e]).sort(),
      payableValue,
      payableShare: scopeInflow > 0 ? payableValue / scopeInflow : null,
      earn: earnSum,
      stuck: stuckSum,
      circulation: earnSum > 0 ? 1 - stuckSum / earnSum : null,
      members: cutMembers(memberRows, opts.maxMembers), // members are already sorted by id
      nextAcceptors: topGains(m, gainers, gain, 10),
    });
    // Reset the shared scratch arrays for the next currency.
    for (const s of gainers) gain[s] = 0;
    for (const e of entries.keys()) share[e] = 0;
  }
  return out;
}

function cutMembers(rows: CurrencyMember[], max: number | undefined): CurrencyMember[] {
  if (max === undefined || rows.length <= max) return rows;
  const kept = rows
    .slice()
    .sort((a, b) => b.stuck - a.stuck || b.spend - a.spend || cmpId(a.enterprise, b.enterprise))
    .slice(0, max);
  return kept.sort((a, b) => cmpId(a.enterprise, b.enterprise));
}

/** The `limit` largest gains above 0, ties by enterprise id: a bounded insertion, not a sort of every supplier. */
function topGains(m: EngineModel, gainers: number[], gain: Float64Array, limit: number): NextAcceptor[] {
  const ids = m.ent.ids;
  const before = (a: number, b: number) => gain[b] - gain[a] || cmpId(ids[a], ids[b]);
  const top: number[] = [];
  for (const e of gainers) {
    if (!(gain[e] > 0)) continue;
    if (top.length === limit && before(e, top[limit - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && before(e, top[i - 1]) < 0) i--;
    top.splice(i, 0, e);
    if (top.length > limit) top.pop();
  }
  return top.map((e) => ({ enterprise: ids[e], solidarity: m.ent.solidarity[e] === 1, gain: gain[e] }));
}
