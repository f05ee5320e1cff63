import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.ts';
import { dbOption, jsonOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { parseFile } from '../../core/import/formats/index.ts';
import { applyImport } from '../../core/import/apply.ts';
import { createBackup } from '../../core/backup.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { DEFAULT_INDEX, fetchProfiles, registerNodes, searchIndex, validateWithIndex, type IndexNode } from '../../core/share/murmurations/index-client.ts';
import { formatReport } from './import.ts';
import { parseSolidarityFlag } from '../../../shared/domain/solidarity.ts';

/** `teia pull`: profiles found by a Murmurations Index search (or a saved answer), imported like a file. */
export const pullCommand: Command = {
  name: 'pull',
  summary: 'Imports the Murmurations profiles an Index search finds (or a saved Index answer lists), through the same import as a file.',
  usage: 'teia pull [--index URL] [--schema NAME] [--country CC] [--locality TOWN] [--tags a,b] [--near=LAT,LON --range 25km] [--page-size N] [--answer FILE] [--timeout SECONDS] [--solidarity yes|no|column:NAME|unknown] [--dry-run] [--db PATH] [--json]',
  options: {
    ...dbOption,
    ...jsonOption,
    index: { type: 'string' },
    schema: { type: 'string' },
    country: { type: 'string' },
    locality: { type: 'string' },
    tags: { type: 'string' },
    near: { type: 'string' },
    range: { type: 'string' },
    answer: { type: 'string' },
    timeout: { type: 'string' },
    'page-size': { type: 'string' },
    solidarity: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run({ values, stdout, stderr }) {
    // As for a file: nothing becomes solidarity unless the person says so here.
    const flag = values.solidarity as string | undefined;
    const solidarity = flag === undefined ? undefined : parseSolidarityFlag(flag);
    if (flag !== undefined && !solidarity) {
      stderr.write(`teia pull: --solidarity must be yes, no, column:NAME or unknown, not "${flag}".\n`);
      return 2;
    }
    let nodes: IndexNode[];
    let source: string;
    if (values.answer) {
      const file = values.answer as string;
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { data?: unknown };
      if (!Array.isArray(doc.data)) throw new TeiaError('invalid-input', `${file} is not a saved Index answer (an object with a "data" list of nodes).`);
      nodes = doc.data.filter((n): n is IndexNode => !!n && typeof (n as IndexNode).profile_url === 'string');
      source = path.basename(file);
    } else {
      let lat: number | undefined;
      let lon: number | undefined;
      if (values.near) {
        [lat, lon] = String(values.near).split(',').map(Number);
        if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
          stderr.write('teia pull: --near takes "LAT,LON", e.g. --near=-23.55,-46.63.\n');
          return 2;
        }
      }
      const index = (values.index as string | undefined) ?? DEFAULT_INDEX;
      const schema = (values.schema as string | undefined) ?? 'organizations_schema-v1.0.0';
      const pageSize = values['page-size'] === undefined ? 100 : Number(values['page-size']);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
        stderr.write('teia pull: --page-size takes a whole number from 1 to 1000.\n');
        return 2;
      }
      nodes = await searchIndex(index, { schema, country: values.country as string, locality: values.locality as string, tags: values.tags as string, lat, lon, range: values.range as string }, { pageSize });
      source = `${index} (${schema})`;
    }
    const timeoutMs = values.timeout === undefined ? 15_000 : Number(values.timeout) * 1000;
    if (!(timeoutMs > 0)) {
      stderr.write('teia pull: --timeout takes a number of seconds.\n');
      return 2;
    }
    const pulled = await fetchProfiles(nodes, { timeoutMs });
    const content = new TextEncoder().encode(JSON.stringify(pulled.profiles));
    const parsed = await parseFile(content, { format: 'murmurations', fileName: source, solidarity });
    // A node whose profile could not be had is a row of the report like any other.
    for (const f of pulled.failed) {
      parsed.rowsRead++;
      parsed.rejected.push({ line: parsed.rowsRead, record: f.profile_url, reason: f.reason });
    }
    const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false });
    try {
      if (!values['dry-run']) await createBackup(core.ctx.db, core.ctx.dbPath, 'before-import');
      const report = await applyImport(core.ctx.db, parsed, { dryRun: Boolean(values['dry-run']), onDuplicate: 'merge', fileName: source });
      stdout.write(values.json ? `${JSON.stringify(report)}\n` : `Found ${nodes.length} nodes; read ${pulled.profiles.length} profiles.\n${formatReport(report)}`);
      return report.rowsRead > 0 && report.accepted === 0 ? 1 : 0;
    } finally {
      core.close();
    }
  },
};

/** `teia publish`: registers the profiles of an export folder (once it is hosted) with the Index. */
export const publishCommand: Command = {
  name: 'publish',
  summary: 'Registers the hosted profiles of a `teia export --format murmurations` folder with the Murmurations Index, and shows each node\'s status.',
  usage: 'teia publish FOLDER [--index URL] [--validate] [--json]',
  options: { ...jsonOption, index: { type: 'string' }, validate: { type: 'boolean' } },
  async run({ values, positionals, stdout, stderr }) {
    const folder = positionals[0];
    if (!folder || positionals.length > 1) {
      stderr.write(`teia publish: give the export folder.\nUsage: ${this.usage}\n`);
      return 2;
    }
    const indexFile = path.join(folder, 'index.json');
    if (!fs.existsSync(indexFile)) throw new TeiaError('not-found', `${folder} is not a Teia Murmurations export: it has no index.json.`);
    const list = JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { base_url: string; profiles: { profile_url: string }[] };
    const index = (values.index as string | undefined) ?? DEFAULT_INDEX;
    try {
      if (values.validate) {
        for (const p of list.profiles) {
          const local = path.join(folder, ...p.profile_url.slice(list.base_url.replace(/\/?$/, '/').length).split('/').map(decodeURIComponent));
          const verdict = await validateWithIndex(index, JSON.parse(fs.readFileSync(local, 'utf8')) as Record<string, unknown>);
          if (!verdict.valid) stdout.write(`The Index finds ${p.profile_url} invalid: ${verdict.reasons.join('; ')}\n`);
        }
      }
      const statuses = await registerNodes(index, list.profiles.map((p) => p.profile_url));
      if (values.json) stdout.write(`${JSON.stringify(statuses)}\n`);
      else for (const s of statuses) stdout.write(`${s.status.padEnd(18)} ${s.profile_url}${s.reasons.length ? ` — ${s.reasons.join('; ')}` : ''}\n`);
      return statuses.every((s) => s.status !== 'refused' && s.status !== 'validation_failed' && s.status !== 'post_failed') ? 0 : 1;
    } catch (err) {
      if (err instanceof TeiaError) {
        stderr.write(`teia publish: ${err.message} The folder ${folder} is kept as it is; publish again when the Index can be reached.\n`);
        return 1;
      }
      throw err;
    }
  },
};
