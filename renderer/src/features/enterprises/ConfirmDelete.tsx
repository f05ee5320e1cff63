import { useEffect, useRef } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import { enterpriseMessages } from './messages.ts';
import { pageMessages } from './page-messages.ts';

/**
 * A modal question before deleting (a native <dialog>: focus stays inside, Escape cancels).
 * The safe answer, Cancel, has the focus.
 */
export function ConfirmDelete({ name, onConfirm, onCancel }: { name: string; onConfirm(): void; onCancel(): void }) {
  const t = useMessages(enterpriseMessages);
  const tp = useMessages(pageMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="confirm-title" onCancel={onCancel}>
      <h2 id="confirm-title">{tp('confirmTitle', { name })}</h2>
      <p>{tp('confirmText')}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {tp('confirmDelete')}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
