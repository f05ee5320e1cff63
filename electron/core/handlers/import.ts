import type { Handlers } from '../dispatch.ts';
import type { CoreContext } from '../context.ts';
import { parseFile } from '../import/formats/index.ts';
import { applyImport, assertNoImportRunning } from '../import/apply.ts';
import { readTablePreview } from '../import/formats/table-preview.ts';
import { listProposals, resolveProposal } from '../import/proposals.ts';
import { exporterFor } from '../export/index.ts';
import { createBackup } from '../backup.ts';
import { columnValues, decisionColumns, suggestDecision } from '../import/solidarity.ts';

type ImportHandlers = Pick<Handlers, 'import-preview' | 'import-run' | 'import-merges-list' | 'import-merge-resolve' | 'export-run'>;

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

function progress(ctx: CoreContext, jobId: string | undefined, label: string) {
  return (done: number, total: number) => {
    if (jobId) ctx.emit({ type: 'progress', jobId, done, total, label });
  };
}

export const importHandlers: ImportHandlers = {
  'import-preview': async ({ fileName, contentBase64, format, mapping, solidarity }, ctx) => {
    const content = bytesOf(contentBase64);
    const parsed = await parseFile(content, { format, fileName, mapping, solidarity });
    // The dry run goes through the same transaction and checks as the real import, then rolls back.
    const report = await applyImport(ctx.db, parsed, { dryRun: true, fileName, onDuplicate: 'propose' });
    const question = {
      columns: decisionColumns(parsed),
      suggestion: suggestDecision(parsed),
      values: solidarity?.mode === 'column' ? columnValues(parsed, solidarity.column, solidarity.rule) : [],
    };
    return { format: parsed.format, table: await readTablePreview(content, parsed.format), report, solidarity: question };
  },
  'import-run': async ({ fileName, contentBase64, format, mapping, solidarity, onDuplicate, jobId }, ctx) => {
    assertNoImportRunning(ctx.db);
    const job = ctx.jobs.start(jobId);
    try {
      const content = bytesOf(contentBase64);
      const parsed = await parseFile(content, {
        format,
        fileName,
        mapping,
        solidarity,
        signal: job.signal,
        onProgress: progress(ctx, jobId, `Reading ${fileName}`),
      });
      await createBackup(ctx.db, ctx.dbPath, 'before-import');
      const write = progress(ctx, jobId, `Writing ${fileName}`);
      const report = await applyImport(ctx.db, parsed, {
        fileName,
        onDuplicate,
        signal: job.signal,
        onProgress: (done, total) => write(done, total),
      });
      if (report.applied) ctx.emit({ type: 'catalogue-changed', reason: 'import' });
      return report;
    } finally {
      job.end();
    }
  },
  'import-merges-list': (_input, ctx) => ({ items: listProposals(ctx.db) }),
  'import-merge-resolve': ({ id, action }, ctx) => {
    const enterpriseId = resolveProposal(ctx.db, id, action);
    ctx.emit({ type: 'catalogue-changed', reason: 'import-merge-resolve' });
    return { id, action, enterpriseId };
  },
  'export-run': ({ format }, ctx) => {
    const exporter = exporterFor(format);
    return { fileName: `teia-catalogue.${exporter.extension}`, mimeType: exporter.mimeType, text: exporter.write(ctx.db) };
  },
};
