import { useState } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { plannerMessages } from './messages.ts';

/** Pick the enterprise (the shop) whose sourcing to plan. */
export function ShopPicker() {
  const t = useMessages(plannerMessages);
  const [text, setText] = useState('');
  const q = useQuery('enterprise-query', { filters: text.trim() ? { text: text.trim() } : {}, limit: 30 });
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="lead">{t('pickLead')}</p>
      <form className="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('pickLabel')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('pickPlaceholder')} />
        </label>
      </form>
      <ErrorNote error={q.error} />
      <ul className="plain-list pick-list">
        {(q.data?.items ?? []).map((e) => (
          <li key={e.id}>
            <Link to={`/planner/${encodeURIComponent(e.id)}`}>{e.name}</Link> <SolidarityBadge solidarity={e.solidarity} />{' '}
            <span className="muted small">{[e.locality, e.country].filter(Boolean).join(', ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
