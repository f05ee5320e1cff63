import { useMessages } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { currencyMessages } from './messages.ts';

/** The question before deleting a currency, saying how many enterprises lose their acceptance. */
export function ConfirmCurrencyDelete({ name, count, onConfirm, onCancel }: { name: string; count: number; onConfirm(): void; onCancel(): void }) {
  const t = useMessages(currencyMessages);
  return (
    <ConfirmDialog
      title={t('confirmTitle', { name })}
      text={t('confirmText', { count })}
      confirmLabel={t('confirmDelete')}
      cancelLabel={t('cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
