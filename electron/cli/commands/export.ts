import fs from 'node:fs';
import type { Command } from '../command.ts';
import { dbOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { exporterFor, formatFromFileName } from '../../core/export/index.ts';
import { exportFormats, type ExportFormat } from '../../../shared/contract/import.ts';
import { exportMurmurations } from '../../core/share/murmurations/write.ts';
import { printCataloguePdf } from '../../core/share/print-pdf.ts';
import { writeKumuWorkbook } from '../../core/share/kumu.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { writeCatalogueWorkbook, writeKindCsv } from '../../core/export/workbook.ts';
import { LABEL_LANGS, isLabelLang } from '../../../shared/domain/kind-labels.ts';
import { RECORD_KINDS, isRecordKind, type RecordKind } from '../../../shared/domain/kinds.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Writes the catalogue to a file (format from --format or the file extension; "-" for standard output).',
  usage:
    'teia export FILE [--format package|sse-csv|geojson|gexf|graphml|valueflows] [--db PATH]\n       teia export FILE.xlsx|FILE.csv --format xlsx|csv [--kind enterprises|products|offers|needs|flows|networks|currencies] [--lang en|pt|es|fr] [--db PATH]\n       teia export FOLDER --format murmurations --base-url URL [--db PATH]\n       teia export FILE.xlsx --format kumu [--db PATH]\n       teia export FILE.pdf [--format catalogue] [--lang en|es|pt|fr] [--network ID] [--paper a4|letter] [--db PATH]',
  options: { ...dbOption, format: { type: 'string' }, 'base-url': { type: 'string' }, lang: { type: 'string' }, network: { type: 'string' }, paper: { type: 'string' }, kind: { type: 'string' } },
  async run({ values, positionals, stdout, stderr }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      stderr.write(`teia export: give exactly one file ("-" for standard output).\nUsage: ${this.usage}\n`);
      return 2;
    }
    const given = values.format as string | undefined;
    if (given === 'xlsx' || given === 'csv' || (given === undefined && /\.xlsx$/i.test(file))) return exportSheets(file, given ?? 'xlsx', values, stdout, stderr);
    if (given === 'murmurations') return murmurations(file, values, stdout, stderr);
    if (given === 'kumu') {
      const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false, readonly: true });
      try {
        const r = await writeKumuWorkbook(core.ctx.db, file);
        stdout.write(`Wrote ${file}: ${r.elements} elements and ${r.connections} connections for Kumu.\n`);
        return 0;
      } finally {
        core.close();
      }
    }
    if (given === 'catalogue' || (given === undefined && file.toLowerCase().endsWith('.pdf'))) return catalogue(file, values, stdout, stderr);
    if (given !== undefined && !(exportFormats as readonly string[]).includes(given)) {
      stderr.write(`teia export: --format must be one of ${exportFormats.join(', ')}, not "${given}".\n`);
      return 2;
    }
    const format = (given as ExportFormat | undefined) ?? (file === '-' ? 'package' : formatFromFileName(file));
    if (!format) {
      stderr.write(`teia export: cannot tell the format from "${file}"; give --format (${exportFormats.join(', ')}).\n`);
      return 2;
    }
    const exporter = exporterFor(format);
    const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false, readonly: true });
    try {
      if (file === '-') stdout.write(exporter.write(core.ctx.db));
      else {
        if (exporter.chunks) {
          // Written piece by piece, under a temporary name: a failure leaves no half file.
          const partial = `${file}.partial`;
          const fd = fs.openSync(partial, 'w');
          try {
            for (const chunk of exporter.chunks(core.ctx.db)) fs.writeSync(fd, chunk);
          } finally {
            fs.closeSync(fd);
          }
          fs.renameSync(partial, file);
        } else fs.writeFileSync(file, exporter.write(core.ctx.db));
        stderr.write(`Wrote ${file} (${format}).\n`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};

/** Murmurations profiles: a folder of files to host, validated offline, refusals listed. */
function murmurations(folder: string, values: Record<string, unknown>, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): number {
  const baseUrl = values['base-url'] as string | undefined;
  if (!baseUrl) {
    stderr.write('teia export: --format murmurations needs --base-url, the address the folder will be served from (e.g. https://my-network.org/teia/).\n');
    return 2;
  }
  const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false, readonly: true });
  try {
    const r = exportMurmurations(core.ctx.db, folder, baseUrl);
    stdout.write(`Wrote ${r.written} Murmurations profiles to ${r.folder} (index.json lists them for the Index).\n`);
    if (r.refused.length) {
      stdout.write(`Left out ${r.refused.length} that would not validate:\n`);
      for (const x of r.refused) stdout.write(`  ${x.kind} ${x.record}: ${x.reasons.join('; ')}\n`);
    }
    return 0;
  } finally {
    core.close();
  }
}

/** The forum's printed catalogue, as a PDF made by headless Chromium's print engine. */
async function catalogue(file: string, values: Record<string, unknown>, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  const lang = (values.lang as string | undefined) ?? 'en';
  const paper = (values.paper as string | undefined) ?? 'a4';
  if (!['en', 'es', 'pt', 'fr'].includes(lang)) {
    stderr.write(`teia export: --lang must be en, es, pt or fr, not "${lang}".\n`);
    return 2;
  }
  if (paper !== 'a4' && paper !== 'letter') {
    stderr.write(`teia export: --paper must be a4 or letter, not "${paper}".\n`);
    return 2;
  }
  try {
    const r = await printCataloguePdf(file, { dbPath: values.db as string | undefined, lang: lang as 'en', network: (values.network as string | undefined) ?? null, paper });
    stdout.write(`Wrote the catalogue to ${file} (${Math.round(r.bytes / 1024)} KB).\n`);
    return 0;
  } catch (err) {
    if (err instanceof TeiaError) {
      stderr.write(`teia export: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

/**
 * The catalogue as spreadsheets: a workbook of one sheet per kind (xlsx), or one kind as CSV
 * (`--kind flows`). Headers in `--lang`; every reference is an id, so it imports back as it was.
 */
async function exportSheets(
  file: string,
  format: 'xlsx' | 'csv',
  values: Record<string, unknown>,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): Promise<number> {
  const lang = (values.lang as string | undefined) ?? 'en';
  if (!isLabelLang(lang)) {
    stderr.write(`teia export: --lang must be one of ${LABEL_LANGS.join(', ')}, not "${lang}".\n`);
    return 2;
  }
  const kind = values.kind as string | undefined;
  if (format === 'csv' && (kind === undefined || !isRecordKind(kind))) {
    stderr.write(`teia export: a CSV holds one kind of record; give --kind (${RECORD_KINDS.join(', ')}).\n`);
    return 2;
  }
  const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false, readonly: true });
  try {
    const data = format === 'xlsx' ? await writeCatalogueWorkbook(core.ctx.db, lang) : writeKindCsv(core.ctx.db, kind as RecordKind, lang);
    if (file === '-') stdout.write(data);
    else {
      fs.writeFileSync(`${file}.partial`, data);
      fs.renameSync(`${file}.partial`, file);
      stderr.write(`Wrote ${file} (${format === 'xlsx' ? 'xlsx workbook' : `${kind} as CSV`}).\n`);
    }
    return 0;
  } finally {
    core.close();
  }
}
