import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link, useRoute } from '../../app/router.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { Autocomplete } from './Autocomplete.tsx';
import { RelationForm } from './RelationForm.tsx';
import { InterviewFigures } from './InterviewFigures.tsx';
import type { Undo } from './records.ts';
import { chainMessages } from './messages.ts';
import './chains.css';

/** Ctrl+Z belongs to the text box while it holds text; in an empty box it undoes the last row. */
const holdsText = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.value !== ''));

/**
 * The chain interview for forums: one enterprise after another, "what do you buy, from whom,
 * how much?". Keyboard first: each answer is an autocomplete or a box, Enter takes a choice
 * and moves on, Enter in a number box adds the row and starts the next. The enterprise's
 * figures are recomputed by the engine after every row.
 */
export default function InterviewPage({ params }: { params: Record<string, string> }) {
  const t = useMessages(chainMessages);
  const { number, lang } = useI18n();
  const { navigate } = useRoute();
  const id = params.id ?? null;
  const e = useQuery('enterprise-get', id ? { id } : null);
  const rel = useQuery('enterprise-relations', id ? { id } : null);
  const [undos, setUndos] = useState<{ id: string; undo: Undo }[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const count = undos.filter((u) => u.id === id).length;

  const undoLast = useCallback(async () => {
    const last = undos[undos.length - 1];
    if (!last) return;
    setUndos((list) => list.slice(0, -1));
    try {
      await last.undo();
      setStatus(t('rowUndone'));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [undos, t]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if ((ev.ctrlKey || ev.metaKey) && !ev.shiftKey && ev.key.toLowerCase() === 'z' && undos.length && !holdsText(ev.target)) {
        ev.preventDefault();
        void undoLast();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undos, undoLast]);

  const names = Object.fromEntries((rel.data?.suppliers ?? []).map((s) => [s.enterprise.id, s.enterprise.name]));
  const enterprise = e.data ? { id: e.data.id, name: e.data.name } : null;

  return (
    <section className="interview">
      <h1>{t('interview')}</h1>
      <p className="lead">{t('interviewIntro')}</p>
      <p className="muted small">{t('keyboardHint')}</p>
      <div className="relation-form">
        <Autocomplete
          kind="enterprise"
          label={t('whichEnterprise')}
          value={enterprise}
          autoFocus={!id}
          onChange={(p) => p && p.id !== id && navigate(`/interview/${encodeURIComponent(p.id)}`)}
        />
      </div>
      {!id && <p className="muted">{t('chooseEnterprise')}</p>}
      {e.error && (
        <p className="error" role="alert">
          {e.error}
        </p>
      )}
      {enterprise && e.data && (
        <>
          <h2>
            <Link to={`/enterprise/${encodeURIComponent(enterprise.id)}`}>{enterprise.name}</Link> <SolidarityBadge solidarity={e.data.solidarity} />
          </h2>
          <InterviewFigures id={enterprise.id} names={names} />
          <RelationForm
            key={enterprise.id}
            kind="supplier"
            enterprise={enterprise}
            autoFocus
            labels={{ product: t('whatBuy'), other: t('fromWhom'), quantity: t('howMuch'), value: t('howMuchValue') }}
            onDone={(note, undo) => {
              setStatus(note);
              setError(null);
              setUndos((list) => [...list, { id: enterprise.id, undo }]);
            }}
          />
          <div className="undo-bar" role="status">
            <span>
              {status} {t('rowsAdded', { count })}
            </span>
            {undos.length > 0 && (
              <button type="button" onClick={() => void undoLast()}>
                {t('undoRow')} <span className="muted small">(Ctrl+Z)</span>
              </button>
            )}
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <h3>{t('recorded')}</h3>
          <table className="table compact" aria-label={t('recorded')}>
            <thead>
              <tr>
                <th scope="col">{t('fromWhom')}</th>
                <th scope="col">{t('product')}</th>
                <th scope="col" className="num">{t('quantity')}</th>
                <th scope="col" className="num">{t('value')}</th>
              </tr>
            </thead>
            <tbody>
              {(rel.data?.suppliers ?? [])
                .slice()
                .reverse()
                .map((s) => (
                  <tr key={s.row}>
                    <td>
                      {s.enterprise.name} <span className="muted small">{s.enterprise.solidarity ? t('solidarity') : t('notSolidarity')}</span>
                    </td>
                    <td>{s.product.names[lang] ?? s.product.name}</td>
                    <td className="num">{s.quantity === null ? '—' : number(s.quantity)}</td>
                    <td className="num">{s.value === null ? '—' : number(s.value)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
