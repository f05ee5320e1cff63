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
import type { TeiaPackage } from '../shared/domain/package.ts';
import Database from 'better-sqlite3';
import { fmtRatio, report, size, versionOf } from './report.ts';

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
  /** Of cpuMs, the kernel's part (system time): mostly writing the database file. */
  systemMs: number;
  maxRssMb: number;
  detail: string;
}

/** Child side: one import or export, timed, reporting JSON on its last line. */
async function child(task: string, file: string, db: string, format?: string): Promise<ChildResult> {
  const t = performance.now();
  const c = cpuMs();
  const system = process.resourceUsage().systemCPUTime;
  let detail: string;
  if (task === 'generate') {
    const pkg = generatePackage({ enterprises: Number(db), seed: 1 });
    const text = stringifyPackage(pkg);
    fs.writeFileSync(file, text);
    detail = JSON.stringify({ flows: pkg.flows!.length, mb: Math.round(text.length / 1e6) });
  } else if (task === 'floor') {
    detail = floor(file, db);
  } else if (task === 'import') {
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
  const used = process.resourceUsage();
  return { ms: performance.now() - t, cpuMs: cpuMs() - c, systemMs: (used.systemCPUTime - system) / 1000, maxRssMb: mb(used.maxRSS), detail };
}

/**
 * The floor: the same rows written by a bare better-sqlite3 loop, as fast as SQLite takes them
 * from JavaScript: JSON.parse of the same file, one prepared INSERT per table (primary keys only,
 * no other index, no search index, no validation, no backup), all in one transaction.
 */
function floor(file: string, dbFile: string): string {
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as TeiaPackage;
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE networks (id TEXT PRIMARY KEY, name TEXT);
    CREATE TABLE products (id TEXT PRIMARY KEY, name TEXT, parent TEXT, unit TEXT);
    CREATE TABLE enterprises (id TEXT PRIMARY KEY, name TEXT, description TEXT, solidarity INTEGER, legal_form TEXT,
      locality TEXT, region TEXT, postcode TEXT, country TEXT, lat REAL, lon REAL, website TEXT);
    CREATE TABLE activities (enterprise_id TEXT, code TEXT, position INTEGER, PRIMARY KEY (enterprise_id, code));
    CREATE TABLE criteria (enterprise_id TEXT, criterion TEXT, value REAL, PRIMARY KEY (enterprise_id, criterion));
    CREATE TABLE memberships (network_id TEXT, enterprise_id TEXT, PRIMARY KEY (network_id, enterprise_id));
    CREATE TABLE offers (id TEXT, enterprise_id TEXT, product_id TEXT, capacity REAL, price REAL);
    CREATE TABLE needs (id TEXT, enterprise_id TEXT, product_id TEXT, quantity REAL);
    CREATE TABLE flows (id TEXT PRIMARY KEY, supplier_id TEXT, buyer_id TEXT, product_id TEXT, quantity REAL, value REAL, period TEXT);`);
  const ins = {
    network: db.prepare('INSERT INTO networks VALUES (?, ?)'),
    product: db.prepare('INSERT INTO products VALUES (?, ?, ?, ?)'),
    enterprise: db.prepare('INSERT INTO enterprises VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    activity: db.prepare('INSERT INTO activities VALUES (?, ?, ?)'),
    criterion: db.prepare('INSERT INTO criteria VALUES (?, ?, ?)'),
    membership: db.prepare('INSERT INTO memberships VALUES (?, ?)'),
    offer: db.prepare('INSERT INTO offers VALUES (?, ?, ?, ?, ?)'),
    need: db.prepare('INSERT INTO needs VALUES (?, ?, ?, ?)'),
    flow: db.prepare('INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
  let rows = 0;
  db.transaction(() => {
    for (const n of pkg.networks ?? []) rows += ins.network.run(n.id, n.name).changes;
    for (const p of pkg.products ?? []) rows += ins.product.run(p.id, p.name, p.parent ?? null, p.unit ?? null).changes;
    for (const e of pkg.enterprises ?? []) {
      rows += ins.enterprise.run(e.id, e.name, e.description ?? null, e.solidarity ? 1 : 0, e.legalForm ?? null, e.locality ?? null, e.region ?? null, e.postcode ?? null, e.country ?? null, e.lat ?? null, e.lon ?? null, e.website ?? null).changes;
      e.activities?.forEach((a, i) => ins.activity.run(e.id, a, i));
      for (const [c, v] of Object.entries(e.criteria ?? {})) ins.criterion.run(e.id, c, v);
      for (const n of e.networks ?? []) ins.membership.run(n, e.id);
    }
    for (const o of pkg.offers ?? []) rows += ins.offer.run(o.id ?? null, o.enterprise, o.product, o.capacity ?? null, o.price ?? null).changes;
    for (const n of pkg.needs ?? []) rows += ins.need.run(n.id ?? null, n.enterprise, n.product, n.quantity).changes;
    for (const f of pkg.flows ?? []) rows += ins.flow.run(f.id, f.supplier, f.buyer, f.product, f.quantity, f.value ?? null, f.period ?? null).changes;
  })();
  db.close();
  return `${rows.toLocaleString('en')} rows`;
}

function inChild(...args: string[]): ChildResult {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', path.join(root, 'bin', 'tsx.mjs'), self, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

export async function run(enterprises = Number(process.env.TEIA_BENCH_ENTERPRISES ?? size(100_000, 10_000))): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teia-bench-catalogue-'));
  const rows: BenchRow[] = [];
  try {
    // Generated in a child too, so that this process holds none of it while the imports run:
    // beside a process holding the generated package (about 2 GB), the same import spent
    // 5.7 s of system time instead of 2.3 s writing its database file, and the floor 1.3 s
    // either way (measured). A person's import does not run beside the generator.
    const file = path.join(dir, 'generated.json');
    const gen = inChild('generate', file, String(enterprises));
    const made = JSON.parse(gen.detail) as { flows: number; mb: number };
    const label = `${enterprises.toLocaleString('en')} enterprises / ${made.flows.toLocaleString('en')} flows`;
    rows.push({ name: `generate package (${label}, ${made.mb} MB)`, value: seconds(gen.ms), unit: 's', target: '' });
    rows.push({ name: '  of which CPU time (user + system)', value: seconds(gen.cpuMs), unit: 's', target: '' });

    // Five times each, interleaved (import, floor, import, floor, …), and the lowest CPU time
    // of each kept: on a shared machine one run of either can lose a quarter to a neighbour's
    // load, Teia's system time most (3.2–7.6 s in one morning's runs, the floor's 0.9–1.4 s).
    // Best of three still gave ratios from 2.78× to 3.04× within half an hour on the same code;
    // the best of five treats Teia and the floor alike, and a quiet run of each is likelier.
    const runs = 5;
    const imports: ChildResult[] = [];
    const floors: ChildResult[] = [];
    for (let r = 0; r < runs; r++) {
      for (const f of ['bench.db', 'floor.db']) for (const x of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, f + x), { force: true });
      imports.push(inChild('import', file, path.join(dir, 'bench.db')));
      floors.push(inChild('floor', file, path.join(dir, 'floor.db')));
    }
    const best = (list: ChildResult[]) => list.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
    const imp = best(imports);
    const fl = best(floors);
    const cpuList = (list: ChildResult[]) => list.map((x) => `${seconds(x.cpuMs)} s (system ${seconds(x.systemMs)})`).join(', ');
    rows.push({ name: `import package (${label})`, value: seconds(imp.ms), unit: 's', target: '< 60' });
    rows.push({ name: '  of which CPU time (user + system)', value: seconds(imp.cpuMs), unit: 's', target: '' });
    rows.push({ name: '  peak RSS of the import', value: imp.maxRssMb, unit: 'MB', target: '' });
    rows.push({ name: `  ${imp.detail}`, value: '', unit: '', target: '' });

    rows.push({ name: `the floor: bare prepared-statement loop, one transaction (${fl.detail})`, value: seconds(fl.ms), unit: 's', target: '' });
    rows.push({ name: `  CPU time of each run: Teia ${cpuList(imports)}; the floor ${cpuList(floors)}`, value: '', unit: '', target: '' });
    // The ratio on CPU time: on a shared machine wall time mostly measures the wait for a core.
    const ratio = imp.cpuMs / fl.cpuMs;
    report({
      name: `catalogue import, ${label} (CPU time)`,
      teia: `${seconds(imp.cpuMs)} s, best of ${runs} (wall ${seconds(imp.ms)} s)`,
      peer: `${seconds(fl.cpuMs)} s, best of ${runs} (the floor: better-sqlite3 ${await versionOf('better-sqlite3')} insert loop; wall ${seconds(fl.ms)} s)`,
      ratio: `${fmtRatio(ratio)} the floor`,
      target: '≤ 3×',
      memory: `Teia peak ${imp.maxRssMb} MB, floor peak ${fl.maxRssMb} MB`,
      met: ratio <= 3,
    });

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
    const n = Number(args[0]);
    for (const row of await run(Number.isInteger(n) && n > 0 ? n : undefined)) {
      console.log(`${row.name.padEnd(64)} ${String(row.value).padStart(8)} ${row.unit}${row.target ? `  (target ${row.target})` : ''}`);
    }
  }
}
