import { useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { call, errorMessage } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useJob } from './useJob.ts';
import { JobProgress } from './JobProgress.tsx';
import { enterpriseName, type Labels } from './useLabels.ts';
import { acceptanceMessages } from './acceptance-messages.ts';
import { scenarioSaved } from './scenario-events.ts';
import type { AnalyseOutput, CompareOutput } from '../../../../shared/contract/engine.ts';

type NextAcceptor = AnalyseOutput['result']['currencies'][number]['nextAcceptors'][number];
type Summary = CompareOutput['currencies'][number]['before'];

/**
 * "If these suppliers accepted Sampa": the suppliers the engine names as next acceptors,
 * pre-ticked, a share, and the §3.8 figures recomputed by scenario-compare with the
 * acceptances applied in memory; saved as a scenario like the re-sourcing plan's.
 */
export function AcceptanceScenario({ currency, currencyName, network, candidates, labels }: { currency: string; currencyName: string; network: string | null; candidates: NextAcceptor[]; labels: Labels }) {
  const t = useMessages(acceptanceMessages);
  const { number, percent, lang } = useI18n();
  // Optionally "only for" one product (and what is narrower in the taxonomy), like an acceptance's `products`.
  const productList = useQuery('product-list', {});
  const [onlyFor, setOnlyFor] = useState('');
  const [picked, setPicked] = useState<string[]>(() => candidates.map((c) => c.enterprise));
  const [sharePct, setSharePct] = useState('100');
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const job = useJob('scenario-compare');
  const [asked, setAsked] = useState<string | null>(null);

  /** The acceptance as typed, or a sentence saying what is wrong with it. */
  const acceptance = (): { currency: string; enterprises: string[]; share?: number; products?: string[] } | string => {
    if (!picked.length) return t('pickSomeone');
    const v = Number(sharePct.trim().replace(',', '.'));
    if (!sharePct.trim() || !Number.isFinite(v) || v <= 0 || v > 100) return t('shareBad');
    return { currency, enterprises: picked, ...(v === 100 ? {} : { share: v / 100 }), ...(onlyFor ? { products: [onlyFor] } : {}) };
  };
  const recompute = () => {
    const a = acceptance();
    setSaved(null);
    if (typeof a === 'string') return setProblem(a);
    setProblem(null);
    setAsked(JSON.stringify(a));
    void job.run({ network, acceptances: [a] });
  };
  const defaultName = t('defaultName', { count: picked.length, currency: currencyName });
  const save = async () => {
    const a = acceptance();
    if (typeof a === 'string') return setProblem(a);
    setSaveError(null);
    try {
      const n = name.trim() || defaultName;
      await call('scenario-save', { name: n, network, acceptances: [a] });
      setSaved(n);
      scenarioSaved();
    } catch (err) {
      setSaveError(errorMessage(err));
    }
  };

  // Figures shown only for what was asked: ticking another box asks again.
  const result = asked !== null && asked === JSON.stringify(acceptance()) ? job.data?.currencies.find((c) => c.currency === currency) : undefined;
  const whole = (v: number) => number(v, { maximumFractionDigits: 0 });
  const pct = (v: number | null) => (v === null ? '—' : percent(v));
  const points = (a: number | null, b: number | null) =>
    a === null || b === null ? '' : t('points', { sign: b >= a ? '+' : '−', delta: number(Math.round(Math.abs(b - a) * 1000) / 10, { maximumFractionDigits: 1 }) });
  const rows: { key: string; label: string; show: (s: Summary) => string; delta: (a: Summary, b: Summary) => string }[] = [
    { key: 'payable-share', label: t('payableShare'), show: (s) => pct(s.payableShare), delta: (a, b) => points(a.payableShare, b.payableShare) },
    { key: 'payable-value', label: t('payableValue'), show: (s) => whole(s.payableValue), delta: (a, b) => signed(b.payableValue - a.payableValue) },
    { key: 'circulation', label: t('circulation'), show: (s) => pct(s.circulation), delta: (a, b) => points(a.circulation, b.circulation) },
    { key: 'stuck', label: t('stuck'), show: (s) => whole(s.stuck), delta: (a, b) => signed(b.stuck - a.stuck) },
    { key: 'acceptors', label: t('acceptors'), show: (s) => number(s.acceptors), delta: (a, b) => signed(b.acceptors - a.acceptors) },
  ];
  function signed(d: number) {
    return `${d >= 0 ? '+' : '−'}${whole(Math.abs(d))}`;
  }
  const headingId = `what-if-${currency}-h`;
  return (
    <section className="what-if" aria-labelledby={headingId} data-testid={`what-if-${currency}`}>
      <h5 id={headingId}>{t('whatIfTitle', { currency: currencyName })}</h5>
      <p className="muted small">{t('whatIfLead')}</p>
      <fieldset className="check-grid">
        <legend>{t('whoAccepts')}</legend>
        {candidates.map((c) => (
          <label key={c.enterprise} className="check">
            <input
              type="checkbox"
              checked={picked.includes(c.enterprise)}
              onChange={(e) => setPicked(e.target.checked ? [...picked, c.enterprise] : picked.filter((x) => x !== c.enterprise))}
            />
            {enterpriseName(labels, c.enterprise)}
          </label>
        ))}
      </fieldset>
      <div className="save-row share-row">
        <label>
          {t('sharePercent')}
          <input type="text" inputMode="decimal" value={sharePct} onChange={(e) => setSharePct(e.target.value)} size={6} />
        </label>
        <label>
          {t('onlyFor')}
          <select value={onlyFor} onChange={(e) => setOnlyFor(e.target.value)}>
            <option value="">{t('everything')}</option>
            {(productList.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {'\u2003'.repeat(p.depth)}
                {p.names[lang] ?? p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" disabled={job.running} onClick={recompute}>{t('recompute')}</button>
      </div>
      {problem && <p className="error" role="alert">{problem}</p>}
      {job.running && <JobProgress progress={job.progress} onCancel={job.cancel} label={t('recomputing')} />}
      <ErrorNote error={job.error} />
      {result && (
        <>
          <table className="table compare" data-testid="what-if-figures">
            <caption className="sr-only">{t('whatIfTitle', { currency: currencyName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figure')}</th>
                <th scope="col" className="num">{t('before')}</th>
                <th scope="col" className="num">{t('after')}</th>
                <th scope="col" className="num">{t('change')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-figure={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num" data-testid="before">{r.show(result.before)}</td>
                  <td className="num" data-testid="after"><strong>{r.show(result.after)}</strong></td>
                  <td className="num">{r.delta(result.before, result.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h6>{t('nextAfter')}</h6>
          {result.after.nextAcceptors.length === 0 ? (
            <p>{t('noNextAfter')}</p>
          ) : (
            <ol className="plain-list" data-testid="what-if-next">
              {result.after.nextAcceptors.map((n) => (
                <li key={n.enterprise} data-enterprise={n.enterprise}>
                  {enterpriseName(labels, n.enterprise)} <span className="muted small">({whole(n.gain)})</span>
                </li>
              ))}
            </ol>
          )}
          <div className="save-row no-print">
            <label>
              {t('scenarioName')}
              <input value={name} onChange={(e) => setName(e.target.value)} placeholder={defaultName} maxLength={200} />
            </label>
            <button type="button" onClick={() => void save()}>{t('save')}</button>
          </div>
          {saved && <p role="status">{t('savedAs', { name: saved })}</p>}
          <ErrorNote error={saveError} />
        </>
      )}
    </section>
  );
}
