import type { AcceptanceHit, Currency } from '../../../../shared/contract/search.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { acceptanceMessages } from './acceptance-messages.ts';
import { currencyName } from './format.ts';

/**
 * What an enterprise takes, one sentence per currency: "Takes up to 50 % in Ipê", "Takes
 * Vale-Feira only for Bread". A whole-price, everything acceptance is just "Takes Ipê".
 */
export function AcceptanceList({ acceptances, currencies }: { acceptances: readonly AcceptanceHit[]; currencies: readonly Currency[] | undefined }) {
  const t = useMessages(acceptanceMessages);
  const { locale } = useI18n();
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return (
    // Lines, not a list: the cards are list items already, and a nested list would count its
    // items among them for a screen reader ("list, 3 items") and for tests alike.
    <div className="acceptance-list small">
      {acceptances.map((a) => {
        const currency = currencyName(a.currency, currencies);
        const products = a.products ? list.format(a.products.map((p) => p.name)) : null;
        const key = a.share !== null && a.share < 1 ? (products ? 'takesShareFor' : 'takesShare') : products ? 'takesFor' : 'takes';
        return (
          <p key={a.currency} data-testid="acceptance" data-currency={a.currency}>
            {t(key, { currency, share: a.share ?? 1, products: products ?? '' })}
          </p>
        );
      })}
    </div>
  );
}
