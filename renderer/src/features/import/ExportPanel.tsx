import { useState } from 'react';
import { exportFormats, type ExportFormat } from '../../../../shared/contract/import.ts';
import { call, errorMessage } from '../../api/client.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { chainMessages } from './chainMessages.ts';
import { downloadBase64, downloadBlob } from './download.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { importMessages } from './messages.ts';
import { PrintCatalogueLink } from '../catalogue/PrintCatalogueLink.tsx';
import { MurmurationsExport } from '../share/MurmurationsExport.tsx';

const labelKey = {
  package: 'exportFormat_package',
  'sse-csv': 'exportFormat_sse',
  geojson: 'exportFormat_geojson',
  gexf: 'exportFormat_gexf',
  graphml: 'exportFormat_graphml',
  valueflows: 'exportFormat_valueflows',
} as const satisfies Record<ExportFormat, string>;

const download = (fileName: string, mimeType: string, text: string) => downloadBlob(fileName, new Blob([text], { type: mimeType }));

export function ExportPanel() {
  const t = useMessages(importMessages);
  const c = useMessages(chainMessages);
  const { lang } = useI18n();
  const [busy, setBusy] = useState<ExportFormat | 'xlsx' | null>(null);
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
  const runWorkbook = async () => {
    setBusy('xlsx');
    setError(null);
    setDone(t('exporting', { format: c('exportXlsx') }));
    try {
      const file = await call('export-workbook', { lang });
      downloadBase64(file.fileName, file.mimeType, file.base64);
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
        <button type="button" disabled={busy !== null} onClick={() => void runWorkbook()}>
          {c('exportXlsx')}
        </button>
      </div>
      <p role="status" className="small">{done}</p>
      <ErrorNote error={error} />
      <PrintCatalogueLink />
      <MurmurationsExport />
    </section>
  );
}
