import { useId } from 'react';
import type { ResolutionSummary } from '../../../../shared/contract/import.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { chainMessages } from './chainMessages.ts';

export type Decisions = Record<string, string | undefined>;

/**
 * Before anything is written: the partner names a sheet spelt like several enterprises, each
 * with a choice (one of them, or a new enterprise); the new enterprises that will be created
 * unclassified; the new products and where they go in the taxonomy.
 */
export function PartnerReview({
  summary,
  decisions,
  onDecide,
  parents,
  parent,
  onParent,
  disabled,
}: {
  summary: ResolutionSummary;
  decisions: Decisions;
  onDecide(d: Decisions): void;
  parents: { id: string; name: string; depth: number }[];
  parent: string;
  onParent(id: string): void;
  disabled?: boolean;
}) {
  const c = useMessages(chainMessages);
  const { number } = useI18n();
  const idBase = useId();
  const lines = (l: number[]) => c('reviewLines', { lines: l.slice(0, 5).map((x) => number(x)).join(', ') + (l.length > 5 ? '…' : '') });
  return (
    <>
      {summary.review.length > 0 && (
        <section className="partner-review" aria-labelledby={`${idBase}-review`}>
          <h3 id={`${idBase}-review`}>{c('reviewTitle')}</h3>
          <p className="muted small">{c('reviewLead')}</p>
          <ul>
            {summary.review.map((r, i) => (
              <li key={r.key}>
                <label htmlFor={`${idBase}-r${i}`}>
                  <strong>{r.text}</strong>
                  {r.place ? ` (${r.place})` : ''} <span className="muted small">{lines(r.lines)}</span>
                </label>{' '}
                <select id={`${idBase}-r${i}`} disabled={disabled} value={decisions[r.key] ?? '-'} onChange={(e) => onDecide({ ...decisions, [r.key]: e.target.value === '-' ? undefined : e.target.value })}>
                  <option value="-">{c('reviewChoose')}</option>
                  {r.candidates.map((x) => (
                    <option key={x.id} value={x.id}>
                      {c('reviewSame', { name: [x.name, x.locality, x.country].filter(Boolean).join(', ') })}
                    </option>
                  ))}
                  <option value="">{c('reviewNew')}</option>
                </select>
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.created.length > 0 && (
        <details className="new-partners">
          <summary>{c('newTitle')} ({number(summary.created.length)})</summary>
          <p className="muted small">{c('newLead')}</p>
          <ul className="compact">
            {summary.created.slice(0, 100).map((e) => (
              <li key={e.id}>{e.name} <span className="muted small">{lines([e.line])}</span></li>
            ))}
          </ul>
        </details>
      )}
      {summary.newProducts.length > 0 && (
        <div className="new-products">
          <h3>{c('newProductsTitle')} ({number(summary.newProducts.length)})</h3>
          <p className="muted small">{c('newProductsLead')} {summary.newProducts.slice(0, 30).map((p) => p.name).join(', ')}</p>
          <div className="inline-label">
            <label htmlFor={`${idBase}-parent`}>{c('parent')}</label>
            <select id={`${idBase}-parent`} value={parent} disabled={disabled} onChange={(e) => onParent(e.target.value)}>
              <option value="">{c('root')}</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.depth ? '\u2003' : ''}{p.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </>
  );
}
