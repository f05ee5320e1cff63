import { useMoney } from '../../components/money.ts';
import { useI18n, useMessages, useQuantity } from '../../i18n/index.tsx';
import { Link as RouteLink } from '../../app/router.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { enterpriseName, productName, type Labels } from '../network/useLabels.ts';
import { plannerMessages } from './messages.ts';
import { Explain } from './Explain.tsx';
import { clampQuantity, defaultQuantity, type Decision, type Link } from './decisions.ts';

/** One non-solidarity link: why it ranks where it does, its substitutes, and the decision. */
export function LinkCard({
  link,
  rank,
  labels,
  decision,
  onDecide,
}: {
  link: Link;
  rank: number;
  labels: Labels;
  decision: Decision;
  onDecide(d: Decision): void;
}) {
  const t = useMessages(plannerMessages);
  const { number, percent, lang } = useI18n();
  const product = productName(labels, link.product, lang);
  const unit = labels.products[link.product]?.unit ?? '';
  const supplier = enterpriseName(labels, link.supplier);
  const priceOf = (enterprise: string, p: string) => labels.offers.find((o) => o.enterprise === enterprise && o.product === p)?.price ?? null;
  const chosen = decision.kind === 'switch' ? decision.to : null;
  const quantity = useQuantity();
  // An unknown quantity (spec v1.1) reads as a dash, as an unknown value does.
  const qty = (n: number | null) => (n === null ? '—' : quantity(n, unit));
  const { money } = useMoney();
  const km = (v: number | null) => (v === null ? t('noDistance') : `${number(v, { maximumFractionDigits: 0 })} km`);
  const accept = (to: string, spare: number | null) => onDecide({ kind: 'switch', to, quantity: defaultQuantity(link, spare) });
  const chosenName = chosen ? enterpriseName(labels, chosen) : '';
  const headingId = `link-${link.flow}`;

  return (
    <article className={`link-card${rank === 1 ? ' worst' : ''}`} aria-labelledby={headingId} data-testid={`link-${link.flow}`}>
      <header>
        <h3 id={headingId}>
          <span className="rank">{rank === 1 ? t('worstLink') : t('linkRank', { n: rank })}</span> {product} {t('fromSupplier')} {supplier}
        </h3>
        <SolidarityBadge solidarity={false} />
      </header>
      <p className="small">
        {t('linkFacts', { quantity: qty(link.quantity), value: money(link.value), score: percent(link.supplierScore) })}{' '}
        {link.priority === null
          ? t('priorityUnvalued')
          : t('priorityIs', { priority: number(link.priority, { maximumFractionDigits: 0 }), value: money(link.value), score: number(link.supplierScore, { maximumFractionDigits: 3 }) })}
      </p>
      <Explain enterprise={link.supplier} buyer={link.buyer} name={supplier} />

      <h4>{t('substitutes')}</h4>
      {link.substitutes.length === 0 ? (
        <p className="muted">{t('noSubstitutes')}</p>
      ) : (
        <div className="net-table-wrap">
          <table className="table compact substitutes">
            <caption className="sr-only">{t('substitutesCaption', { product, supplier })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('substitute')}</th>
                <th scope="col" className="num">{t('distance')}</th>
                <th scope="col" className="num">{t('spare')}</th>
                <th scope="col" className="num">{t('price')}</th>
                <th scope="col" className="num">{t('coverage')}</th>
                <th scope="col" className="num">{t('score')}</th>
                <th scope="col" className="num">{t('composite')}</th>
                <th scope="col" className="no-print"><span className="sr-only">{t('decision')}</span></th>
              </tr>
            </thead>
            <tbody>
              {link.substitutes.map((s) => {
                const name = enterpriseName(labels, s.enterprise);
                const on = chosen === s.enterprise;
                return (
                  <tr key={s.enterprise} className={on ? 'chosen' : undefined}>
                    <td>
                      <RouteLink to={`/enterprise/${encodeURIComponent(s.enterprise)}`}>{name}</RouteLink>
                      {s.product !== link.product && <span className="muted small"> ({productName(labels, s.product, lang)})</span>}
                      <Explain enterprise={s.enterprise} buyer={link.buyer} name={name} />
                    </td>
                    <td className="num">{km(s.distanceKm)}</td>
                    <td className="num">{s.spare === null ? t('unlimited') : qty(s.spare)}</td>
                    <td className="num">{money(priceOf(s.enterprise, s.product))}</td>
                    <td className="num">{s.coverage === null ? '—' : percent(s.coverage)}</td>
                    <td className="num">{number(s.score, { maximumFractionDigits: 2 })}</td>
                    <td className="num">{number(s.composite, { maximumFractionDigits: 3 })}</td>
                    <td className="no-print">
                      {on ? (
                        <button type="button" onClick={() => onDecide({ kind: 'reject' })} aria-label={t('rejectNamed', { name })}>
                          {t('reject')}
                        </button>
                      ) : (
                        <button type="button" className="primary" onClick={() => accept(s.enterprise, s.spare)} aria-label={t('acceptNamed', { name })}>
                          {t('accept')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <h4>{t('leastBad')}</h4>
      {link.leastBadAlternative === null ? (
        <p className="muted small">{t('noLeastBad')}</p>
      ) : (
        <div className="least-bad">
          <p className="small">
            {t('leastBadIs', {
              name: enterpriseName(labels, link.leastBadAlternative.enterprise),
              composite: number(link.leastBadAlternative.composite, { maximumFractionDigits: 3 }),
              km: km(link.leastBadAlternative.distanceKm),
              price: money(priceOf(link.leastBadAlternative.enterprise, link.leastBadAlternative.product)),
            })}
          </p>
          <Explain enterprise={link.leastBadAlternative.enterprise} buyer={link.buyer} name={enterpriseName(labels, link.leastBadAlternative.enterprise)} />
          {chosen !== link.leastBadAlternative.enterprise ? (
            <button type="button" className="no-print" onClick={() => accept(link.leastBadAlternative!.enterprise, link.leastBadAlternative!.spare)}>
              {t('acceptLeastBad')}
            </button>
          ) : null}
        </div>
      )}

      <div className="decision" aria-live="polite">
        {decision.kind === 'switch' ? (
          <div className="adjust">
            <label>
              {t('moveQuantity', { name: chosenName })}
              <input
                type="number"
                min={0}
                max={link.quantity ?? 0}
                step="any"
                value={decision.quantity}
                onChange={(e) => onDecide({ ...decision, quantity: clampQuantity(e.target.valueAsNumber, link) })}
              />
            </label>
            <span className="muted small">{t('ofQuantity', { quantity: qty(link.quantity) })}</span>
            <button type="button" className="no-print" onClick={() => onDecide({ kind: 'reject' })}>{t('reject')}</button>
          </div>
        ) : (
          <p className="muted small">
            {/* The sentence ends with its own full stop: "Ltda." must not become "Ltda..". */}
            {decision.kind === 'reject' ? t('rejected', { supplier: supplier.replace(/\.$/, '') }) : t('kept', { supplier: supplier.replace(/\.$/, '') })}
          </p>
        )}
      </div>
    </article>
  );
}
