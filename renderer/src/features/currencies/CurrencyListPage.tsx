import { useMemo } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { currencyMessages } from './messages.ts';
import { useCurrencyWords } from './words.ts';
import './currencies.css';

/** Every currency the catalogue knows: name (to its page), kind, issuer, how many accept it. */
export default function CurrencyListPage() {
  const t = useMessages(currencyMessages);
  const words = useCurrencyWords();
  const list = useQuery('currency-list', {});
  // The directory's facet counts who accepts each currency, and names the issuers' enterprises.
  const facets = useQuery('enterprise-facets', {});
  const counts = useMemo(() => new Map((facets.data?.currency ?? []).map((f) => [f.value, f.count])), [facets.data]);
  const currencies = list.data?.currencies ?? [];
  const issuers = useQuery('network-labels', currencies.some((c) => c.issuer) ? { enterprises: [...new Set(currencies.flatMap((c) => (c.issuer ? [c.issuer] : [])))], products: [], offers: [] } : null);
  return (
    <section className="currency-list">
      <div className="page-head">
        <h1>{t('listTitle')}</h1>
        <div className="actions">
          <Link className="button primary" to="/currency/new">
            {t('newCurrency')}
          </Link>
        </div>
      </div>
      <p className="lead">{t('listLead')}</p>
      <ErrorNote error={list.error} />
      {list.data && currencies.length === 0 && <p>{t('noneYet')}</p>}
      {currencies.length > 0 && (
        <table className="table" data-testid="currency-list">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('issuer')}</th>
              <th scope="col">{t('whereTitle')}</th>
            </tr>
          </thead>
          <tbody>
            {currencies.map((c) => (
              <tr key={c.id} data-currency={c.id}>
                <td>
                  <Link to={`/currency/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                </td>
                <td>{words.kind(c.kind)}</td>
                <td>{c.issuer ? <Link to={`/enterprise/${encodeURIComponent(c.issuer)}`}>{issuers.data?.enterprises[c.issuer]?.name ?? c.issuer}</Link> : <span className="muted">{t('noIssuer')}</span>}</td>
                <td>{t('acceptedBy', { count: counts.get(c.id) ?? 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
