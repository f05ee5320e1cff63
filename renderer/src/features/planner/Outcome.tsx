import { useEffect } from 'react';
import { useMoney } from '../../components/money.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useJob } from '../network/useJob.ts';
import { JobProgress } from '../network/JobProgress.tsx';
import { plannerMessages } from './messages.ts';
import type { PlanChange } from './decisions.ts';
import { PosterLink } from '../catalogue/PosterLink.tsx';
import type { CompareOutput } from '../../../../shared/contract/engine.ts';

/**
 * Before and after the accepted substitutions, as the engine computes them (scenario-compare
 * over the whole catalogue: the changes are applied in memory, the recorded flows untouched).
 */
export function useOutcome(changes: PlanChange[]) {
  const job = useJob('scenario-compare');
  const { run } = job;
  const key = JSON.stringify(changes);
  useEffect(() => {
    const list = JSON.parse(key) as PlanChange[];
    if (list.length) void run({ network: null, changes: list });
  }, [key, run]);
  return job;
}

export function Outcome({ shop, changes, job }: { shop: string; changes: PlanChange[]; job: ReturnType<typeof useOutcome> }) {
  const t = useMessages(plannerMessages);
  const { number } = useI18n();
  const c: CompareOutput | undefined = changes.length ? job.data : undefined;
  const me = c?.members.find((m) => m.id === shop);
  // One style per column: a decimal on every share of a column as soon as one needs it ("55,0%" under "36,6%").
  const digits = (vs: (number | null | undefined)[]) => (vs.some((v) => typeof v === 'number' && Math.round(v * 1000) % 10 !== 0) ? 1 : 0);
  const beforeDigits = digits([me?.directBefore, me?.chainBefore, c?.before.leakage.share]);
  const afterDigits = digits([me?.directAfter, me?.chainAfter, c?.after.leakage.share]);
  const share = (v: number | null | undefined, d: number) => (v === null || v === undefined ? '—' : number(v, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }));
  const pct = (v: number | null | undefined, column: 'before' | 'after') => share(v, column === 'before' ? beforeDigits : afterDigits);
  const points = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined ? '' : t('points', { sign: b >= a ? '+' : '−', delta: Math.round(Math.abs(b - a) * 1000) / 10 });
  const { money } = useMoney();
  return (
    <section aria-labelledby="outcome-h" className="net-panel outcome">
      <h2 id="outcome-h">{t('outcomeTitle')}</h2>
      {!changes.length && <p className="muted">{t('outcomeEmpty')}</p>}
      {job.running && <JobProgress progress={job.progress} onCancel={job.cancel} label={t('comparing')} />}
      <ErrorNote error={job.error} />
      {c && (
        <>
          <table className="table compare" data-testid="outcome">
            <caption className="sr-only">{t('outcomeTitle')}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col" className="num">{t('before')}</th>
                <th scope="col" className="num">{t('after')}</th>
                <th scope="col" className="num">{t('change')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('directShare')}</th>
                <td className="num" data-testid="direct-before">{pct(me?.directBefore, 'before')}</td>
                <td className="num" data-testid="direct-after"><strong>{pct(me?.directAfter, 'after')}</strong></td>
                <td className="num" data-testid="direct-change">{points(me?.directBefore, me?.directAfter)}</td>
              </tr>
              <tr>
                <th scope="row">{t('chainShare')}</th>
                <td className="num">{pct(me?.chainBefore, 'before')}</td>
                <td className="num">{pct(me?.chainAfter, 'after')}</td>
                <td className="num">{points(me?.chainBefore, me?.chainAfter)}</td>
              </tr>
              <tr>
                <th scope="row">{t('leakageAll')}</th>
                <td className="num">{pct(c.before.leakage.share, 'before')}</td>
                <td className="num">{pct(c.after.leakage.share, 'after')}</td>
                <td className="num">{points(c.before.leakage.share, c.after.leakage.share)}</td>
              </tr>
              <tr>
                <th scope="row">{t('costAll')}</th>
                <td className="num">{money(c.before.cost)}</td>
                <td className="num">{money(c.after.cost)}</td>
                <td className="num" data-testid="cost-change">{`${c.after.cost >= c.before.cost ? '+' : '−'}${money(Math.abs(c.after.cost - c.before.cost))}`}</td>
              </tr>
            </tbody>
          </table>
          <PosterLink shop={shop} changes={changes} />
          {c.skipped.length > 0 && (
            <p className="error" role="alert">{t('skipped', { list: c.skipped.map((s) => `${s.line}: ${s.reason}`).join('; ') })}</p>
          )}
          <p className="muted small">{t('outcomeNote')}</p>
        </>
      )}
    </section>
  );
}
