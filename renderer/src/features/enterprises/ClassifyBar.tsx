import { useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';

const messages = defineMessages('enterprises.classifyBar', {
  question: [],
  yes: [],
  no: [],
});

/** On an enterprise an import left undecided: the decision, one click (the page reloads from the change event). */
export function ClassifyBar({ id }: { id: string }) {
  const t = useMessages(messages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = async (solidarity: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await call('enterprise-classify', { ids: [id], solidarity });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice classify-bar" role="region" aria-label={t('question')}>
      <p>{t('question')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void decide(true)}>{t('yes')}</button>
        <button type="button" disabled={busy} onClick={() => void decide(false)}>{t('no')}</button>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
