import { useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { languageNames, languages, useI18n, useMessages, type Lang } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { chainMessages } from './chainMessages.ts';
import { downloadBase64 } from './download.ts';

/** The empty workbook a forum fills in (the same as `teia template`), in a language of one's choice. */
export function TemplatePanel() {
  const c = useMessages(chainMessages);
  const { lang: uiLang } = useI18n();
  const [lang, setLang] = useState<Lang>(uiLang);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const file = await call('import-template', { lang });
      downloadBase64(file.fileName, file.mimeType, file.base64);
      setDone(c('templateDone', { file: file.fileName }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="template-heading" className="template-panel">
      <h2 id="template-heading">{c('templateTitle')}</h2>
      <p className="muted">{c('templateLead')}</p>
      <div className="actions wrap">
        <div className="inline-label">
          <label htmlFor="template-lang">{c('templateLang')}</label>
          <select id="template-lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {languages.map((l) => (
              <option key={l} value={l}>{languageNames[l]}</option>
            ))}
          </select>
        </div>
        <button type="button" disabled={busy} onClick={() => void run()}>
          {c('templateButton')}
        </button>
      </div>
      <p role="status" className="small">{done}</p>
      <ErrorNote error={error} />
    </section>
  );
}
