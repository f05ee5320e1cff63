import fs from 'node:fs';
import { zipSync } from 'fflate';
import path from 'node:path';
import type { Command } from '../command.ts';
import { dbOption, jsonOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { parseFile } from '../../core/import/formats/index.ts';
import { applyImport } from '../../core/import/apply.ts';
import type { ColumnMapping, ImportFormat } from '../../core/import/types.ts';
import { duplicateStrategies, importFormats, type DuplicateStrategy, type ImportReport } from '../../../shared/contract/import.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { createBackup } from '../../core/backup.ts';
import { readConstants, readKind } from './import-options.ts';
import { parseSolidarityFlag } from '../../../shared/domain/solidarity.ts';
import { importProblemOf } from '../../../shared/domain/import-problems.ts';

const strategies = duplicateStrategies.filter((s) => s !== 'propose');

export const importCommand: Command = {
  name: 'import',
  summary: 'Imports a file into the catalogue in one transaction, reporting every row it could not use.',
  usage:
    'teia import FILE [--format package|sse-csv|csv|xlsx|ods|geojson|murmurations|valueflows|mykomap] [--kind enterprises|flows|offers|needs|products] [--db PATH] [--dry-run] [--map name=Nome,lat=Latitude,...] [--map-file F] [--set product=Coffee ...] [--product-parent ID] [--on-duplicate merge|skip|keep-both] [--solidarity yes|no|column:NAME|unknown] [--json]',
  options: {
    ...dbOption,
    ...jsonOption,
    format: { type: 'string' },
    'dry-run': { type: 'boolean' },
    map: { type: 'string' },
    'map-file': { type: 'string' },
    'on-duplicate': { type: 'string' },
    kind: { type: 'string' },
    set: { type: 'string', multiple: true },
    'product-parent': { type: 'string' },
    solidarity: { type: 'string' },
  },
  async run({ values, positionals, stdout, stderr }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      stderr.write(`teia import: give exactly one file.\nUsage: ${this.usage}\n`);
      return 2;
    }
    const format = values.format as string | undefined;
    if (format !== undefined && !(importFormats as readonly string[]).includes(format)) {
      stderr.write(`teia import: --format must be one of ${importFormats.join(', ')}, not "${format}".\n`);
      return 2;
    }
    const onDuplicate = (values['on-duplicate'] as string | undefined) ?? 'merge';
    if (!(strategies as readonly string[]).includes(onDuplicate)) {
      stderr.write(`teia import: --on-duplicate must be one of ${strategies.join(', ')}, not "${onDuplicate}".\n`);
      return 2;
    }
    // Nothing defaults to solidarity: without the flag, what the file does not say stays to classify.
    const solidarityFlag = values.solidarity as string | undefined;
    const solidarity = solidarityFlag === undefined ? undefined : parseSolidarityFlag(solidarityFlag);
    if (solidarityFlag !== undefined && !solidarity) {
      stderr.write(`teia import: --solidarity must be yes, no, column:NAME or unknown, not "${solidarityFlag}".\n`);
      return 2;
    }
    const mapping = readMapping(values.map as string | undefined, values['map-file'] as string | undefined);
    const kind = readKind(values.kind as string | undefined);
    const constants = readConstants(values.set as string[] | undefined);
    let content: Uint8Array;
    try {
      // A folder (a Mykomap dataset as its map serves it) is read as the zip of its files.
      content = fs.statSync(file).isDirectory() ? zipFolder(file) : fs.readFileSync(file);
    } catch (err) {
      throw new TeiaError('not-found', `Could not read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
    const fileName = path.basename(file);
    const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false });
    try {
      const parsed = await parseFile(content, { format: format as ImportFormat | undefined, fileName, mapping, kind, constants, solidarity }).catch((err: unknown) => {
        throw withFlagHint(err);
      });
      if (!values['dry-run']) await createBackup(core.ctx.db, core.ctx.dbPath, 'before-import');
      const showProgress = !values.json && (stderr as NodeJS.WriteStream).isTTY === true;
      const report = await applyImport(core.ctx.db, parsed, {
        dryRun: Boolean(values['dry-run']),
        onDuplicate: onDuplicate as DuplicateStrategy,
        fileName,
        productParent: (values['product-parent'] as string | undefined) ?? null,
        onProgress: showProgress ? (done, total, label) => stderr.write(`\r${label} ${done}/${total}   `) : undefined,
      });
      if (showProgress) stderr.write('\r\x1b[K');
      if (values.json) stdout.write(JSON.stringify(report) + '\n');
      else stdout.write(formatReport(report));
      // Refused (nothing usable) is 1; a file applied with some rejected rows is still 0.
      return report.rowsRead > 0 && report.accepted === 0 ? 1 : 0;
    } finally {
      core.close();
    }
  },
};

function zipFolder(dir: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) entries[rel.split(path.sep).join('/')] = fs.readFileSync(full);
  }
  return zipSync(entries, { level: 0 });
}

/** The core says what is wrong in words for any host; on the command line, the flag that fixes it. */
function withFlagHint(err: unknown): unknown {
  if (!(err instanceof TeiaError)) return err;
  const p = importProblemOf(err.details);
  const hint =
    p?.problem === 'unknown-format' ? ` Give it with --format ${p.formats.join('|')}.`
    : p?.problem === 'no-name-column' ? ` Map one, e.g. --map name="${p.columns[0] ?? 'Name'}".`
    : p?.problem === 'no-solidarity-column' ? ' Name one of them in --solidarity column:NAME.'
    : '';
  return hint ? new TeiaError(err.code, err.message + hint, err.details) : err;
}

/** `--map name=Nome,lat=Latitude` and/or `--map-file` (JSON {"name": "Nome"} or one field=Header a line). */
export function readMapping(inline: string | undefined, file: string | undefined): ColumnMapping | undefined {
  if (inline === undefined && file === undefined) return undefined;
  const mapping: ColumnMapping = {};
  const addPairs = (text: string, separator: RegExp) => {
    for (const pair of text.split(separator)) {
      if (!pair.trim()) continue;
      const eq = pair.indexOf('=');
      if (eq < 1) throw new TeiaError('invalid-input', `The mapping "${pair.trim()}" should look like field=Column header.`);
      mapping[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  };
  if (file !== undefined) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim().startsWith('{')) Object.assign(mapping, JSON.parse(text) as ColumnMapping);
    else addPairs(text, /\r?\n/);
  }
  if (inline !== undefined) addPairs(inline, /,/);
  return mapping;
}

export function formatReport(r: ImportReport): string {
  const out: string[] = [];
  out.push(`Read ${r.rowsRead} rows from ${r.fileName ?? 'the file'} (${r.format}): ${r.accepted} accepted, ${r.rejected.length} rejected.`);
  const w = r.written;
  out.push(
    `Written: ${w.enterprises} enterprises, ${w.products} products, ${w.offers} offers, ${w.needs} needs, ${w.flows} flows, ${w.networks} networks${w.currencies ? `, ${w.currencies} currencies` : ''}.`,
  );
  if (r.solidarity) {
    const s = r.solidarity;
    out.push(`Solidarity: ${s.yes} solidarity, ${s.no} not solidarity, ${s.unknown} to classify${s.stated ? ` (${s.stated} classified by the file itself)` : ''}.`);
  }
  if (r.duplicates.length) {
    out.push(`Already in the catalogue: ${r.duplicates.length}`);
    for (const d of r.duplicates.slice(0, 200)) {
      out.push(
        `  line ${d.line}: "${d.incoming.name}" (${d.incoming.id}) ~ "${d.existing.name}" (${d.existing.id}): ${d.reasons.join(', ')} → ${d.action}`,
      );
    }
    if (r.duplicates.length > 200) out.push(`  … and ${r.duplicates.length - 200} more (--json gives them all)`);
  }
  if (r.partners) {
    const p = r.partners;
    out.push(`Partners: ${p.matched} named cells matched an enterprise already there; ${p.created.length} new enterprises (not yet classified: solidarity to decide); ${p.review.length} to review.`);
    for (const c of p.created.slice(0, 50)) out.push(`  new: "${c.name}" (${c.id}), first on line ${c.line}`);
    if (p.created.length > 50) out.push(`  … and ${p.created.length - 50} more new enterprises`);
    for (const x of p.review.slice(0, 50)) {
      out.push(`  review: "${x.text}" (line ${x.lines.slice(0, 5).join(', ')}) may be ${x.candidates.map((c) => `"${c.name}" (${c.id})`).join(' or ')}; written as ${x.writtenAs}, see teia review`);
    }
    if (p.newProducts.length) out.push(`New products: ${p.newProducts.map((x) => `"${x.name}" (${x.id})`).join(', ')}.`);
  }
  if (r.rejected.length) {
    out.push('Rejected rows:');
    for (const x of r.rejected) out.push(`  ${x.sheet ? `sheet "${x.sheet}" ` : ''}line ${x.line}${x.record ? ` ${x.record}` : ''}: ${x.reason}`);
  }
  if (r.warnings.length) {
    out.push('Warnings:');
    for (const x of r.warnings) out.push(`  ${x}`);
  }
  if (r.dryRun) out.push('Dry run: nothing was written.');
  else if (r.applied) out.push(`Imported (import #${r.importId}) in ${(r.durationMs / 1000).toFixed(1)} s.`);
  else out.push('Nothing was imported.');
  return out.join('\n') + '\n';
}
