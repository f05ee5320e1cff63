// `npm run bench [-- --quick] [-- NAME.ts …]`: runs every registered bench file, each in its own
// process (its peak memory is its own, and one that fails does not stop the others), prints each
// one's detail rows, and ends with one table of ratios: Teia against its peer, measured in this
// run (rows that bench files passed to report() in bench/report.ts).
// Exits non-zero, naming the part, when any part fails.
//
// To add a bench: a file here exporting `run(): Promise<DetailRow[]>` that calls report() for
// its table rows, and one line in `benches` below.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reportedRows, verdict, type DetailRow, type RatioRow } from './report.ts';

const benches: string[] = [
  'search.ts',
  'catalogue.ts',
  'engine.ts',
  'engine-plan.ts',
  'graph-render.ts',
  'serve-load.ts',
  'matcher.ts', // precision and recall on labelled name pairs (issue 11)
  'import-chains.ts', // a 100,000-row flow sheet with names to resolve (issue 10)
  'currencies.ts', // currency figures at 100,000 enterprises / 1,000,000 flows (issue 13)
];

const self = fileURLToPath(import.meta.url);
const dir = path.dirname(self);
const tsx = path.resolve(dir, '..', 'bin', 'tsx.mjs');
const marker = '@@teia-bench-result@@';

interface ChildResult {
  rows: DetailRow[];
  ratios: RatioRow[];
}

const child = process.env.TEIA_BENCH_CHILD;
if (child) {
  // Child: import the bench, run it, print its rows after a marker line.
  const mod = (await import(pathToFileURL(path.join(dir, child)).href)) as { run?: () => Promise<DetailRow[]> };
  if (typeof mod.run !== 'function') throw new Error(`${child} exports no run() function`);
  const rows = await mod.run();
  const result: ChildResult = { rows, ratios: reportedRows() };
  process.stdout.write(`\n${marker}${JSON.stringify(result)}\n`);
  process.exit(0); // a bench's leftover handle (a pool, a timer) must not keep the run waiting
} else {
  const { values, positionals } = parseArgs({ options: { quick: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } }, allowPositionals: true });
  if (values.help) {
    console.log(`npm run bench [-- --quick] [-- FILE.ts …]\n  --quick  small sizes, for development\n  FILE.ts  only these (of ${benches.join(', ')})`);
    process.exit(0);
  }
  const unknown = positionals.filter((p) => !benches.includes(p));
  if (unknown.length) {
    console.error(`Unknown bench ${unknown.join(', ')}; known: ${benches.join(', ')}`);
    process.exit(2);
  }
  const only = positionals.length ? positionals : benches;
  const started = new Date();
  const failed: string[] = [];
  const ratios: { file: string; row: RatioRow }[] = [];
  for (const file of only) {
    console.log(`\n== ${file}${values.quick ? ' (quick sizes)' : ''}`);
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--expose-gc', tsx, self], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, TEIA_BENCH_CHILD: file, TEIA_BENCH_QUICK: values.quick ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [own, json] = (r.stdout ?? '').split(`\n${marker}`);
    if (own.trim()) console.log(own.trimEnd());
    if (r.status !== 0 || !json) {
      const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
      console.log(`${file} FAILED (${why}):\n${(r.stderr ?? '').trim().split('\n').slice(-20).join('\n')}`);
      failed.push(file);
      continue;
    }
    const result = JSON.parse(json) as ChildResult;
    printDetail(result.rows);
    for (const row of result.ratios) ratios.push({ file, row });
    console.log(`(${file}: ${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  const failedRows: RatioRow[] = failed.map((file) => ({ name: file, teia: 'FAILED (see its output above)', peer: '', ratio: '', target: '', memory: '', met: false }));
  printTable([...ratios.map((r) => r.row), ...failedRows], started);
  if (failed.length) {
    console.log(`\nBENCH FAILED: ${failed.join(', ')} did not finish (see above).`);
    process.exit(1);
  }
}

function printDetail(rows: DetailRow[]): void {
  const width = Math.max(40, ...rows.map((r) => r.name.length));
  for (const r of rows) console.log(`  ${r.name.padEnd(width)} ${String(r.value).padStart(10)} ${r.unit.padEnd(5)} ${r.target ?? ''}`);
}

function printTable(rows: RatioRow[], started: Date): void {
  const cpu = os.cpus();
  console.log(`\nTeia against its peers, measured in this run (${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg()[0].toFixed(1)} at the end)\n`);
  const head: RatioRow = { name: 'figure', teia: 'Teia', peer: 'peer', ratio: 'ratio', target: 'target', memory: 'memory', met: null };
  const cells = (r: RatioRow) => [r.name, r.teia, r.peer, r.ratio, `${r.target}${r.met === null ? '' : ` (${verdict(r.met)})`}`, r.memory];
  const all = [head, ...rows].map(cells);
  const widths = all[0].map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(all[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of all.slice(1)) console.log(line(c));
  if (!rows.length) console.log('(no rows)');
}
