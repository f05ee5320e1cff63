import { useId } from 'react';
import type { Currency } from '../../../../shared/contract/search.ts';
import { useMessages } from '../../i18n/index.tsx';
import { searchMessages } from './messages.ts';
import { setCurrency, useCurrency } from './place.ts';

const kindKey = {
  'social-currency': 'currencyKinds_social',
  'mutual-credit': 'currencyKinds_mutual',
  'time-credits': 'currencyKinds_time',
  voucher: 'currencyKinds_voucher',
  other: 'currencyKinds_other',
} as const;

/** "Accepts my currency": a social currency, time credits or a voucher scheme; kept between visits. */
export function CurrencyFilter({ currencies }: { currencies: readonly Currency[] | undefined }) {
  const t = useMessages(searchMessages);
  const currency = useCurrency();
  const id = useId();
  const known = !currency || currencies === undefined || currencies.some((c) => c.id === currency);
  return (
    <div className="currency-filter">
      <label htmlFor={id}>{t('currency')}</label>
      <select id={id} value={currency ?? ''} onChange={(e) => setCurrency(e.target.value || null)}>
        <option value="">{t('anyCurrency')}</option>
        {currencies?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({t(kindKey[c.kind ?? 'other'])})
          </option>
        ))}
        {/* A currency chosen earlier that this catalogue does not list stays visible and removable. */}
        {!known && currency && <option value={currency}>{currency}</option>}
      </select>
    </div>
  );
}
