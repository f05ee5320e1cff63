import { useMessages } from '../../i18n/index.tsx';
import { networkMessages } from './messages.ts';

/** The bar and the Cancel button of a running engine job. */
export function JobProgress({ progress, onCancel, label }: { progress: { done: number; total: number; label: string } | null; onCancel(): void; label: string }) {
  const t = useMessages(networkMessages);
  const determinate = progress !== null && progress.total > 0;
  return (
    <div className="job" role="status">
      <label>
        <span>{progress?.label ?? label}</span>
        {determinate ? <progress max={progress.total} value={progress.done} /> : <progress />}
      </label>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
