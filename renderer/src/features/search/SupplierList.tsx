import type { Currency, EnterpriseHit, Supplier } from '../../../../shared/contract/search.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { searchMessages } from './messages.ts';
import { formatKm, formatPrice } from './format.ts';
import { AcceptanceList } from './AcceptanceList.tsx';

type Row = Pick<EnterpriseHit, 'id' | 'name' | 'solidarity' | 'locality' | 'region' | 'country' | 'distanceKm' | 'offers' | 'currencies' | 'acceptances'> &
  Partial<Pick<Supplier, 'score' | 'criteriaKnown'>> &
  Partial<Pick<EnterpriseHit, 'match'>>;

/**
 * Enterprises as a list of cards: name (a link to its page), status in words, place and
 * distance, what it offers at what price and capacity, and the currencies it accepts (with
 * the share it takes and the products it takes them for).
 */
export function SupplierList({ rows, currencies, showScore, label }: { rows: readonly Row[]; currencies: readonly Currency[] | undefined; showScore?: boolean; label: string }) {
  const t = useMessages(searchMessages);
  const { number } = useI18n();
  return (
    <ol className="result-list" aria-label={label}>
      {rows.map((e) => (
        <li key={e.id} className="result-card">
          <div className="result-head">
            <Link to={`/enterprise/${encodeURIComponent(e.id)}`} className="result-name">
              {e.name}
            </Link>
            <SolidarityBadge solidarity={e.solidarity} />
            {e.match === 'fuzzy' && <span className="badge badge-neutral">{t('approx')}</span>}
            {e.distanceKm !== null && <span className="distance">{t('km', { km: formatKm(e.distanceKm, number) })}</span>}
          </div>
          <p className="muted small">{[e.locality, e.region, e.country].filter(Boolean).join(', ')}</p>
          {e.offers.length > 0 && (
            <table className="offer-table">
              <thead>
                <tr>
                  <th scope="col" className="visually-hidden">{t('products')}</th>
                  <th scope="col">{t('price')}</th>
                  <th scope="col">{t('capacity')}</th>
                </tr>
              </thead>
              <tbody>
                {e.offers.map((o) => (
                  <tr key={o.productId} className={o.inferredFrom ? 'inferred' : undefined}>
                    <th scope="row">{o.productName}</th>
                    {o.inferredFrom ? (
                      <td colSpan={2} className="muted small" data-testid="inferred-offer">
                        {t('inferred', { from: o.inferredFrom })}
                      </td>
                    ) : (
                      <>
                        <td>{formatPrice(o, number, currencies) ?? <span className="muted">{t('unknownPrice')}</span>}</td>
                        <td>{o.capacity !== null ? number(o.capacity) : <span className="muted">{t('unknownCapacity')}</span>}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {e.acceptances.length ? (
            <AcceptanceList acceptances={e.acceptances} currencies={currencies} />
          ) : (
            <p className="small muted">{t('noCurrencies')}</p>
          )}
          {showScore && e.score !== undefined && (
            <p className="small muted">{t('score', { score: number(e.score, { maximumFractionDigits: 2 }), known: e.criteriaKnown ?? 0 })}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
