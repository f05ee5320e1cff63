import type { ImportReport as Report } from '../../../../shared/contract/import.ts';

type Rejected = Report['rejected'][number];
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { sentenceText } from '../../i18n/errors.ts';
import { Link } from '../../app/router.tsx';
import { importMessages } from './messages.ts';
import { chainMessages } from './chainMessages.ts';
import { mergeMessages } from './mergeMessages.ts';
import { evidenceLabel } from './evidenceLabel.ts';

const actionKey = { merged: 'action_merged', skipped: 'action_skipped', 'kept-both': 'action_keptBoth', proposed: 'action_proposed' } as const;

/** The row-by-row answer of an import: counts, each rejected row and why, duplicates met, warnings. */
export function ImportReport({ report }: { report: Report }) {
  const t = useMessages(importMessages);
  const tm = useMessages(mergeMessages);
  const { number } = useI18n();
  const km = (x: number) => number(x, { maximumFractionDigits: x < 10 ? 2 : 0 });
  const stats: [string, number][] = [
    [t('rowsRead'), report.rowsRead],
    [t('acceptedRows'), report.accepted],
    [t('rejectedRows'), report.rejected.length],
    [t('written'), report.written.enterprises],
    [t('duplicates'), report.duplicates.length],
  ];
  return (
    <section className="import-report" aria-labelledby="report-heading">
      <h2 id="report-heading" tabIndex={-1}>{t('reportTitle')}</h2>
      <dl className="stat-grid">
        {stats.map(([label, value]) => (
          <div key={label} className="stat">
            <dt>{label}</dt>
            <dd>{number(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        {t('took', { ms: number(Math.round(report.durationMs)) })}{' '}
        {report.applied && report.written.enterprises > 0 && <Link to="/directory">{t('seeDirectory')}</Link>}
      </p>
      <h3>{t('rejectedTitle')}</h3>
      {report.rejected.length === 0 ? <p>{t('noneRejected')}</p> : <RejectedTable rows={report.rejected} />}
      {report.duplicates.length > 0 && (
        <>
          <h3>{t('duplicatesTitle')}</h3>
          <table className="table">
            <thead>
              <tr><th scope="col">{t('line')}</th><th scope="col">{t('incoming')}</th><th scope="col">{t('existing')}</th><th scope="col">{t('because')}</th><th scope="col">{t('action')}</th></tr>
            </thead>
            <tbody>
              {report.duplicates.map((d, i) => (
                <tr key={`${d.line}-${i}`}>
                  <td>{number(d.line)}</td>
                  <td>{d.incoming.name}</td>
                  <td><Link to={`/enterprise/${encodeURIComponent(d.existing.id)}`}>{d.existing.name}</Link></td>
                  <td>{d.evidence.map((e) => evidenceLabel(e, tm, km)).join(', ')}</td>
                  <td>{t(actionKey[d.action])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h3>{t('warnings')}</h3>
          <ul className="warnings">
            {report.warnings.map((w, i) => <li key={i}>{w}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

/** Each refused row: its line in the file, what it was, and why (a sentence from the core). */
export function RejectedTable({ rows }: { rows: readonly Rejected[] }) {
  const t = useMessages(importMessages);
  const { number, lang } = useI18n();
  const c = useMessages(chainMessages);
  // A workbook's rows say which sheet they are in; a single table's do not.
  const sheets = rows.some((r) => r.sheet);
  return (
    <table className="table">
      <thead>
        <tr>{sheets && <th scope="col">{c('sheetColumn')}</th>}<th scope="col">{t('line')}</th><th scope="col">{t('record')}</th><th scope="col">{t('reason')}</th></tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.sheet ?? ''}-${r.line}-${i}`}>
            {sheets && <td>{r.sheet ?? ''}</td>}
            <td>{number(r.line)}</td>
            <td>{r.record ?? ''}</td>
            <td>{sentenceText(r.key, r.args, r.reason, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
