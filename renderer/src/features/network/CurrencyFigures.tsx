import { useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { circulationMessages } from './circulation-messages.ts';
import { enterpriseName, type Labels } from './useLabels.ts';
import { StuckChart } from './StuckChart.tsx';
import { AcceptanceScenario } from './AcceptanceScenario.tsx';
import { acceptanceMessages } from './acceptance-messages.ts';
import type { AnalyseOutput } from '../../../../shared/contract/engine.ts';

export type Figures = AnalyseOutput['result']['currencies'][number];

const kindKey = {
  'social-currency': 'kind_social',
  'mutual-credit': 'kind_mutual',
  'time-credits': 'kind_time',
  voucher: 'kind_voucher',
} as const;

/**
 * One currency's circulation in a scope (ENGINE.md §3.8), as engine-analyse gives it: payable
 * share, circulation, where units get stuck, who to invite next. The Network screen shows one
 * per currency; a currency's own page one per network it is used in. The name links to the
 * currency's page (`link: false` where that page is the one showing it). "What if they
 * accepted it" opens from the list of who to invite next, pre-filled with it.
 */
export function CurrencyFigures({ c, name, labels, network, link = true }: { c: Figures; name: string; labels: Labels; network: string | null; link?: boolean }) {
  const t = useMessages(circulationMessages);
  const w = useMessages(acceptanceMessages);
  const [whatIf, setWhatIf] = useState(false);
  const { number, percent } = useI18n();
  const money = (v: number) => number(v, { maximumFractionDigits: 0 });
  const kind = c.kind && c.kind in kindKey ? t(kindKey[c.kind as keyof typeof kindKey]) : t('kind_unknown');
  const bars = c.members
    .filter((m) => m.stuck > 0)
    .sort((a, b) => b.stuck - a.stuck || (a.enterprise < b.enterprise ? -1 : 1))
    .slice(0, 10)
    .map((m) => ({ id: m.enterprise, name: enterpriseName(labels, m.enterprise), earn: m.earn, spend: m.spend, stuck: m.stuck }));
  const headingId = `currency-${c.currency}-h`;
  return (
    <article className="net-panel" aria-labelledby={headingId} data-testid={`currency-${c.currency}`} data-currency={c.currency}>
      <h4 id={headingId}>
        {link ? <Link to={`/currency/${encodeURIComponent(c.currency)}`}>{name}</Link> : name} <span className="muted small">({kind}; {t('acceptors', { count: number(c.acceptors.length) })})</span>
      </h4>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('payableShare')}</dt>
          <dd data-testid="payable-share">{c.payableShare === null ? '—' : percent(c.payableShare)}</dd>
        </div>
        <div className="stat">
          <dt>{t('payableValue')}</dt>
          <dd>{money(c.payableValue)}</dd>
        </div>
        <div className="stat">
          <dt>{t('circulation')}</dt>
          <dd data-testid="circulation" data-value={c.circulation ?? ''}>
            {c.circulation === null ? <span className="muted small">{t('circulationNone')}</span> : percent(c.circulation)}
          </dd>
        </div>
      </dl>
      <h5>{t('stuckTitle')}</h5>
      <p className="muted small">{t('stuckLead')}</p>
      {bars.length === 0 ? <p>{t('noStuck')}</p> : <StuckChart bars={bars} currency={name} />}
      <h5>{t('nextTitle')}</h5>
      <p className="muted small">{t('nextLead')}</p>
      {c.nextAcceptors.length === 0 ? (
        <p>{t('noNext')}</p>
      ) : (
        <ol className="plain-list" data-testid="next-acceptors">
          {c.nextAcceptors.map((n) => (
            <li key={n.enterprise} data-enterprise={n.enterprise}>
              <Link to={`/enterprise/${encodeURIComponent(n.enterprise)}`}>{enterpriseName(labels, n.enterprise)}</Link>{' '}
              <span className="muted small">({n.solidarity ? t('solidarity') : t('notSolidarity')})</span>{' '}
              <span>
                {t('gain')}: <strong data-testid="gain">{money(n.gain)}</strong>
              </span>
            </li>
          ))}
        </ol>
      )}
      {c.nextAcceptors.length > 0 && (
        <button type="button" className="no-print" aria-expanded={whatIf} onClick={() => setWhatIf(!whatIf)}>
          {w('whatIf')}
        </button>
      )}
      {whatIf && <AcceptanceScenario currency={c.currency} currencyName={name} network={network} candidates={c.nextAcceptors} labels={labels} />}
    </article>
  );
}
