import { useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { downloadBase64 } from '../import/download.ts';

const messages = defineMessages('share.murmurationsExport', {
  title: [],
  lead: [],
  baseUrl: [],
  run: [],
  working: [],
  done: ['file', 'written'],
  refused: ['count'],
});

/** The Murmurations export from the window: a zip of the profile folder, downloaded. */
export function MurmurationsExport() {
  const t = useMessages(messages);
  const [baseUrl, setBaseUrl] = useState('https://');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [refused, setRefused] = useState<{ record: string; reasons: string[] }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(t('working'));
    try {
      const r = await call('murmurations-export', { baseUrl });
      downloadBase64(r.fileName, 'application/zip', r.contentBase64);
      setDone(t('done', { written: r.written, file: r.fileName }));
      setRefused(r.refused);
    } catch (err) {
      setDone('');
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="murm-title">
      <h3 id="murm-title">{t('title')}</h3>
      <p className="muted">{t('lead')}</p>
      <form
        className="actions wrap"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('baseUrl')}{' '}
          <input type="url" required value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} size={40} />
        </label>
        <button type="submit" disabled={busy}>{t('run')}</button>
      </form>
      <p role="status" className="small">{done}</p>
      {refused.length > 0 && (
        <>
          <p>{t('refused', { count: refused.length })}</p>
          <ul>
            {refused.map((r) => (
              <li key={r.record}>
                {r.record}: {r.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
