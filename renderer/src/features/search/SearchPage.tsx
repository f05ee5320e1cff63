import { useEffect } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link, useRoute } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { searchMessages } from './messages.ts';
import { useDebounced } from './useDebounced.ts';
import { setSolidarityOnly, useCurrency, usePlace, useSolidarityOnly } from './place.ts';
import { PlaceSetter } from './PlaceSetter.tsx';
import { CurrencyFilter } from './CurrencyFilter.tsx';
import { OffersPanel } from './OffersPanel.tsx';
import { SupplierList } from './SupplierList.tsx';
import type { Currency, EnterpriseHit } from '../../../../shared/contract/search.ts';

/**
 * Consumer search: the top bar's box writes ?q= as you type; this screen answers after a short
 * pause (useQuery drops answers to older queries), lists products and enterprises, and shows
 * who offers a chosen product (?product=).
 */
export default function SearchPage() {
  const t = useMessages(searchMessages);
  const { lang } = useI18n();
  const { query, navigate } = useRoute();
  const q = (query.get('q') ?? '').trim();
  const productId = query.get('product');
  const place = usePlace();
  const currency = useCurrency();
  const solidarityOnly = useSolidarityOnly();
  const settled = useDebounced(q, 120);
  const currencies = useQuery('currency-list', {}).data?.currencies;
  const results = useQuery(
    'search-query',
    settled
      ? { q: settled, lang, limit: 30, ...(place ? { near: { lat: place.lat, lon: place.lon } } : {}), ...(currency ? { currency } : {}) }
      : null,
  );
  const data = settled ? results.data : undefined;
  const pending = q !== settled || results.loading;

  // Opening the Find screen with nothing asked yet puts the cursor in the search box: the next thing to do is type.
  const empty = !q;
  useEffect(() => {
    if (empty) document.querySelector<HTMLInputElement>('[role="search"] input')?.focus();
  }, [empty]);

  const withProduct = (id: string | null) => {
    const params = new URLSearchParams(query);
    if (id) params.set('product', id);
    else params.delete('product');
    return `/search?${params.toString()}`;
  };

  let status = '';
  if (!q) status = '';
  else if (pending && !data) status = t('searching');
  else if (data && data.products.length + data.enterprises.length === 0) status = t('nothing', { q: settled });
  else if (data) {
    const p = data.products.length;
    const e = data.enterprises.length;
    status = t('count', {
      products: p === 1 ? t('oneProduct') : t('nProducts', { n: p }),
      enterprises: e === 1 ? t('oneEnterprise') : t('nEnterprises', { n: e }),
    });
  }

  return (
    <section className="search-page">
      <h1>{q ? t('resultsFor', { q }) : t('title')}</h1>
      {!q && <p className="lead">{t('intro')}</p>}
      <div className="search-filters">
        <PlaceSetter />
        <CurrencyFilter currencies={currencies} />
        <label className="solidarity-only">
          <input type="checkbox" checked={solidarityOnly} onChange={(e) => setSolidarityOnly(e.target.checked)} /> {t('solidarityOnly')}
        </label>
      </div>
      <p className="search-status" role="status" aria-live="polite" aria-busy={pending || undefined}>
        {status}
      </p>
      <ErrorNote error={results.error} />
      {productId && (
        <OffersPanel productId={productId} place={place} currency={currency} currencies={currencies} onClose={() => navigate(withProduct(null))} />
      )}
      <div className="search-results">
        {data && data.products.length > 0 && (
          <section aria-labelledby="product-hits">
            <h2 id="product-hits">{t('products')}</h2>
            <ul className="product-hits">
              {data.products.map((p) => (
                <li key={p.id}>
                  <Link to={withProduct(p.id)} aria-current={p.id === productId ? 'true' : undefined} className="product-hit">
                    <span className="product-name">{p.name}</span>
                    {p.path.length > 0 && <span className="muted small"> · {p.path.join(' › ')}</span>}
                    {p.match === 'fuzzy' && <span className="badge badge-neutral">{t('approx')}</span>}
                    <span className="product-cta">{t('seeOffers')}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        {data && data.enterprises.length > 0 && <EnterpriseHits rows={data.enterprises} currencies={currencies} solidarityOnly={solidarityOnly} />}
      </div>
    </section>
  );
}

/**
 * Solidarity enterprises first, in their own list; the others only in a marked "also
 * available" group below, or not at all with "solidarity only" on (then their count is said).
 */
function EnterpriseHits({ rows, currencies, solidarityOnly }: { rows: EnterpriseHit[]; currencies: readonly Currency[] | undefined; solidarityOnly: boolean }) {
  const t = useMessages(searchMessages);
  const solidarity = rows.filter((r) => r.solidarity);
  const others = rows.filter((r) => !r.solidarity);
  return (
    <>
      {solidarity.length > 0 && (
        <section aria-labelledby="enterprise-hits">
          <h2 id="enterprise-hits">{t('enterprises')}</h2>
          <SupplierList rows={solidarity} currencies={currencies} label={t('enterprises')} />
        </section>
      )}
      {others.length > 0 &&
        (solidarityOnly ? (
          <p className="muted small" data-testid="others-hidden">{t('othersHidden', { count: others.length })}</p>
        ) : (
          <section aria-labelledby="also-available" className="also-available" data-testid="also-available">
            <h2 id="also-available">{t('alsoAvailable')}</h2>
            <p className="muted small">{t('alsoAvailableNote')}</p>
            <SupplierList rows={others} currencies={currencies} label={t('alsoAvailable')} />
          </section>
        ))}
    </>
  );
}
