import { useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { plannerMessages } from './messages.ts';

/**
 * "Why?" for a supplier: the engine's own explanation (engine-explain-supplier), fetched when
 * opened — each criterion's value, weight and part of the score, what is unknown, and the
 * composite as a supplier of this buyer.
 */
export function Explain({ enterprise, buyer, name }: { enterprise: string; buyer: string; name: string }) {
  const t = useMessages(plannerMessages);
  const { number, percent } = useI18n();
  const [open, setOpen] = useState(false);
  const q = useQuery('engine-explain-supplier', open ? { enterprise, buyer } : null);
  const x = q.data;
  return (
    <details className="explain" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('why', { name })}</summary>
      <ErrorNote error={q.error} />
      {x && (
        <div>
          <p className="small">
            {t('compositeIs', {
              composite: number(x.composite ?? 0, { maximumFractionDigits: 3 }),
              ws: number(x.compositeWeights.score),
              score: number(x.score, { maximumFractionDigits: 3 }),
              wp: number(x.compositeWeights.proximity),
              proximity: number(x.proximity ?? 0, { maximumFractionDigits: 3 }),
            })}
            {x.distanceKm !== null ? ' ' + t('distanceIs', { km: number(x.distanceKm, { maximumFractionDigits: 0 }) }) : ' ' + t('noCoordinates')}
          </p>
          <table className="table compact">
            <caption className="sr-only">{t('criteriaCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('criterion')}</th>
                <th scope="col" className="num">{t('value')}</th>
                <th scope="col" className="num">{t('weight')}</th>
                <th scope="col" className="num">{t('contribution')}</th>
              </tr>
            </thead>
            <tbody>
              {x.criteria.map((c) => (
                <tr key={c.criterion}>
                  <td>{c.criterion.replace(/_/g, ' ')}</td>
                  <td className="num">{c.value === null ? <span className="muted">{t('unknown')}</span> : percent(c.value)}</td>
                  <td className="num">{number(c.weight)}</td>
                  <td className="num">{number(c.contribution, { maximumFractionDigits: 3 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {x.unknown.length > 0 && <p className="muted small">{t('unknownCriteria', { list: x.unknown.map((c) => c.replace(/_/g, ' ')).join(', ') })}</p>}
        </div>
      )}
    </details>
  );
}
