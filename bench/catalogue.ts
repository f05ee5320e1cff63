// Catalogue benchmark (issue 3): generate + import of a national-scale package (default
// 100,000 enterprises / 1,000,000 flows; target under 60 s), export, and the Co-ops UK file
// (target under 3 s). Each import and export runs in its own child process so that its peak
// memory (maxRSS) is its own. Run alone: `node bin/tsx.mjs bench/catalogue.ts [enterprises]`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatePackage } from '../electron/core/catalogue/generate.ts';
import { stringifyPackage } from '../electron/core/catalogue/package-json.ts';
import { openDatabase } from '../electron/core/db/open.ts';
import { parseFile, parserFor } from '../electron/core/import/formats/index.ts';
import { applyImport } from '../electron/core/import/apply.ts';
import { exporterFor } from '../electron/core/export/index.ts';
import type { ImportFormat } from '../electron/core/import/types.ts';

export interface BenchRow {
  name: string;
  value: number | string;
  unit: string;
  target: string;
}

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');
const coopsUk = path.resolve(root, '..', 'shared', 'data', 'directories', 'coops-uk-2023q2-standard.csv');
const seconds = (ms: number) => Math.round(ms / 100) / 10;
const mb = (kb: number) => Math.round(kb / 1024);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface ChildResult {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  detail: string;
}

/** Child side: one import or export, timed, reporting JSON on its last line. */
async function child(task: string, file: string, db: string, format?: string): Promise<ChildResult> {
  const t = performance.now();
  const c = cpuMs();
  let detail: string;
  if (task === 'import') {
    const database = openDatabase(db);
    const parsed = await parseFile(fs.readFileSync(file), { fileName: path.basename(file), format: format as ImportFormat | undefined });
    const report = await applyImport(database, parsed, { fileName: path.basename(file), onDuplicate: 'merge' });
    database.close();
    detail = `${report.accepted} of ${report.rowsRead} rows accepted`;
  } else {
    const database = openDatabase(db, { readonly: true });
    // As `teia export FILE` writes it: piece by piece.
    const fd = fs.openSync(file, 'w');
    for (const chunk of exporterFor('package').chunks!(database)) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    database.close();
    detail = `${Math.round(fs.statSync(file).size / 1e6)} MB, streamed`;
  }
  return { ms: performance.now() - t, cpuMs: cpuMs() - c, maxRssMb: mb(process.resourceUsage().maxRSS), detail };
}

function inChild(...args: string[]): ChildResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', path.join(root, 'bin', 'tsx.mjs'), self, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

export async function run(enterprises = Number(process.env.TEIA_BENCH_ENTERPRISES ?? 100_000)): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teia-bench-catalogue-'));
  const rows: BenchRow[] = [];
  try {
    const t = performance.now();
    const c = cpuMs();
    const pkg = generatePackage({ enterprises, seed: 1 });
    const text = stringifyPackage(pkg);
    const file = path.join(dir, 'generated.json');
    fs.writeFileSync(file, text);
    const label = `${enterprises.toLocaleString('en')} enterprises / ${pkg.flows!.length.toLocaleString('en')} flows`;
    rows.push({ name: `generate package (${label}, ${Math.round(text.length / 1e6)} MB)`, value: seconds(performance.now() - t), unit: 's', target: '' });
    rows.push({ name: '  of which CPU time (user + system)', value: seconds(cpuMs() - c), unit: 's', target: '' });

    const imp = inChild('import', file, path.join(dir, 'bench.db'));
    rows.push({ name: `import package (${label})`, value: seconds(imp.ms), unit: 's', target: '< 60' });
    rows.push({ name: '  of which CPU time (user + system)', value: seconds(imp.cpuMs), unit: 's', target: '' });
    rows.push({ name: '  peak RSS of the import', value: imp.maxRssMb, unit: 'MB', target: '' });
    rows.push({ name: `  ${imp.detail}`, value: '', unit: '', target: '' });

    const exp = inChild('export', path.join(dir, 'export.json'), path.join(dir, 'bench.db'));
    rows.push({ name: `export package (${exp.detail})`, value: seconds(exp.ms), unit: 's', target: '' });
    rows.push({ name: '  of which CPU time (user + system)', value: seconds(exp.cpuMs), unit: 's', target: '' });
    rows.push({ name: '  peak RSS of the export', value: exp.maxRssMb, unit: 'MB', target: '' });

    if (!parserFor('sse-csv')) rows.push({ name: 'Co-ops UK import: skipped (no sse-csv parser in this build)', value: '', unit: '', target: '< 3' });
    else if (!fs.existsSync(coopsUk)) rows.push({ name: `Co-ops UK import: skipped (${coopsUk} not found)`, value: '', unit: '', target: '< 3' });
    else {
      const uk = inChild('import', coopsUk, path.join(dir, 'uk.db'), 'sse-csv');
      rows.push({ name: `import Co-ops UK open data (${uk.detail})`, value: seconds(uk.ms), unit: 's', target: '< 3' });
      rows.push({ name: '  of which CPU time (user + system)', value: seconds(uk.cpuMs), unit: 's', target: '' });
      rows.push({ name: '  peak RSS of the import', value: uk.maxRssMb, unit: 'MB', target: '' });
    }
    rows.push({ name: `machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end`, value: '', unit: '', target: '' });
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, task, file, db, format] = args;
    process.stdout.write(JSON.stringify(await child(task, file, db, format)) + '\n');
  } else {
    for (const row of await run(args[0] ? Number(args[0]) : undefined)) {
      console.log(`${row.name.padEnd(64)} ${String(row.value).padStart(8)} ${row.unit}${row.target ? `  (target ${row.target})` : ''}`);
    }
  }
}
