import { Link } from '../../app/router.tsx';
import { useI18n, useMessages, useQuantity } from '../../i18n/index.tsx';
import { circulationMessages } from './circulation-messages.ts';
import { enterpriseName, type Labels } from './useLabels.ts';
import type { AnalyseOutput } from '../../../../shared/contract/engine.ts';

type Outlet = AnalyseOutput['result']['sales']['outlets'][number];

/**
 * The "could buy instead" cell of an outlet (ENGINE.md §3.9): the solidarity buyers that could
 * take it, each with its room in the product's unit. One cell for the Network screen's outlets
 * and the planner's "Who buys from us".
 */
export function OutletAlternatives({ outlet, labels }: { outlet: Outlet; labels: Labels }) {
  const t = useMessages(circulationMessages);
  const { number } = useI18n();
  const quantity = useQuantity();
  const unit = labels.products[outlet.product]?.unit ?? null;
  if (outlet.alternatives.length === 0) return <span className="muted">{t('noAlternatives')}</span>;
  return (
    <>
      {outlet.alternatives.map((a, i) => (
        <span key={a.enterprise}>
          {i > 0 && ', '}
          <Link to={`/enterprise/${encodeURIComponent(a.enterprise)}`}>{enterpriseName(labels, a.enterprise)}</Link>{' '}
          <span className="muted small">({t('room', { room: unit ? quantity(a.room, unit) : number(a.room, { maximumFractionDigits: 1 }) })})</span>
        </span>
      ))}
    </>
  );
}
