import { useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { call, errorMessage } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import type { CompareOutput } from '../../../../shared/contract/engine.ts';
import { networkMessages } from './messages.ts';

/** Saved scenarios side by side: each one's figures after, against the same "before". */
export function ScenarioCompare({ network, version }: { network: string | null; version: number }) {
  const t = useMessages(networkMessages);
  const { number, percent, date } = useI18n();
  const list = useQuery('scenario-list', {});
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    list.reload();
  }
  const [picked, setPicked] = useState<number[]>([]);
  const [rows, setRows] = useState<{ id: number; name: string; compare: CompareOutput }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scenarios = (list.data?.scenarios ?? []).filter((s) => s.network === network);
  const pct = (v: number | null) => (v === null ? '—' : percent(v));

  const compare = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = [];
      // One after the other: each comparison is a worker with its own copy of the catalogue.
      for (const id of picked) {
        const s = scenarios.find((x) => x.id === id)!;
        out.push({ id, name: s.name, compare: await call('scenario-compare', { id }) });
      }
      setRows(out);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (!scenarios.length) return null;
  return (
    <div className="scenario-compare">
      <h3>{t('scenarios')}</h3>
      <fieldset className="no-print">
        <legend>{t('pickScenarios')}</legend>
        {scenarios.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={picked.includes(s.id)}
              onChange={(e) => setPicked(e.target.checked ? [...picked, s.id] : picked.filter((x) => x !== s.id))}
            />
            {s.name} <span className="muted small">({t('changesCount', { count: s.changes })}, {date(s.createdAt)})</span>
          </label>
        ))}
      </fieldset>
      <button type="button" className="no-print" disabled={!picked.length || busy} onClick={() => void compare()}>
        {busy ? t('comparing') : t('compare')}
      </button>
      <ErrorNote error={error} />
      {rows && rows.length > 0 && (
        <div className="net-table-wrap">
          <table className="table" data-testid="scenario-compare">
            <caption>{t('compareCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scenario')}</th>
                <th scope="col" className="num">{t('solidarityShare')}</th>
                <th scope="col" className="num">{t('leakage')}</th>
                <th scope="col" className="num">{t('cost')}</th>
                <th scope="col" className="num">{t('meanChain')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('today')}</th>
                <td className="num">{pct(rows[0].compare.before.solidarityShare)}</td>
                <td className="num">{pct(rows[0].compare.before.leakage.share)}</td>
                <td className="num">{number(rows[0].compare.before.cost, { maximumFractionDigits: 0 })}</td>
                <td className="num">{pct(rows[0].compare.before.meanChainShare)}</td>
              </tr>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{pct(r.compare.after.solidarityShare)}</td>
                  <td className="num">{pct(r.compare.after.leakage.share)}</td>
                  <td className="num">{number(r.compare.after.cost, { maximumFractionDigits: 0 })}</td>
                  <td className="num">{pct(r.compare.after.meanChainShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
