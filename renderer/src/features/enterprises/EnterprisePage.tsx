import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { ClassifyBar } from './ClassifyBar.tsx';
import { PlannerLink } from '../planner/PlannerLink.tsx';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import type { EnterpriseDraft } from '../../../../shared/contract/catalogue.ts';
import { enterpriseMessages } from './messages.ts';
import { pageMessages } from './page-messages.ts';
import { EnterpriseFacts } from './EnterpriseFacts.tsx';
import { EnterpriseRelations } from './EnterpriseRelations.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { draftOf, fieldErrors } from './enterprise-record.ts';
import { snapshotOf, type DeletedSnapshot } from './snapshot.ts';
import { InterviewLink } from '../chains/InterviewLink.tsx';
import { EnterpriseCurrencies } from '../currencies/index.ts';

/** The last change, which "Undo" (or Ctrl+Z) takes back. */
interface UndoEntry {
  note: string;
  run(): Promise<void>;
}

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** Keyed by id: following a supplier link to another enterprise starts with a clean page (no stale undo). */
export default function EnterprisePage({ params }: { params: Record<string, string> }) {
  return <EnterpriseView key={params.id} id={params.id} />;
}

function EnterpriseView({ id }: { id: string }) {
  const t = useMessages(enterpriseMessages);
  const tp = useMessages(pageMessages);
  const [deleted, setDeleted] = useState<DeletedSnapshot | null>(null);
  const q = useQuery('enterprise-get', deleted ? null : { id });
  const rel = useQuery('enterprise-relations', deleted ? null : { id });
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [undo, setUndo] = useState<UndoEntry | null>(null);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);

  const save = async (record: EnterpriseDraft) => {
    if (!q.data) return;
    const previous = draftOf(q.data);
    setSaving(true);
    setError(null);
    try {
      await call('enterprise-replace', { id, record });
      setEditing(false);
      setStatus(tp('saved'));
      setUndo({
        note: tp('saved'),
        run: async () => {
          await call('enterprise-replace', { id, record: previous });
          setStatus(tp('undone'));
        },
      });
      q.reload();
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (err) {
      setError({ message: errorMessage(err), fields: err instanceof TeiaError ? fieldErrors(err.details) : {} });
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!q.data || !rel.data) return;
    const snapshot = snapshotOf(q.data, rel.data);
    setConfirming(false);
    try {
      await call('enterprise-delete', { id });
      setDeleted(snapshot);
      setStatus(tp('deleted', { name: snapshot.enterprise.name, offers: snapshot.offers.length, needs: snapshot.needs.length, flows: snapshot.flows.length }));
      setUndo({
        note: '',
        run: async () => {
          const r = await call('enterprise-restore', snapshot);
          setDeleted(null);
          setStatus(r.skippedFlows ? `${tp('restored')} ${tp('skippedFlows', { count: r.skippedFlows })}` : tp('restored'));
        },
      });
      requestAnimationFrame(() => undoButton.current?.focus());
    } catch (err) {
      setError({ message: errorMessage(err), fields: {} });
    }
  };

  // A change to an offer, need, supplier or buyer: its undo becomes the page's undo. The focus
  // stays where it is (an add form is ready for the next row).
  const relationChanged = (note: string, takeBack: () => Promise<unknown>) => {
    setStatus(note);
    setUndo({
      note,
      run: async () => {
        await takeBack();
        setStatus(tp('undone'));
      },
    });
    rel.reload();
  };

  const runUndo = useCallback(async () => {
    if (!undo) return;
    setUndo(null);
    try {
      await undo.run();
      q.reload();
      rel.reload();
    } catch (err) {
      setError({ message: errorMessage(err), fields: {} });
    }
  }, [undo, q, rel]);

  // Ctrl+Z (⌘Z) undoes the last change, unless the person is typing (then it undoes their typing).
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if ((ev.ctrlKey || ev.metaKey) && !ev.shiftKey && ev.key.toLowerCase() === 'z' && undo && !typing(ev.target)) {
        ev.preventDefault();
        void runUndo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, runUndo]);

  const undoBar = (status || undo) && (
    <div className="undo-bar" role="status">
      <span>{status}</span>
      {undo && (
        <button type="button" ref={undoButton} onClick={() => void runUndo()}>
          {deleted ? tp('restore') : tp('undo')} <span className="muted small">{tp('undoHint')}</span>
        </button>
      )}
    </div>
  );

  if (deleted) {
    return (
      <section>
        <h1>{deleted.enterprise.name}</h1>
        {undoBar}
        <ErrorNote error={error?.message} />
        <Link to="/directory">{tp('backToDirectory')}</Link>
      </section>
    );
  }
  if (q.error) {
    return (
      <section>
        <ErrorNote error={q.error} />
        <Link to="/directory">{t('notFoundBack')}</Link>
      </section>
    );
  }
  const e = q.data;
  if (!e) return <p className="muted">{tp('loading')}</p>;

  return (
    <article className="enterprise-page">
      <div className="page-head">
        <div className="title">
          <h1>{e.name}</h1>
          <SolidarityBadge solidarity={e.solidarity} />
        </div>
        {!editing && (
          <div className="actions">
            {e.lat !== undefined && e.lon !== undefined && (
              <Link className="button" to={`/map?focus=${encodeURIComponent(e.id)}`}>
                {tp('mapLink')}
              </Link>
            )}
            <PlannerLink id={e.id} />
            <InterviewLink id={e.id} />
            <button type="button" className="primary" onClick={() => setEditing(true)}>
              {tp('edit')}
            </button>
            <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={!rel.data}>
              {tp('delete')}
            </button>
          </div>
        )}
      </div>
      {!e.classified && !editing && <ClassifyBar id={e.id} />}
      {undoBar}
      {editing ? (
        <EnterpriseForm
          key={e.updatedAt}
          initial={draftOf(e)}
          saving={saving}
          error={error?.message ?? null}
          fieldErrors={error?.fields ?? {}}
          onSave={(r) => void save(r)}
          onCancel={() => {
            setEditing(false);
            setError(null);
          }}
        />
      ) : (
        <>
          <ErrorNote error={error?.message} />
          {e.description && <p className="lead">{e.description}</p>}
          <EnterpriseFacts e={e} />
          <EnterpriseCurrencies key={e.updatedAt} enterprise={e.id} list={e.currencies ?? []} onChange={relationChanged} />
          <h2>
            {tp('offers')}, {tp('needs').toLowerCase()}, {tp('suppliers').toLowerCase()}, {tp('buyers').toLowerCase()}
          </h2>
          <ErrorNote error={rel.error} />
          {rel.data ? (
            <EnterpriseRelations relations={rel.data} enterprise={{ id: e.id, name: e.name }} onChange={relationChanged} />
          ) : (
            <p className="muted">{tp('loading')}</p>
          )}
        </>
      )}
      {confirming && (
        <ConfirmDelete
          name={e.name}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </article>
  );
}
