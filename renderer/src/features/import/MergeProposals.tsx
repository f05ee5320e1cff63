import { useRef, useState, type KeyboardEvent } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { MergeCard } from './MergeCard.tsx';
import { mergeMessages } from './mergeMessages.ts';

/** "Same" merges the imported record into the catalogue's; "different" keeps both. */
type Answer = 'same' | 'different';
const actionOf = { same: 'merge', different: 'keep-both' } as const;

/**
 * The review card: pending "are these the same?" pairs one at a time, keyboard first
 * (S same, D different, N not sure → next, arrows to move), and the whole list with
 * checkboxes for bulk answers. "Not sure" leaves the pair waiting.
 */
export function MergeProposals() {
  const t = useMessages(mergeMessages);
  const list = useQuery('import-merges-list', {});
  const [at, setAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const region = useRef<HTMLElement>(null);
  const items = list.data?.items ?? [];
  // Answered pairs leave the list: the cursor stays on a pair that is still there.
  const idx = Math.max(0, Math.min(at, items.length - 1));
  const current = items[idx];

  if (!list.data || items.length === 0) return status ? <p role="status">{status}</p> : null;

  const answer = async (ids: number[], a: Answer) => {
    setBusy(true);
    setError(null);
    try {
      for (const id of ids) await call('import-merge-resolve', { id, action: actionOf[a] });
      const one = items.find((m) => m.id === ids[0]);
      setStatus(ids.length === 1 && one ? t(a === 'same' ? 'answeredSame' : 'answeredDifferent', { name: one.incoming.name }) : t('bulkDone', { count: ids.length }));
      setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
      list.reload();
    } finally {
      setBusy(false);
      region.current?.focus();
    }
  };
  const move = (step: number) => setAt(Math.max(0, Math.min(items.length - 1, idx + step)));
  const onKey = (e: KeyboardEvent) => {
    if (busy || e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).matches('input, select, textarea')) return;
    const key = e.key.toLowerCase();
    if (key === 's') void answer([current.id], 'same');
    else if (key === 'd') void answer([current.id], 'different');
    else if (key === 'n' || e.key === 'ArrowRight') move(1);
    else if (e.key === 'ArrowLeft') move(-1);
    else return;
    e.preventDefault();
  };
  const toggle = (id: number) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const chosen = items.filter((m) => selected.has(m.id)).map((m) => m.id);

  return (
    <section className="merges" aria-labelledby="merges-heading" tabIndex={0} ref={region} onKeyDown={onKey}>
      <h2 id="merges-heading">{t('title')}</h2>
      <p className="muted">{t('lead')}</p>
      <p className="small muted">{t('keys')}</p>
      <p role="status" className="small">{status}</p>
      <ErrorNote error={error ?? list.error} />
      <p className="small">{t('counter', { n: idx + 1, total: items.length })}</p>
      <MergeCard proposal={current} />
      <div className="actions" role="group" aria-label={t('counter', { n: idx + 1, total: items.length })}>
        <button type="button" className="primary" disabled={busy} onClick={() => void answer([current.id], 'same')} aria-keyshortcuts="S">
          {t('same')}
        </button>
        <button type="button" disabled={busy} onClick={() => void answer([current.id], 'different')} aria-keyshortcuts="D">
          {t('different')}
        </button>
        <button type="button" disabled={busy || items.length < 2} onClick={() => move(1)} aria-keyshortcuts="N">
          {t('notSure')}
        </button>
        <button type="button" disabled={busy || idx === 0} onClick={() => move(-1)} aria-keyshortcuts="ArrowLeft">
          {t('previous')}
        </button>
        <button type="button" disabled={busy || idx >= items.length - 1} onClick={() => move(1)} aria-keyshortcuts="ArrowRight">
          {t('next')}
        </button>
      </div>
      {items.length > 1 && (
        <details className="merge-bulk">
          <summary>
            {t('bulkTitle')} ({items.length})
          </summary>
          <label className="small">
            <input type="checkbox" checked={chosen.length === items.length} onChange={(e) => setSelected(new Set(e.target.checked ? items.map((m) => m.id) : []))} /> {t('selectAll')}
          </label>
          <ul className="merge-list">
            {items.map((m, i) => (
              <li key={m.id}>
                <label>
                  <input type="checkbox" checked={selected.has(m.id)} onChange={() => toggle(m.id)} aria-label={`${t('select')}: ${m.existing.name} / ${m.incoming.name}`} />{' '}
                  {m.existing.name} / {m.incoming.name}
                  {m.score !== null && <span className="muted"> · {Math.round(m.score * 100)}%</span>}
                </label>{' '}
                <button type="button" className="link-button" onClick={() => setAt(i)}>
                  {t('open')}
                </button>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" disabled={busy || !chosen.length} onClick={() => void answer(chosen, 'same')}>
              {t('bulkSame', { count: chosen.length })}
            </button>
            <button type="button" disabled={busy || !chosen.length} onClick={() => void answer(chosen, 'different')}>
              {t('bulkDifferent', { count: chosen.length })}
            </button>
          </div>
        </details>
      )}
    </section>
  );
}
