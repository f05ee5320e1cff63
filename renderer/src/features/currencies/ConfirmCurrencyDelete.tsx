import { useEffect, useRef } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import { currencyMessages } from './messages.ts';

/**
 * The question before deleting a currency, saying how many enterprises lose their acceptance
 * (a native <dialog>, as the enterprise delete asks: focus inside, Escape cancels, Cancel focused).
 */
export function ConfirmCurrencyDelete({ name, count, onConfirm, onCancel }: { name: string; count: number; onConfirm(): void; onCancel(): void }) {
  const t = useMessages(currencyMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby="currency-confirm-title" onCancel={onCancel}>
      <h2 id="currency-confirm-title">{t('confirmTitle', { name })}</h2>
      <p>{t('confirmText', { count })}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {t('confirmDelete')}
        </button>
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </dialog>
  );
}
