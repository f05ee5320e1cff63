import type { TeiaPackage } from '../domain/package.ts';
import { cmpId, type EngineModel } from './model.ts';
import { buildCurrencyIndex, withinAll, type CurrencyIndex } from './currencies.ts';

/**
 * The Planner's currency question for one enterprise (ENGINE.md §3.8 read from the shop's
 * side): for each currency it holds (it lists it, so it can take it in), which of its
 * purchases it could pay in that currency; then the currencies it does not take but some of
 * its suppliers do (units it could get at the issuer, as Palmas are bought for reais). The acceptance rules are §3.8's, with the same
 * index and the same "within" test as `currencyFigures`, so that the purchases' payable
 * amounts add up to the member's `spend` there.
 */
export interface PayablePurchase {
  flow: string;
  supplier: string;
  product: string;
  value: number;
  /** share(supplier, c): the largest part of the price the supplier takes in the currency. */
  share: number;
  payable: number;
}

export interface HeldCurrency {
  currency: string;
  kind: string | null;
  /** True when the shop lists the currency (it accepts it, so it can earn it). */
  held: boolean;
  /** The shop's own entry: the share it takes in the currency (null when it does not list it). */
  share: number | null;
  /** The products the shop's own entry limits it to (null: everything). */
  products: string[] | null;
  /** §3.8 spend(b): Σ payable over its valued purchases. */
  spend: number;
  /** §3.8 earn(b): what members could pay it in the currency. */
  earn: number;
  /** spend ÷ valued purchases (null without any). */
  payableShare: number | null;
  stuck: number;
  /** The purchases payable in it, largest payable first (ties by flow id). */
  purchases: PayablePurchase[];
}

export interface ShopPayable {
  enterprise: string;
  /** Value of all its valued purchases: what `payableShare` divides by. */
  purchasesTotal: number;
  valuedPurchases: number;
  /** Purchases of unknown value, left out of every figure (§2 value(f)). */
  unvaluedPurchases: number;
  currencies: HeldCurrency[];
}

/** `isMember` is the scope (§3.8 earn counts only sales to members). */
export function shopPayable(pkg: TeiaPackage, m: EngineModel, e: number, isMember: Uint8Array, index: CurrencyIndex = buildCurrencyIndex(pkg, m)): ShopPayable {
  const F = m.flows;
  let purchasesTotal = 0;
  let valued = 0;
  let unvalued = 0;
  for (const f of F.into[e]) {
    if (Number.isNaN(F.value[f])) unvalued++;
    else {
      valued++;
      purchasesTotal += F.value[f];
    }
  }
  const own = pkg.enterprises?.find((x) => x.id === m.ent.ids[e]);
  const currencies: HeldCurrency[] = [];
  for (let c = 0; c < index.ids.length; c++) {
    const entries = index.entries[c];
    const mine = entries.get(e);
    const withinCurrency = withinAll(m, index.products[c]);
    const limitCache = new Map<number, Uint8Array>();
    /** share(s, c) when accepts(s, c, p), else 0. */
    const shareOf = (s: number, p: number): number => {
      const entry = entries.get(s);
      if (!entry || !withinCurrency[p]) return 0;
      if (entry.products) {
        let within = limitCache.get(s);
        if (!within) limitCache.set(s, (within = withinAll(m, entry.products)));
        if (!within[p]) return 0;
      }
      return entry.share;
    };
    const purchases: PayablePurchase[] = [];
    let spend = 0;
    for (const f of F.into[e]) {
      const v = F.value[f];
      if (Number.isNaN(v)) continue;
      const share = shareOf(F.supplier[f], F.product[f]);
      if (share === 0) continue;
      const payable = v * share;
      spend += payable;
      purchases.push({ flow: F.ids[f], supplier: m.ent.ids[F.supplier[f]], product: m.prod.ids[F.product[f]], value: v, share, payable });
    }
    if (!mine && spend === 0) continue;
    let earn = 0;
    if (mine && isMember[e]) {
      for (const f of F.outOf[e]) {
        const v = F.value[f];
        if (Number.isNaN(v) || !isMember[F.buyer[f]]) continue;
        earn += v * shareOf(e, F.product[f]);
      }
    }
    purchases.sort((a, b) => b.payable - a.payable || cmpId(a.flow, b.flow));
    const entry = (own?.currencies ?? []).map((a) => (typeof a === 'string' ? { currency: a } : a)).find((a) => a.currency === index.ids[c]);
    currencies.push({
      currency: index.ids[c],
      kind: index.kind[c],
      held: mine !== undefined,
      share: mine?.share ?? null,
      products: entry && 'products' in entry && entry.products?.length ? entry.products : null,
      spend,
      earn,
      payableShare: purchasesTotal > 0 ? spend / purchasesTotal : null,
      stuck: Math.max(0, earn - spend),
      purchases,
    });
  }
  // Held ones first, each group in currency id order.
  currencies.sort((a, b) => Number(b.held) - Number(a.held) || cmpId(a.currency, b.currency));
  return { enterprise: m.ent.ids[e], purchasesTotal, valuedPurchases: valued, unvaluedPurchases: unvalued, currencies };
}
