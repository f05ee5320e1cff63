import type { Handlers } from '../dispatch.ts';
import type { CoreContext } from '../context.ts';
import { parseFile } from '../import/formats/index.ts';
import { applyImport } from '../import/apply.ts';
import { readTablePreview } from '../import/formats/table-preview.ts';
import { listProposals, resolveProposal } from '../import/proposals.ts';
import { exporterFor } from '../export/index.ts';
import { createBackup } from '../backup.ts';
import { describeTables, productParents } from '../import/formats/describe.ts';
import { writeCatalogueWorkbook, writeTemplate } from '../export/workbook.ts';
import { columnValues, decisionColumns, suggestDecision } from '../import/solidarity.ts';

type ImportHandlers = Pick<
  Handlers,
  'import-preview' | 'import-run' | 'import-merges-list' | 'import-merge-resolve' | 'export-run' | 'import-template' | 'export-workbook'
>;
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

function progress(ctx: CoreContext, jobId: string | undefined, label: string) {
  return (done: number, total: number) => {
    if (jobId) ctx.emit({ type: 'progress', jobId, done, total, label });
  };
}

/**
 * One import at a time per catalogue, dry runs included, in the order they were asked for.
 * An import awaits between chunks with its transaction open on the shared connection; a
 * second one started then (a dry run still going when Import is clicked) interleaved with it,
 * and a cancel rolled back the wrong work. Queued, each runs whole before the next begins.
 */
const queues = new WeakMap<object, Promise<unknown>>();
function oneAtATime<T>(ctx: CoreContext, work: () => Promise<T>): Promise<T> {
  const before = queues.get(ctx.db) ?? Promise.resolve();
  const run = before.then(work, work);
  queues.set(ctx.db, run.catch(() => undefined));
  return run;
}

export const importHandlers: ImportHandlers = {
  'import-preview': ({ fileName, contentBase64, format, mapping, kind, constants, sheets, decisions, productParent, solidarity }, ctx) => oneAtATime(ctx, async () => {
    const content = bytesOf(contentBase64);
    const parsed = await parseFile(content, { format, fileName, mapping, kind, constants, sheets, solidarity });
    // The dry run goes through the same transaction and checks as the real import, then rolls back.
    const report = await applyImport(ctx.db, parsed, { dryRun: true, fileName, onDuplicate: 'propose', decisions, productParent });
    const question = {
      columns: decisionColumns(parsed),
      suggestion: suggestDecision(parsed),
      values: solidarity?.mode === 'column' ? columnValues(parsed, solidarity.column, solidarity.rule) : [],
    };
    const shape = await describeTables(content, parsed.format, { kind, sheets });
    return { format: parsed.format, table: await readTablePreview(content, parsed.format), ...shape, productParents: productParents(ctx.db), report, solidarity: question };
  }),
  'import-template': async ({ lang }, ctx) => ({
    fileName: `teia-template-${lang}.xlsx`,
    mimeType: xlsxMime,
    base64: (await writeTemplate(ctx.db, lang)).toString('base64'),
  }),
  'export-workbook': async ({ lang }, ctx) => ({
    fileName: 'teia-catalogue.xlsx',
    mimeType: xlsxMime,
    base64: (await writeCatalogueWorkbook(ctx.db, lang)).toString('base64'),
  }),
  'import-run': ({ fileName, contentBase64, format, mapping, kind, constants, sheets, decisions, productParent, acceptRejected, solidarity, onDuplicate, jobId }, ctx) => {
    // The job exists at once, so a Cancel while it waits its turn is heard.
    const job = ctx.jobs.start(jobId, ctx);
    return oneAtATime(ctx, async () => {
      try {
        const content = bytesOf(contentBase64);
        const parsed = await parseFile(content, {
          format,
          fileName,
          mapping,
          kind,
          constants,
          sheets,
          solidarity,
          signal: job.signal,
          onProgress: progress(ctx, jobId, `Reading ${fileName}`),
        });
        await createBackup(ctx.db, ctx.dbPath, 'before-import');
        const write = progress(ctx, jobId, `Writing ${fileName}`);
        const report = await applyImport(ctx.db, parsed, {
          fileName,
          onDuplicate,
          decisions,
          productParent,
          requireNoRejected: acceptRejected === false,
          signal: job.signal,
          onProgress: (done, total) => write(done, total),
        });
        if (report.applied) ctx.emit({ type: 'catalogue-changed', reason: 'import' });
        return report;
      } finally {
        job.end();
      }
    });
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
