import { useEffect, useRef, useState } from 'react';
import { importFormats, type DuplicateStrategy, type ImportReport as Report } from '../../../../shared/contract/import.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { call, errorMessage, subscribe } from '../../api/client.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { importMessages } from './messages.ts';
import { detectKind, REQUIRED_FIELDS, RECORD_KINDS, suggestKindMapping, type RecordKind } from '../../../../shared/domain/kinds.ts';
import { cleanMapping, localTable, readBase64, type FileTable, type Mapping } from './fileData.ts';
import { FilePicker } from './FilePicker.tsx';
import { MappingStep, PreviewTable } from './MappingStep.tsx';
import { ImportReport, RejectedTable } from './ImportReport.tsx';
import { MergeProposals } from './MergeProposals.tsx';
import { PartnerReview, type Decisions } from './PartnerReview.tsx';
import { TemplatePanel } from './TemplatePanel.tsx';
import { chainMessages } from './chainMessages.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { SolidarityStep, decidedByFile } from './SolidarityStep.tsx';
import { importErrorMessage, problemMessages } from './problems.ts';
import type { SolidarityDecision } from '../../../../shared/domain/solidarity.ts';

type Preview = MethodOutput<'import-preview'>;
interface Chosen { file: File; base64: string; serial: number }
interface Running { jobId: string; done: number; total: number; label: string }

const formatLabel = {
  package: 'fmt_package',
  'sse-csv': 'fmt_sse',
  csv: 'fmt_csv',
  xlsx: 'fmt_xlsx',
  ods: 'fmt_ods',
  geojson: 'fmt_geojson',
  murmurations: 'fmt_murmurations',
  valueflows: 'fmt_valueflows',
  mykomap: 'fmt_mykomap',
} as const satisfies Record<(typeof importFormats)[number], string>;

const mapped = (format: string | undefined) => format === 'csv' || format === 'xlsx' || format === 'ods' || format === 'geojson';

/** A guess from the file name, for when the core could not read the file as it stands. */
function formatFromName(name: string): string | undefined {
  if (/\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  if (/\.xlsx$/i.test(name)) return 'xlsx';
  if (/\.ods$/i.test(name)) return 'ods';
  return undefined;
}

function newJobId(): string {
  // crypto.randomUUID exists only in secure contexts; a shared server on a LAN address is not one.
  return `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export default function ImportPage() {
  const t = useMessages(importMessages);
  const c = useMessages(chainMessages);
  const tp = useMessages(problemMessages);
  const { number } = useI18n();
  // Sheets of chains: what the sheet holds, one value for a missing column, the review list's answers.
  const [kind, setKind] = useState<RecordKind | undefined>(undefined);
  const [constants, setConstants] = useState<Mapping>({});
  const [decisions, setDecisions] = useState<Decisions>({});
  const [productParent, setProductParent] = useState('');
  const [acceptRejected, setAcceptRejected] = useState(false);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [format, setFormat] = useState<string | undefined>(undefined);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  // The dry run's answer remembers which request it answers, so "checking…" is derived, not set.
  const [answer, setAnswer] = useState<{ key: string; data?: Preview; error?: string } | null>(null);
  const [table, setTable] = useState<FileTable | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<DuplicateStrategy>('merge');
  // Asked per file and never pre-answered: null until the person chooses.
  const [solidarity, setSolidarity] = useState<SolidarityDecision | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const reportHeading = useRef<HTMLDivElement>(null);

  const choose = async (file: File) => {
    setReport(null);
    setRunError(null);
    setReading(file.name);
    try {
      const base64 = await readBase64(file);
      setFormat(undefined);
      setKind(undefined);
      setConstants({});
      setDecisions({});
      setProductParent('');
      setAcceptRejected(false);
      setMapping(null);
      setTable(null);
      setAnswer(null);
      setSolidarity(null);
      setChosen((c) => ({ file, base64, serial: (c?.serial ?? 0) + 1 }));
    } catch (err) {
      setRunError(errorMessage(err));
    } finally {
      setReading(null);
    }
  };

  // The dry run: on a new file, format or mapping (after a short pause while someone is choosing columns).
  const mappingKey = mapping ? JSON.stringify(cleanMapping(mapping)) : null;
  const constantsKey = JSON.stringify(cleanMapping(constants));
  const solidarityKey = solidarity ? JSON.stringify(solidarity) : null;
  const previewKey = chosen ? `${chosen.serial}|${format ?? ''}|${kind ?? ''}|${mappingKey ?? ''}|${constantsKey}|${productParent}|${solidarityKey ?? ''}` : null;
  useEffect(() => {
    if (!chosen || previewKey === null) return;
    let live = true;
    const timer = setTimeout(() => {
      const input = {
        fileName: chosen.file.name,
        contentBase64: chosen.base64,
        ...(format ? { format: format as (typeof importFormats)[number] } : {}),
        ...(mappingKey ? { mapping: JSON.parse(mappingKey) as Record<string, string> } : {}),
        ...(kind ? { kind } : {}),
        ...(constantsKey !== '{}' ? { constants: JSON.parse(constantsKey) as Record<string, string> } : {}),
        ...(productParent ? { productParent } : {}),
        ...(solidarityKey ? { solidarity: JSON.parse(solidarityKey) as SolidarityDecision } : {}),
      };
      call('import-preview', input).then(
        async (data) => {
          if (!live) return;
          setAnswer({ key: previewKey, data });
          const tableNow = data.table ?? (await localTable(chosen.file, data.format).catch(() => null));
          if (!live) return;
          setTable(tableNow);
          // The same first guess the core makes for a file imported without a mapping.
          if (mappingKey === null && mapped(data.format) && tableNow && data.sheets.length === 0) setMapping(suggestKindMapping(data.kind ?? 'enterprises', tableNow.headers));
        },
        async (err: unknown) => {
          if (!live) return;
          setAnswer({ key: previewKey, error: importErrorMessage(err, tp) });
          // A CSV whose name column was not recognised still gets a mapping step to fix it.
          const guess = format ?? formatFromName(chosen.file.name);
          if (mappingKey === null && mapped(guess)) {
            const tableNow = await localTable(chosen.file, guess!).catch(() => null);
            if (!live) return;
            setTable(tableNow);
            if (tableNow) {
              setFormat(guess);
              setMapping(suggestKindMapping(kind ?? detectKind(tableNow.headers), tableNow.headers));
            }
          }
        },
      );
    }, mappingKey === null && solidarityKey === null ? 0 : 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [chosen, format, kind, mappingKey, constantsKey, productParent, solidarityKey, previewKey, tp]);
  // The last answer stays on screen while the next is on its way (no flicker while mapping).
  const preview = { data: chosen ? answer?.data : undefined, error: answer?.key === previewKey ? answer?.error : undefined, loading: previewKey !== null && answer?.key !== previewKey };

  const effectiveFormat = format ?? preview.data?.format;
  const sheets = preview.data?.sheets ?? [];
  const needsMapping = mapped(effectiveFormat) && sheets.length === 0;
  const effectiveKind: RecordKind = kind ?? preview.data?.kind ?? (table ? detectKind(table.headers) : 'enterprises');
  const dryReport = preview.data?.report;
  const has = (field: string) => Boolean(mapping?.[field] || constants[field] || (field === 'product' && mapping?.hs));
  const mappingComplete = !needsMapping || REQUIRED_FIELDS[effectiveKind].every(has);
  const pendingReview = (dryReport?.partners?.review ?? []).filter((r) => decisions[r.key] === undefined).length;
  const rejectedCount = preview.loading ? 0 : (dryReport?.rejected.length ?? 0);
  const solidarityCounts = preview.data?.report.solidarity;
  const solidarityAnswered = solidarity !== null || decidedByFile(solidarityCounts) || (preview.data !== undefined && (solidarityCounts === undefined || preview.data.report.accepted === 0));
  // Not while a dry run is on its way: the person imports what they last saw checked (and a
  // dry run of a big file running beside the import only slows both).
  const canRun = Boolean(
    chosen && !running && !preview.loading && mappingComplete && pendingReview === 0 && (rejectedCount === 0 || acceptRejected) && solidarityAnswered,
  );

  const run = async () => {
    if (!chosen) return;
    const jobId = newJobId();
    setRunning({ jobId, done: 0, total: 0, label: '' });
    setRunError(null);
    setReport(null);
    const stop = subscribe((e) => {
      if (e.type === 'progress' && e.jobId === jobId) setRunning({ jobId, done: e.done, total: e.total, label: e.label });
    });
    try {
      const result = await call('import-run', {
        fileName: chosen.file.name,
        contentBase64: chosen.base64,
        onDuplicate,
        jobId,
        ...(effectiveFormat ? { format: effectiveFormat as (typeof importFormats)[number] } : {}),
        ...(needsMapping && mapping ? { mapping: cleanMapping(mapping) } : {}),
        ...(needsMapping ? { kind: effectiveKind } : {}),
        ...(needsMapping && constantsKey !== '{}' ? { constants: cleanMapping(constants) } : {}),
        ...(productParent ? { productParent } : {}),
        decisions: Object.fromEntries(Object.entries(decisions).filter((e): e is [string, string] => e[1] !== undefined)),
        acceptRejected: rejectedCount === 0 || acceptRejected,
        ...(solidarity ? { solidarity } : {}),
      });
      setReport(result);
      setChosen(null);
      setAnswer(null);
    } catch (err) {
      setRunError(err instanceof TeiaError && err.code === 'cancelled' ? t('cancelled') : importErrorMessage(err, tp));
    } finally {
      stop();
      setRunning(null);
    }
  };

  useEffect(() => {
    if (report) reportHeading.current?.querySelector('h2')?.focus();
  }, [report]);

  const cancel = () => {
    if (running) void call('job-cancel', { jobId: running.jobId }).catch(() => undefined);
  };

  const dry = preview.data?.report;
  return (
    <section className="import-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <section aria-labelledby="import-heading" className="import-panel">
        <h2 id="import-heading">{t('importTitle')}</h2>
        {!chosen && !reading && !report && <FilePicker onFile={(f) => void choose(f)} />}
        {reading && <p role="status">{t('reading', { name: reading })}</p>}
        {chosen && (
          <div className="import-steps">
            <div className="chosen-file">
              <p>
                <span className="muted">{t('file')}: </span>
                <strong>{chosen.file.name}</strong> <span className="muted">({t('size', { size: number(Math.max(1, Math.round(chosen.file.size / 1024))) })})</span>
              </p>
              <div className="inline-label">
                <label htmlFor="import-format">{t('format')}</label>
                <select
                  id="import-format"
                  value={effectiveFormat ?? ''}
                  disabled={Boolean(running)}
                  onChange={(e) => {
                    setFormat(e.target.value || undefined);
                    setMapping(null);
                    setTable(null);
                  }}
                >
                  {!effectiveFormat && <option value="">…</option>}
                  {importFormats.map((f) => (
                    <option key={f} value={f}>
                      {t(formatLabel[f])}{f === preview.data?.format && !format ? ` (${t('detected')})` : ''}
                    </option>
                  ))}
                </select>
              </div>
              {!running && <FilePicker compact onFile={(f) => void choose(f)} />}
            </div>
            {needsMapping && table && (
              <div className="inline-label">
                <label htmlFor="import-kind">{c('kind')}</label>
                <select
                  id="import-kind"
                  value={effectiveKind}
                  disabled={Boolean(running)}
                  onChange={(e) => {
                    const next = e.target.value as RecordKind;
                    setKind(next);
                    setConstants({});
                    setMapping(suggestKindMapping(next, table.headers));
                  }}
                >
                  {RECORD_KINDS.map((k) => (
                    <option key={k} value={k}>{c(`kind_${k}`)}</option>
                  ))}
                </select>
              </div>
            )}
            {needsMapping && table && mapping && (
              <MappingStep table={table} kind={effectiveKind} mapping={mapping} onChange={setMapping} constants={constants} onConstants={setConstants} disabled={Boolean(running)} />
            )}
            {sheets.length > 0 && (
              <section className="workbook-sheets" aria-labelledby="import-sheets">
                <h3 id="import-sheets">{c('sheetsTitle')}</h3>
                <p className="muted small">{c('sheetsLead')}</p>
                <ul>
                  {sheets.map((sh) => (
                    <li key={sh.name}>{c('sheetRow', { name: sh.name, kind: c(`kind_${sh.kind}`), rows: number(sh.rows) })}</li>
                  ))}
                </ul>
              </section>
            )}
            {!needsMapping && sheets.length === 0 && table && <PreviewTable table={table} />}
            {preview.data && (preview.data.report.accepted > 0 || solidarity) && (
              <SolidarityStep question={preview.data.solidarity} counts={preview.loading ? undefined : solidarityCounts} decision={solidarity} onChange={setSolidarity} disabled={Boolean(running)} />
            )}
            <div className="dry-run" role="status" aria-live="polite">
              {preview.loading ? <span className="muted">{t('checking')}</span> : dry && t('dryRun', { accepted: number(dry.accepted), rows: number(dry.rowsRead), rejected: number(dry.rejected.length) })}
              {!preview.loading && dry?.partners && (
                <ul className="dry-chain">
                  <li>{c('dryFlows', { flows: number(dry.written.flows), offers: number(dry.written.offers), needs: number(dry.written.needs), enterprises: number(dry.written.enterprises) })}</li>
                  <li>{c('dryNew', { count: number(dry.partners.created.length) })}</li>
                  <li>{c('dryReview', { count: number(dry.partners.review.length) })}</li>
                  <li>{c('dryRejected', { count: number(dry.rejected.length) })}</li>
                </ul>
              )}
            </div>
            {dry?.partners && !preview.loading && (
              <PartnerReview
                summary={dry.partners}
                decisions={decisions}
                onDecide={setDecisions}
                parents={preview.data?.productParents ?? []}
                parent={productParent}
                onParent={setProductParent}
                disabled={Boolean(running)}
              />
            )}
            {dry && dry.rejected.length > 0 && !preview.loading && (
              <details className="dry-rejected">
                <summary>{dry.rejected.length === 1 ? t('whyRejectedOne') : t('whyRejected', { count: dry.rejected.length })}</summary>
                <RejectedTable rows={dry.rejected.slice(0, 100)} />
              </details>
            )}
            <ErrorNote error={preview.error} />
            {rejectedCount > 0 && (
              <label className="accept-rejected">
                <input type="checkbox" checked={acceptRejected} disabled={Boolean(running)} onChange={(e) => setAcceptRejected(e.target.checked)} />{' '}
                {c('acceptRejected', { count: number(rejectedCount) })}
              </label>
            )}
            {pendingReview > 0 && <p className="muted small">{c('reviewPending', { count: number(pendingReview) })}</p>}
            <div className="inline-label">
              <label htmlFor="import-duplicates">{t('duplicateRule')}</label>
              <select id="import-duplicates" value={onDuplicate} disabled={Boolean(running)} onChange={(e) => setOnDuplicate(e.target.value as DuplicateStrategy)}>
                <option value="merge">{t('merge')}</option>
                <option value="propose">{t('propose')}</option>
                <option value="skip">{t('skip')}</option>
                <option value="keep-both">{t('keepBoth')}</option>
              </select>
            </div>
            <div className="actions">
              <button type="button" className="primary" disabled={!canRun} onClick={() => void run()}>
                {t('run')}
              </button>
              {running && (
                <button type="button" onClick={cancel}>
                  {t('cancel')}
                </button>
              )}
            </div>
          </div>
        )}
        {running && (
          <div className="import-progress">
            <p id="import-progress-label">
              {running.label || t('importing', { name: chosen?.file.name ?? '' })}
              {running.total > 0 && <span className="muted"> — {t('progressCount', { done: number(running.done), total: number(running.total) })}</span>}
            </p>
            <progress aria-labelledby="import-progress-label" max={running.total || undefined} value={running.total ? running.done : undefined} />
          </div>
        )}
        <ErrorNote error={runError} />
        <div ref={reportHeading}>{report && <ImportReport report={report} />}</div>
        {report && !chosen && !reading && <FilePicker onFile={(f) => void choose(f)} />}
      </section>

      <TemplatePanel />
      <MergeProposals />
      <ExportPanel />
    </section>
  );
}
