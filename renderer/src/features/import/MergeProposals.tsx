import { useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { importMessages } from './messages.ts';

type Action = 'merge' | 'keep-both' | 'skip';

/** Pending "are these the same?" questions, answered one by one. */
export function MergeProposals() {
  const t = useMessages(importMessages);
  const { date } = useI18n();
  const list = useQuery('import-merges-list', {});
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  if (!list.data || items.length === 0) {
    return answered ? <p role="status">{answered}</p> : null;
  }
  const labels: Record<Action, string> = { merge: t('doMerge'), 'keep-both': t('doKeep'), skip: t('doSkip') };
  const resolve = async (id: number, action: Action) => {
    setBusy(id);
    setError(null);
    try {
      await call('import-merge-resolve', { id, action });
      setAnswered(t('resolved', { action: labels[action] }));
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  const place = (r: { locality: string | null; postcode: string | null }) => [r.locality, r.postcode].filter(Boolean).join(' · ');
  return (
    <section className="merges" aria-labelledby="merges-heading">
      <h2 id="merges-heading">{t('mergesTitle')}</h2>
      <p className="muted">{t('mergesLead')}</p>
      <p role="status" className="small">{answered}</p>
      <ErrorNote error={error ?? list.error} />
      <ul className="merge-list">
        {items.map((m) => (
          <li key={m.id} className="merge-card">
            <div className="merge-pair">
              <div>
                <p className="muted small">{t('incoming')}</p>
                <p className="merge-name">{m.incoming.name}</p>
                <p className="small">{place(m.incoming)}</p>
              </div>
              <div>
                <p className="muted small">{t('existing')}</p>
                <p className="merge-name">{m.existing.name}</p>
                <p className="small">{place(m.existing)}</p>
              </div>
            </div>
            <p className="small">{t('because')}: {m.reasons.join(', ')} · <span className="muted">{date(m.createdAt)}</span></p>
            <div className="actions" role="group" aria-label={`${m.incoming.name} / ${m.existing.name}`}>
              {(['merge', 'keep-both', 'skip'] as const).map((a) => (
                <button key={a} type="button" className={a === 'merge' ? 'primary' : undefined} disabled={busy !== null} onClick={() => void resolve(m.id, a)}>
                  {labels[a]}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
