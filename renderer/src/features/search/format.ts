import type { Currency, OfferHit } from '../../../../shared/contract/search.ts';

type NumberFn = (n: number, options?: Intl.NumberFormatOptions) => string;

/** A currency's name from its id, falling back to the id itself (an ISO code such as BRL). */
export function currencyName(id: string, currencies: readonly Currency[] | undefined): string {
  return currencies?.find((c) => c.id === id)?.name ?? id;
}

/**
 * A price in the person's locale: an ISO currency code gets the locale's own currency format
 * ("R$ 30,00"); a social currency is written after the amount ("30 Sampa").
 */
export function formatPrice(offer: Pick<OfferHit, 'price' | 'currency'>, number: NumberFn, currencies: readonly Currency[] | undefined): string | null {
  if (offer.price === null) return null;
  if (offer.currency && /^[A-Z]{3}$/.test(offer.currency)) {
    try {
      return number(offer.price, { style: 'currency', currency: offer.currency });
    } catch {
      // an unknown code: fall through to the plain form
    }
  }
  const amount = number(offer.price, { maximumFractionDigits: 2 });
  return offer.currency ? `${amount} ${currencyName(offer.currency, currencies)}` : amount;
}

export function formatKm(km: number, number: NumberFn): string {
  return number(km, { maximumFractionDigits: km < 10 ? 1 : 0 });
}
