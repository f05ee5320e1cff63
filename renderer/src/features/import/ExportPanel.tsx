import { useState } from 'react';
import { exportFormats, type ExportFormat } from '../../../../shared/contract/import.ts';
import { call, errorMessage } from '../../api/client.ts';
import { useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { importMessages } from './messages.ts';
import { PrintCatalogueLink } from '../catalogue/PrintCatalogueLink.tsx';

const labelKey = {
  package: 'exportFormat_package',
  'sse-csv': 'exportFormat_sse',
  geojson: 'exportFormat_geojson',
  gexf: 'exportFormat_gexf',
  graphml: 'exportFormat_graphml',
  valueflows: 'exportFormat_valueflows',
} as const satisfies Record<ExportFormat, string>;

/** Saves a file the browser's way (a Blob behind a temporary <a download>), in both hosts. */
function download(fileName: string, mimeType: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportPanel() {
  const t = useMessages(importMessages);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [done, setDone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    setDone(t('exporting', { format: t(labelKey[format]) }));
    try {
      const file = await call('export-run', { format });
      download(file.fileName, file.mimeType, file.text);
      setDone(t('exported', { file: file.fileName }));
    } catch (err) {
      setDone('');
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="export-heading" className="export-panel">
      <h2 id="export-heading">{t('exportTitle')}</h2>
      <p className="muted">{t('exportLead')}</p>
      <div className="actions wrap">
        {exportFormats.map((f) => (
          <button key={f} type="button" disabled={busy !== null} onClick={() => void run(f)}>
            {t(labelKey[f])}
          </button>
        ))}
      </div>
      <p role="status" className="small">{done}</p>
      <ErrorNote error={error} />
      <PrintCatalogueLink />
    </section>
  );
}
