import { useMemo, useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { useQuery } from '../../api/hooks.ts';
import { circulationMessages } from './circulation-messages.ts';
import { enterpriseName, useLabels } from './useLabels.ts';
import { StuckChart } from './StuckChart.tsx';
import { AcceptanceScenario } from './AcceptanceScenario.tsx';
import { acceptanceMessages } from './acceptance-messages.ts';
import type { AnalyseOutput } from '../../../../shared/contract/engine.ts';

type Figures = AnalyseOutput['result']['currencies'][number];

const kindKey = {
  'social-currency': 'kind_social',
  'mutual-credit': 'kind_mutual',
  'time-credits': 'kind_time',
  voucher: 'kind_voucher',
} as const;

/**
 * Per currency (ENGINE.md §3.8): the payable share of members' purchases, its circulation,
 * where units get stuck, and who to invite to accept it next with the value that would gain.
 */
export function CurrencyPanel({ currencies, network = null }: { currencies: Figures[]; network?: string | null }) {
  const t = useMessages(circulationMessages);
  const list = useQuery('currency-list', {});
  const names = useMemo(() => new Map((list.data?.currencies ?? []).map((c) => [c.id, c.name])), [list.data]);
  const ids = useMemo(() => {
    const e = new Set<string>();
    for (const c of currencies) {
      for (const m of c.members) e.add(m.enterprise);
      for (const n of c.nextAcceptors) e.add(n.enterprise);
    }
    return [...e].sort();
  }, [currencies]);
  const labels = useLabels(ids, []);
  return (
    <section aria-labelledby="currencies-h" data-testid="currencies">
      <h3 id="currencies-h">{t('currenciesTitle')}</h3>
      <p className="muted small">{t('currenciesLead')}</p>
      {currencies.length === 0 && <p>{t('noCurrencies')}</p>}
      {currencies.map((c) => (
        <CurrencyCard key={c.currency} c={c} name={names.get(c.currency) ?? c.currency} labels={labels} network={network} />
      ))}
    </section>
  );
}

function CurrencyCard({ c, name, labels, network }: { c: Figures; name: string; labels: ReturnType<typeof useLabels>; network: string | null }) {
  const t = useMessages(circulationMessages);
  const w = useMessages(acceptanceMessages);
  // "What if they accepted it": opened from the list of who to invite next, pre-filled with it.
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
        {name} <span className="muted small">({kind}; {t('acceptors', { count: number(c.acceptors.length) })})</span>
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
