import { useEffect, useMemo, useState } from 'react';
import { useMoney } from '../../components/money.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { networkMessages } from './messages.ts';
import { useJob } from './useJob.ts';
import { JobProgress } from './JobProgress.tsx';
import { enterpriseName, productName, useLabels } from './useLabels.ts';
import { PlanPanel } from './PlanPanel.tsx';
import { SalesPanel } from './SalesPanel.tsx';
import { CurrencyPanel } from './CurrencyPanel.tsx';
import { UnvaluedFix } from './UnvaluedFix.tsx';
import { unvaluedMessages } from './unvalued-messages.ts';
import type { AnalyseOutput } from '../../../../shared/contract/engine.ts';

/** Ids the dashboard names: gaps' products, circuits, the most depended-on, worst links. */
function idsOf(a: AnalyseOutput | undefined): { enterprises: string[]; products: string[] } {
  if (!a) return { enterprises: [], products: [] };
  const e = new Set<string>();
  const p = new Set<string>();
  for (const g of a.result.gaps.slice(0, 20)) p.add(g.product);
  for (const c of a.result.circuits.slice(0, 20)) for (const id of c.slice(0, 12)) e.add(id);
  for (const b of a.structure.betweenness.top.slice(0, 10)) e.add(b.id);
  for (const l of a.result.links.slice(0, 10)) {
    e.add(l.supplier).add(l.buyer);
    p.add(l.product);
  }
  for (const id of communityGroups(a).flatMap((g) => g.members.slice(0, 6))) e.add(id);
  return { enterprises: [...e].sort(), products: [...p].sort() };
}

function communityGroups(a: AnalyseOutput): { community: number; members: string[] }[] {
  const groups = new Map<number, string[]>();
  for (const [id, c] of Object.entries(a.structure.communities.membership)) {
    const list = groups.get(c);
    if (list) list.push(id);
    else groups.set(c, [id]);
  }
  return [...groups.entries()]
    .map(([community, members]) => ({ community, members: members.sort() }))
    .sort((x, y) => y.members.length - x.members.length || x.community - y.community)
    .slice(0, 8);
}

export function Dashboard({ network }: { network: string | null }) {
  const t = useMessages(networkMessages);
  const { number, percent, lang } = useI18n();
  const tu = useMessages(unvaluedMessages);
  const job = useJob('engine-analyse');
  const { run } = job;
  // Bumped when a fix in place (a price for unvalued flows, its undo) changes the figures.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void run({ network, plan: false, limits: { links: 10, substitutes: 3, explain: 0 } });
  }, [network, run, version]);
  const a = job.data;
  const ids = useMemo(() => idsOf(a), [a]);
  const labels = useLabels(ids.enterprises, ids.products);
  const { money: inMoney } = useMoney();
  const money = (v: number | null) => inMoney(v, 0);
  const qty = (v: number | null) => (v === null ? t('unlimited') : number(v, { maximumFractionDigits: 1 }));
  // Figures that mean nothing for the data are left out rather than shown as dashes: money
  // without any valued flow, prices no gap has, communities that are all single enterprises.
  const noMoney = a ? a.result.leakage.share === null && a.result.leakage.value === 0 : false;
  const gapPrices = a ? a.result.gaps.slice(0, 20).some((g) => g.referencePrice !== null) : false;
  const groups = a ? communityGroups(a) : [];
  const linked = groups.some((g) => g.members.length > 1);

  return (
    <section aria-labelledby="dash-h">
      <h2 id="dash-h">{t('dashboard')}</h2>
      {job.running && <JobProgress progress={job.progress} onCancel={job.cancel} label={t('analysing')} />}
      {job.cancelled && !a && <p className="muted">{t('cancelled')}</p>}
      <ErrorNote error={job.error} />
      {a && (
        <>
          <dl className="stat-grid" data-testid="network-figures">
            {!noMoney && (
              <>
                <div className="stat">
                  <dt>{t('solidarityShare')}</dt>
                  <dd data-testid="fig-share">{a.result.leakage.share === null ? '—' : percent(1 - a.result.leakage.share)}</dd>
                </div>
                <div className="stat">
                  <dt>{t('leakage')}</dt>
                  <dd data-testid="fig-leakage">{a.result.leakage.share === null ? '—' : percent(a.result.leakage.share)}</dd>
                </div>
                <div className="stat">
                  <dt>{t('leakingValue')}</dt>
                  <dd>{money(a.result.leakage.value)}</dd>
                </div>
                <div className="stat">
                  <dt>{t('outsideValue')}</dt>
                  <dd>{money(a.result.leakage.outsideValue)}</dd>
                </div>
              </>
            )}
            <div className="stat">
              <dt>{t('members')}</dt>
              <dd>{number(a.totals.members)}</dd>
            </div>
            <div className="stat">
              <dt>{t('nonSolidarityLinks')}</dt>
              <dd>{number(a.totals.links)}</dd>
            </div>
          </dl>
          <UnvaluedFix network={network} noMoney={noMoney} onChanged={() => setVersion((v) => v + 1)} />

          <h3>{t('gapsTitle')}</h3>
          <p className="muted small">{t('gapsLead')}</p>
          {a.result.gaps.length === 0 ? (
            <p>{t('noGaps')}</p>
          ) : (
            <div className="net-table-wrap">
              <table className="table" data-testid="gaps">
                <caption className="sr-only">{t('gapsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('product')}</th>
                    <th scope="col" className="num">{t('demand')}</th>
                    <th scope="col" className="num">{t('supply')}</th>
                    <th scope="col" className="num">{t('gap')}</th>
                    {gapPrices && <th scope="col" className="num">{t('refPrice')}</th>}
                    {gapPrices && <th scope="col" className="num">{t('gapValue')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {a.result.gaps.slice(0, 20).map((g) => (
                    <tr key={g.product}>
                      <td>{productName(labels, g.product, lang)}</td>
                      <td className="num">{qty(g.demand)}</td>
                      <td className="num">{qty(g.supply)}</td>
                      <td className="num"><strong>{qty(g.gap)}</strong></td>
                      {gapPrices && <td className="num">{g.referencePrice === null ? '—' : number(g.referencePrice, { maximumFractionDigits: 2 })}</td>}
                      {gapPrices && <td className="num">{money(g.value)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {a.totals.gaps > 20 && <p className="muted small">{t('moreRows', { shown: 20, total: number(a.totals.gaps) })}</p>}

          <div className="dash-columns">
            <div>
              <h3>{t('worstLinks')}</h3>
              {a.result.links.length === 0 ? (
                <p>{t('noLinks')}</p>
              ) : (
                <ol className="plain-list">
                  {a.result.links.slice(0, 10).map((l) => (
                    <li key={l.flow}>
                      <Link to={`/planner/${encodeURIComponent(l.buyer)}`}>{enterpriseName(labels, l.buyer)}</Link>
                      {' ← '}
                      {enterpriseName(labels, l.supplier)} <span className="muted">({productName(labels, l.product, lang)}{l.value === null ? '' : `, ${money(l.value)}`})</span>
                    </li>
                  ))}
                </ol>
              )}
              <h3>{t('dependsOn')}</h3>
              <p className="muted small">
                {a.structure.betweenness.approximate
                  ? t('betweennessApprox', { sources: number(a.structure.betweenness.sources), nodes: number(a.structure.betweenness.nodes) })
                  : t('betweennessExact')}
              </p>
              <ol className="plain-list" data-testid="depends-on">
                {a.structure.betweenness.top
                  .filter((b) => b.value > 0)
                  .slice(0, 10)
                  .map((b) => (
                    <li key={b.id}>
                      <Link to={`/enterprise/${encodeURIComponent(b.id)}`}>{enterpriseName(labels, b.id)}</Link>{' '}
                      <span className="muted">{number(b.value, { maximumFractionDigits: 3 })}</span>
                    </li>
                  ))}
              </ol>
              {!a.structure.betweenness.top.some((b) => b.value > 0) && <p>{t('noBrokers')}</p>}
            </div>
            <div>
              <h3>{t('circuits')}</h3>
              <p className="muted small">{t('circuitsLead')}</p>
              {a.result.circuits.length === 0 ? (
                <p>{t('noCircuits')}</p>
              ) : (
                <ul className="plain-list" data-testid="circuits">
                  {a.result.circuits.slice(0, 20).map((c, i) => (
                    <li key={i}>
                      {c.slice(0, 12).map((id) => enterpriseName(labels, id)).join(' ⇄ ')}
                      {c.length > 12 ? ` … (+${c.length - 12})` : ''}
                    </li>
                  ))}
                </ul>
              )}
              <h3>{t('communities')}</h3>
              {!linked && <p data-testid="no-communities">{tu('noCommunities')}</p>}
              {linked && (
              <>
              <p className="muted small">
                {t('communitiesLead', {
                  count: a.structure.communities.count,
                  modularity: number(a.structure.communities.modularity, { maximumFractionDigits: 2 }),
                })}
              </p>
              <ul className="plain-list">
                {groups.map((g) => (
                  <li key={g.community}>
                    <strong>{t('communitySize', { n: g.members.length })}</strong>{' '}
                    {g.members.slice(0, 6).map((id) => enterpriseName(labels, id)).join(', ')}
                    {g.members.length > 6 ? ' …' : ''}
                  </li>
                ))}
              </ul>
              </>
              )}
            </div>
          </div>
          <SalesPanel sales={a.result.sales} />
          <CurrencyPanel currencies={a.result.currencies} network={network} />
        </>
      )}
      <PlanPanel network={network} />
    </section>
  );
}
