// `npm run bench`: runs every bench file present, each in its own process (its peak memory is
// its own, and one that fails does not stop the others), and prints one table.
// A bench file exports `run(): Promise<Row[]>`; one that does not is run as a script and its
// own output is passed through.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Row {
  name: string;
  value: number | string;
  unit: string;
  target?: string;
}

const self = fileURLToPath(import.meta.url);
const dir = path.dirname(self);
const tsx = path.resolve(dir, '..', 'bin', 'tsx.mjs');
const marker = '@@teia-bench-rows@@';
const files = ['catalogue.ts', 'search.ts', 'engine.ts', 'serve-load.ts', 'matcher.ts', 'import-chains.ts'];
files.push('currencies.ts'); // currency figures at 100,000 enterprises / 1,000,000 flows (issue 13)

const args = process.argv.slice(2);
if (args[0] === '--child') {
  // Child: import the bench; if it exports run(), print its rows after a marker line.
  const mod = (await import(pathToFileURL(path.join(dir, args[1])).href)) as { run?: () => Promise<Row[]> };
  if (typeof mod.run === 'function') process.stdout.write(`\n${marker}${JSON.stringify(await mod.run())}\n`);
} else {
  const only = args.length ? args : files;
  const table: { bench: string; rows: Row[] }[] = [];
  for (const file of only) {
    if (!fs.existsSync(path.join(dir, file))) {
      console.log(`(${file}: not present, skipped)`);
      continue;
    }
    console.log(`Running ${file}…`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', tsx, self, '--child', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const [own, rows] = r.stdout.split(`\n${marker}`);
    if (own.trim()) console.log(own.trimEnd());
    if (r.status !== 0) {
      console.log(`${file} failed (exit ${r.status}):\n${r.stderr.trim().split('\n').slice(-15).join('\n')}`);
      continue;
    }
    if (rows) table.push({ bench: file, rows: JSON.parse(rows) as Row[] });
  }
  const width = Math.max(40, ...table.flatMap((t) => t.rows.map((r) => r.name.length)));
  for (const { bench, rows } of table) {
    console.log(`\n${bench}`);
    console.log(`${'measure'.padEnd(width)} ${'value'.padStart(10)}  unit  target`);
    for (const r of rows) console.log(`${r.name.padEnd(width)} ${String(r.value).padStart(10)}  ${r.unit.padEnd(4)}  ${r.target ?? ''}`);
  }
}
