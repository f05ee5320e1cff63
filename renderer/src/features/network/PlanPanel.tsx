import { useMemo, useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { call, errorMessage } from '../../api/client.ts';
import { networkMessages } from './messages.ts';
import { useJob } from './useJob.ts';
import { JobProgress } from './JobProgress.tsx';
import { enterpriseName, productName, useLabels } from './useLabels.ts';
import { ScenarioCompare } from './ScenarioCompare.tsx';

const PAGE = 25;

/** The network-wide re-sourcing plan (ENGINE.md §3.6): run it, browse its changes, save it. */
export function PlanPanel({ network }: { network: string | null }) {
  const t = useMessages(networkMessages);
  const { number, percent, lang } = useI18n();
  const job = useJob('engine-analyse');
  const [page, setPage] = useState(0);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<{ id: number; name: string } | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [scenariosVersion, setScenariosVersion] = useState(0);
  const plan = job.data?.result.plan ?? null;
  const changes = useMemo(() => plan?.changes ?? [], [plan]);
  const shown = changes.slice(page * PAGE, (page + 1) * PAGE);
  const labels = useLabels(
    [...new Set(shown.flatMap((c) => [c.buyer, c.to, ...(c.from ? [c.from] : [])]))].sort(),
    [...new Set(shown.map((c) => c.product))].sort(),
  );
  const pct = (v: number | null) => (v === null ? '—' : percent(v));

  const runPlan = () => {
    setPage(0);
    setSaved(null);
    void job.run({ network, plan: true, limits: { links: 0, substitutes: 0, explain: 0 } });
  };
  const save = async () => {
    setSaveError(null);
    try {
      const scenarioName = name.trim() || t('planDefaultName');
      const r = await call('scenario-save', { name: scenarioName, network, changes });
      setSaved({ id: r.id, name: scenarioName });
      setScenariosVersion((v) => v + 1);
    } catch (err) {
      setSaveError(errorMessage(err));
    }
  };

  return (
    <section aria-labelledby="plan-h" className="net-panel">
      <h2 id="plan-h">{t('planTitle')}</h2>
      <p className="muted small">{t('planLead')}</p>
      {!job.running && (
        <button type="button" className="primary no-print" onClick={runPlan}>
          {plan ? t('planRerun') : t('planRun')}
        </button>
      )}
      {job.running && <JobProgress progress={job.progress} onCancel={job.cancel} label={t('planRunning')} />}
      {job.cancelled && <p className="muted">{t('cancelled')}</p>}
      <ErrorNote error={job.error} />
      {plan && (
        <>
          <table className="table compare" data-testid="plan-figures">
            <caption className="sr-only">{t('planTitle')}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col" className="num">{t('before')}</th>
                <th scope="col" className="num">{t('after')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('planShare')}</th>
                <td className="num">{pct(plan.shareBefore)}</td>
                <td className="num" data-testid="plan-share-after"><strong>{pct(plan.shareAfter)}</strong></td>
              </tr>
              <tr>
                <th scope="row">{t('leakage')}</th>
                <td className="num">{pct(plan.leakageBefore)}</td>
                <td className="num">{pct(plan.leakageAfter)}</td>
              </tr>
              <tr>
                <th scope="row">{t('solidarityValue')}</th>
                <td className="num">{number(plan.solidarityValueBefore, { maximumFractionDigits: 0 })}</td>
                <td className="num">{number(plan.solidarityValueAfter, { maximumFractionDigits: 0 })}</td>
              </tr>
              <tr>
                <th scope="row">{t('unmetValue')}</th>
                <td className="num">—</td>
                <td className="num">{number(plan.unmetValue, { maximumFractionDigits: 0 })}</td>
              </tr>
            </tbody>
          </table>
          <h3>{t('planChanges', { count: number(changes.length) })}</h3>
          {changes.length === 0 ? (
            <p>{t('planNoChanges')}</p>
          ) : (
            <>
              <div className="net-table-wrap">
                <table className="table" data-testid="plan-changes">
                  <caption className="sr-only">{t('planChanges', { count: number(changes.length) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('buyer')}</th>
                      <th scope="col">{t('product')}</th>
                      <th scope="col">{t('from')}</th>
                      <th scope="col">{t('to')}</th>
                      <th scope="col" className="num">{t('quantity')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((c, i) => (
                      <tr key={`${c.line}:${c.to}:${i}`}>
                        <td>{enterpriseName(labels, c.buyer)}</td>
                        <td>{productName(labels, c.product, lang)}</td>
                        <td>{c.from ? enterpriseName(labels, c.from) : <span className="muted">{t('unmetNeed')}</span>}</td>
                        <td>{enterpriseName(labels, c.to)}</td>
                        <td className="num">{number(c.quantity, { maximumFractionDigits: 2 })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {changes.length > PAGE && (
                <div className="pager no-print">
                  <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('previous')}</button>
                  <span>{t('pageOf', { page: page + 1, pages: Math.ceil(changes.length / PAGE) })}</span>
                  <button type="button" disabled={(page + 1) * PAGE >= changes.length} onClick={() => setPage(page + 1)}>{t('next')}</button>
                </div>
              )}
            </>
          )}
          <div className="save-row no-print">
            <label>
              {t('scenarioName')}
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('planDefaultName')} maxLength={200} />
            </label>
            <button type="button" onClick={() => void save()}>{t('saveScenario')}</button>
          </div>
          {saved && <p role="status">{t('savedAs', { name: saved.name })}</p>}
          <ErrorNote error={saveError} />
        </>
      )}
      <ScenarioCompare network={network} version={scenariosVersion} />
    </section>
  );
}
