import { useEffect, useRef } from 'react';
import type { Currency } from '../../../../shared/contract/search.ts';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { searchMessages } from './messages.ts';
import { SupplierList } from './SupplierList.tsx';
import type { Place } from './place.ts';

/**
 * Who offers the chosen product: solidarity enterprises nearest first; when there is none,
 * the least bad others, said as such.
 */
export function OffersPanel({ productId, place, currency, currencies, onClose }: {
  productId: string;
  place: Place | null;
  currency: string | null;
  currencies: readonly Currency[] | undefined;
  onClose(): void;
}) {
  const t = useMessages(searchMessages);
  const { lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const offers = useQuery('search-offers', {
    product: productId,
    lang,
    ...(place ? { near: { lat: place.lat, lon: place.lon } } : {}),
    ...(currency ? { currency } : {}),
  });
  const data = offers.data;

  // Choosing a product moves focus here, so a keyboard or screen-reader user lands on the answer.
  useEffect(() => {
    heading.current?.focus();
  }, [productId]);

  return (
    <section className="offers-panel" aria-labelledby="offers-heading">
      <div className="page-head">
        <h2 id="offers-heading" ref={heading} tabIndex={-1}>
          {t('offersTitle', { product: data?.product.name ?? '…' })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('closeOffers')}
        </button>
      </div>
      {data && data.product.path.length > 0 && <p className="muted small">{[...data.product.path, data.product.name].join(' › ')}</p>}
      <ErrorNote error={offers.error} />
      {!data && !offers.error && <p className="muted">{t('loadingOffers')}</p>}
      {data?.mode === 'solidarity' && (
        <>
          <p className="offers-mode offers-good">{t('solidarityFound')}</p>
          {!place && <p className="muted small">{t('noPlace')}</p>}
          <SupplierList rows={data.suppliers} currencies={currencies} label={t('offersTitle', { product: data.product.name })} />
        </>
      )}
      {data?.mode === 'least-bad' && (
        <>
          <p className="offers-mode offers-warn" role="note">
            {t('leastBad')}
          </p>
          <p className="muted small">{t('leastBadWhy')}</p>
          <SupplierList rows={data.suppliers} currencies={currencies} showScore label={t('offersTitle', { product: data.product.name })} />
        </>
      )}
      {data?.mode === 'none' && <p className="offers-mode">{currency ? t('noneWithCurrency') : t('noneOffers')}</p>}
    </section>
  );
}
