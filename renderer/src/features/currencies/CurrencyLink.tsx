import type { ReactNode } from 'react';
import { Link } from '../../app/router.tsx';

/** A currency's name, linked to its own page. */
export function CurrencyLink({ id, children }: { id: string; children: ReactNode }) {
  return <Link to={`/currency/${encodeURIComponent(id)}`}>{children}</Link>;
}
