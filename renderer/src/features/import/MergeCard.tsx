import type { MergeProposal, ProposalRecord } from '../../../../shared/contract/import.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { evidenceLabel } from './evidenceLabel.ts';
import { mergeMessages } from './mergeMessages.ts';

const fields = ['name', 'nickname', 'street', 'locality', 'postcode', 'region', 'country', 'website', 'email', 'phone', 'source', 'position'] as const;
type Field = (typeof fields)[number];

function valueOf(r: ProposalRecord, f: Field, number: (n: number, o?: Intl.NumberFormatOptions) => string): string {
  if (f === 'position') return r.lat !== null && r.lon !== null ? `${number(r.lat, { maximumFractionDigits: 4 })}, ${number(r.lon, { maximumFractionDigits: 4 })}` : '';
  if (f === 'source') return [r.source, r.importFile].filter(Boolean).join(' · ');
  return r[f] ?? '';
}

const mark = { same: '✓', similar: '≈', different: '✗' } as const;

/** One pair side by side: every field both records have, the distance, and the reasons for the score. */
export function MergeCard({ proposal: m }: { proposal: MergeProposal }) {
  const t = useMessages(mergeMessages);
  const { number } = useI18n();
  const km = (x: number) => number(x, { maximumFractionDigits: x < 10 ? 2 : 0 });
  const shown = fields.filter((f) => valueOf(m.existing, f, number) || valueOf(m.incoming, f, number));
  return (
    <article className="merge-card" aria-labelledby={`merge-${m.id}-title`}>
      <h3 id={`merge-${m.id}-title`} className="visually-hidden">
        {m.existing.name} / {m.incoming.name}
      </h3>
      {m.score !== null && <p className="merge-score">{t('score', { pct: Math.round(m.score * 100) })}</p>}
      <table className="merge-table">
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">{t('existing')}</th>
            <th scope="col">{t('incoming')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => {
            const a = valueOf(m.existing, f, number);
            const b = valueOf(m.incoming, f, number);
            const differ = a !== '' && b !== '' && a.toLowerCase() !== b.toLowerCase();
            return (
              <tr key={f} className={differ ? 'differs' : undefined}>
                <th scope="row">{t(`f_${f}`)}</th>
                <td className={f === 'name' ? 'merge-name' : undefined}>{a}</td>
                <td className={f === 'name' ? 'merge-name' : undefined}>{b}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="small">{m.distanceKm !== null ? t('distance', { km: km(m.distanceKm) }) : t('noDistance')}</p>
      <h4 className="small">{t('reasons')}</h4>
      <ul className="merge-reasons">
        {m.evidence.length
          ? m.evidence.map((e, i) => (
              <li key={i} className={`verdict-${e.verdict}`}>
                <span aria-hidden="true">{mark[e.verdict]} </span>
                {evidenceLabel(e, t, km)}
              </li>
            ))
          : m.reasons.map((r, i) => <li key={i}>{r}</li>)}
      </ul>
    </article>
  );
}
