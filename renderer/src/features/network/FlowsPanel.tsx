import { useMemo, useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useMoney } from '../../components/money.ts';
import { useQuery } from '../../api/hooks.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SankeyChart } from '../charts/SankeyChart.tsx';
import { chainSankey } from '../charts/sankey-data.ts';
import { networkMessages } from './messages.ts';
import { movesFor, type ChangeLike } from './moves.ts';
import { useLabels } from './useLabels.ts';

/**
 * The flow diagram of one buyer's chain: value from suppliers, tier by tier, solidarity and
 * non-solidarity in different colours; with a scenario (saved, or the planner's accepted
 * changes), the same chain after it, beside.
 */
export function ChainFlows({ buyer, changes, tiers = 3, titleBefore, titleAfter }: { buyer: string; changes: ChangeLike[]; tiers?: number; titleBefore: string; titleAfter: string }) {
  const q = useQuery('network-graph', { network: null, focus: buyer, tiers });
  const relations = useQuery('enterprise-relations', changes.length ? { id: buyer } : null);
  const mine = changes.filter((c) => c.buyer === buyer);
  const offers = useMemo(() => mine.map((c) => ({ enterprise: c.to, product: c.product })), [mine]);
  const labels = useLabels(
    [...new Set(mine.map((c) => c.to))].sort(),
    [],
    offers,
  );
  const before = useMemo(() => (q.data ? chainSankey(q.data) : null), [q.data]);
  const after = useMemo(() => {
    if (!q.data || !mine.length || !relations.data) return null;
    return chainSankey(q.data, movesFor(mine, buyer, relations.data.suppliers, labels.offers, labels.enterprises));
  }, [q.data, mine, relations.data, labels, buyer]);
  return (
    <div className="flows">
      <ErrorNote error={q.error} />
      {before && <SankeyChart data={before} title={titleBefore} testId="sankey-before" />}
      {after && <SankeyChart data={after} title={titleAfter} testId="sankey-after" />}
    </div>
  );
}

export function FlowsPanel({ network }: { network: string | null }) {
  const t = useMessages(networkMessages);
  const { date } = useI18n();
  const { money } = useMoney();
  const graph = useQuery('network-graph', { network, maxNodes: 5000 });
  const buyers = useMemo(
    () =>
      [...(graph.data?.nodes ?? [])]
        .filter((n) => n.member && n.inValue > 0)
        .sort((a, b) => b.inValue - a.inValue || (a.id < b.id ? -1 : 1))
        .slice(0, 300),
    [graph.data],
  );
  const [picked, setBuyer] = useState('');
  const buyer = picked || buyers[0]?.id || '';
  const scenarios = useQuery('scenario-list', {});
  const [scenarioId, setScenarioId] = useState<number | null>(null);
  const scenario = useQuery('scenario-get', scenarioId === null ? null : { id: scenarioId });
  const name = buyers.find((b) => b.id === buyer)?.name ?? buyer;
  const changes = scenarioId !== null && scenario.data ? scenario.data.changes : [];
  return (
    <section aria-labelledby="flows-h">
      <h2 id="flows-h">{t('flowsTitle')}</h2>
      <p className="muted small">{t('flowsLead')}</p>
      <div className="controls no-print">
        {buyers.length > 0 && (
          <label>
            {t('buyer')}
            <select value={buyer} onChange={(e) => setBuyer(e.target.value)}>
              {buyers.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({money(b.inValue, 0)})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('scenario')}
          <select value={scenarioId ?? ''} onChange={(e) => setScenarioId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t('noScenario')}</option>
            {(scenarios.data?.scenarios ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({date(s.createdAt)})
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={graph.error ?? scenario.error} />
      {graph.data && buyers.length === 0 && (
        <p className="empty-note" data-testid="no-buyers">
          {t('noBuyers')}
        </p>
      )}
      {buyer && (
        <ChainFlows
          key={buyer}
          buyer={buyer}
          changes={changes}
          titleBefore={t('flowsBefore', { name })}
          titleAfter={t('flowsAfter', { name, scenario: scenario.data?.name ?? '' })}
        />
      )}
      {scenarioId !== null && scenario.data && !changes.some((c) => c.buyer === buyer) && <p className="muted">{t('scenarioNotForBuyer')}</p>}
    </section>
  );
}
