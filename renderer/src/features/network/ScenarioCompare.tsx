import { useEffect, useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { call, errorMessage } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import type { CompareOutput } from '../../../../shared/contract/engine.ts';
import { networkMessages } from './messages.ts';
import { acceptanceMessages } from './acceptance-messages.ts';
import { onScenarioSaved } from './scenario-events.ts';

/** Saved scenarios side by side: each one's figures after, against the same "before". */
export function ScenarioCompare({ network, version }: { network: string | null; version: number }) {
  const t = useMessages(networkMessages);
  const { number, percent, date } = useI18n();
  const a = useMessages(acceptanceMessages);
  const list = useQuery('scenario-list', {});
  const { reload } = list;
  // A currency what-if saved elsewhere on the screen joins the list.
  useEffect(() => onScenarioSaved(reload), [reload]);
  const currencyNames = useQuery('currency-list', {});
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
            {s.name}{' '}
            <span className="muted small">
              ({s.acceptances > 0 && s.changes === 0 ? a('acceptancesCount', { count: s.acceptances }) : t('changesCount', { count: s.changes })}
              {s.acceptances > 0 && s.changes > 0 ? `, ${a('acceptancesCount', { count: s.acceptances })}` : ''}, {date(s.createdAt)})
            </span>
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
      {rows && rows.length > 0 && rows[0].compare.currencies.length > 0 && (
        <div className="net-table-wrap">
          <table className="table" data-testid="scenario-compare-currencies">
            <caption>{a('currenciesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{a('currency')}</th>
                <th scope="col">{a('scenario')}</th>
                <th scope="col" className="num">{a('payableShare')}</th>
                <th scope="col" className="num">{a('circulation')}</th>
                <th scope="col" className="num">{a('stuck')}</th>
              </tr>
            </thead>
            <tbody>
              {rows[0].compare.currencies.flatMap((c) => {
                const cname = currencyNames.data?.currencies.find((x) => x.id === c.currency)?.name ?? c.currency;
                const line = (key: string, label: string, f: CompareOutput['currencies'][number]['before']) => (
                  <tr key={key} data-currency={c.currency} data-scenario={key}>
                    <th scope="row">{cname}</th>
                    <td>{label}</td>
                    <td className="num">{pct(f.payableShare)}</td>
                    <td className="num">{pct(f.circulation)}</td>
                    <td className="num">{number(f.stuck, { maximumFractionDigits: 0 })}</td>
                  </tr>
                );
                return [
                  line('today', a('today'), c.before),
                  ...rows.map((r) => line(String(r.id), r.name, r.compare.currencies.find((x) => x.currency === c.currency)?.after ?? c.before)),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
