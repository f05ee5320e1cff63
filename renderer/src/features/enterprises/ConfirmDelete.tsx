import { useMessages } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { enterpriseMessages } from './messages.ts';
import { pageMessages } from './page-messages.ts';

/** The question before deleting an enterprise. */
export function ConfirmDelete({ name, onConfirm, onCancel }: { name: string; onConfirm(): void; onCancel(): void }) {
  const t = useMessages(enterpriseMessages);
  const tp = useMessages(pageMessages);
  return (
    <ConfirmDialog
      title={tp('confirmTitle', { name })}
      text={tp('confirmText')}
      confirmLabel={tp('confirmDelete')}
      cancelLabel={t('cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
