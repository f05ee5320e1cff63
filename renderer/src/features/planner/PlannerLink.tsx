import { useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { plannerMessages } from './messages.ts';

/** "Plan its sourcing": the enterprise page's way into the planner (owned here, used there). */
export function PlannerLink({ id }: { id: string }) {
  const t = useMessages(plannerMessages);
  return (
    <Link className="button" to={`/planner/${encodeURIComponent(id)}`}>
      {t('planSourcing')}
    </Link>
  );
}
