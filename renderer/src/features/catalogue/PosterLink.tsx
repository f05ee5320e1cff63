import { Link } from '../../app/router.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { posterMessages } from './poster-messages.ts';
import { posterHref } from './poster-link.ts';
import type { PlanChange } from '../planner/decisions.ts';

/** The planner's way to the shop's poster of the substitutions it has chosen. */
export function PosterLink({ shop, changes }: { shop: string; changes: PlanChange[] }) {
  const t = useMessages(posterMessages);
  return (
    <p className="no-print">
      <Link to={posterHref(shop, changes)}>{t('open')}</Link>
    </p>
  );
}
