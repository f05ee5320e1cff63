// `teia serve` under load (issue 7): 200 searches per second for 10 s on a 100,000-enterprise
// catalogue, target p99 under 100 ms and no error. The real command runs as a child process
// on 127.0.0.1 (nothing leaves the machine); this process fires the requests open-loop, at fixed
// times whether or not earlier ones have answered, so a slow server shows as latency, not as a
// lower rate. Bounded: at most `rate × seconds` requests and 256 in flight.
// Run alone: `node bin/tsx.mjs bench/serve-load.ts [enterprises] [rate] [seconds]`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openDatabase } from '../electron/core/db/open.ts';
import { writePackage } from '../electron/core/catalogue/write-package.ts';
import { deferSearchIndex, rebuildSearchIndex, searchQuery } from '../electron/core/search/index.ts';
import { benchQueries, generateCatalogue } from './search.ts';
import { fmtMs, fmtRatio, report, size } from './report.ts';

export interface BenchRow {
  name: string;
  value: number | string;
  unit: string;
  target: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function build(file: string, count: number): number {
  const t0 = performance.now();
  const db = openDatabase(file);
  const pkg = generateCatalogue(count);
  db.transaction(() => {
    deferSearchIndex(db);
    writePackage(db, pkg);
    rebuildSearchIndex(db);
  }).immediate();
  db.close();
  return performance.now() - t0;
}

/** The real `teia serve` on a free loopback port; resolves with its URL once it listens. */
function serve(file: string) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'teia.mjs'), 'serve', '--db', file, '--port', '0', '--no-sample', '--read-only'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`teia serve did not start:\n${out}`)), 120_000);
    const check = (d: Buffer) => {
      out += d.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`teia serve exited with ${code}:\n${out}`)));
  });
  return { child, url };
}

/** CPU seconds a process has used (Linux /proc; null elsewhere): the server's own cost per request,
 *  which, unlike latency, does not depend on how busy the rest of the machine is. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
}

/** Peak resident memory of a process in MB (Linux /proc; NaN elsewhere). */
function peakRssMbOf(pid: number | undefined): number {
  try {
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
  } catch {
    return NaN;
  }
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** The same queries in this process, one after another: what one core does without HTTP. */
function inProcess(file: string, queries: { q: string }[]): { rate: number; p99: number } {
  const db = openDatabase(file, { readonly: true });
  for (const q of queries.slice(0, 50)) searchQuery(db, { q: q.q, limit: 20 });
  const times: number[] = [];
  const t0 = performance.now();
  for (const q of queries) {
    const t = performance.now();
    searchQuery(db, { q: q.q, limit: 20 });
    times.push(performance.now() - t);
  }
  const elapsed = performance.now() - t0;
  db.close();
  times.sort((a, b) => a - b);
  return { rate: (queries.length * 1000) / elapsed, p99: percentile(times, 99) };
}

/** Another process keeping one core busy for at most `ms` (it stops by itself; killed when done). */
function busyCore(ms: number) {
  return spawn(process.execPath, ['-e', `const end = Date.now() + ${Math.round(ms)}; let x = 0; while (Date.now() < end) x++;`], { stdio: 'ignore' });
}

export async function run(count = size(100_000, 10_000), rate = 200, seconds = size(10, 4)): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teia-bench-serve-'));
  const file = path.join(dir, 'load.db');
  const buildMs = build(file, count);
  const local = inProcess(file, benchQueries());
  const server = serve(file);
  let burner: ReturnType<typeof busyCore> | null = null;
  try {
    const base = new URL(await server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const queries = benchQueries();
    const post = (q: string) =>
      new Promise<{ status: number; ok: boolean }>((resolve) => {
        const body = JSON.stringify({ q, limit: 20 });
        const req = http.request(
          { host: '127.0.0.1', port: base.port, path: '/rpc/search-query', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => {
              let ok: boolean;
              try {
                ok = (JSON.parse(text) as { ok: boolean }).ok;
              } catch {
                ok = false;
              }
              resolve({ status: res.statusCode ?? 0, ok });
            });
          },
        );
        req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
        req.on('error', () => resolve({ status: 0, ok: false }));
        req.end(body);
      });

    // Warm-up, as a running server would be: statements prepared, index pages and word list in memory.
    for (const q of queries.slice(0, 50)) await post(q.q);

    burner = busyCore(seconds * 1000 + 5000);
    const cpuBefore = cpuSeconds(server.child.pid);
    const total = rate * seconds;
    const latencies: number[] = [];
    let errors = 0;
    let skipped = 0;
    let inFlight = 0;
    const started = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (inFlight >= 256) {
        skipped++; // counted as an error: the server fell too far behind
        continue;
      }
      inFlight++;
      const t = performance.now();
      pending.push(
        post(queries[i % queries.length].q).then((r) => {
          inFlight--;
          latencies.push(performance.now() - t);
          if (r.status !== 200 || !r.ok) errors++;
        }),
      );
    }
    await Promise.all(pending);
    const elapsed = (performance.now() - started) / 1000;
    const cpuAfter = cpuSeconds(server.child.pid);
    const cpuPerRequest = cpuBefore !== null && cpuAfter !== null && latencies.length ? ((cpuAfter - cpuBefore) * 1000) / latencies.length : NaN;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    const label = `${count.toLocaleString('en')} enterprises, ${rate}/s for ${seconds} s`;
    const p99 = percentile(latencies, 99);
    report({
      name: `teia serve, ${rate} searches/s on ${count.toLocaleString('en')} enterprises, one core kept busy`,
      teia: `p99 ${fmtMs(p99)}, ${round(latencies.length / elapsed)}/s answered, ${errors + skipped} errors`,
      peer: `in-process search-query: ${Math.round(local.rate)}/s one after another, p99 ${fmtMs(local.p99)}`,
      ratio: `p99 ${fmtRatio(p99 / local.p99)} the in-process p99; ${fmtRatio(local.rate / rate)} headroom`,
      target: 'p99 < 100 ms',
      memory: `server peak ${peakRssMbOf(server.child.pid)} MB; ${round(cpuPerRequest)} ms server CPU per request`,
      met: p99 < 100 && errors + skipped === 0,
    });
    return [
      { name: `serve search p50 (${label})`, value: round(percentile(latencies, 50)), unit: 'ms', target: '' },
      { name: `serve search p95 (${label})`, value: round(percentile(latencies, 95)), unit: 'ms', target: '' },
      { name: `serve search p99 (${label})`, value: round(percentile(latencies, 99)), unit: 'ms', target: '< 100' },
      { name: `serve search max (${label})`, value: round(latencies.at(-1) ?? NaN), unit: 'ms', target: '' },
      { name: 'serve requests answered', value: latencies.length, unit: 'req', target: String(total) },
      { name: 'serve errors (incl. not sent: 256 in flight)', value: errors + skipped, unit: 'req', target: '0' },
      { name: 'serve achieved rate', value: round(latencies.length / elapsed), unit: '/s', target: `${rate}` },
      // One server process answers on one core: it can hold `rate` per second only below 1000/rate ms each.
      { name: 'serve CPU time per answered request (server process)', value: round(cpuPerRequest), unit: 'ms', target: `< ${round(1000 / rate)}` },
      { name: 'machine load average during the run (1 min)', value: round(os.loadavg()[0]), unit: '', target: '' },
      { name: `catalogue build for the load test (${count.toLocaleString('en')})`, value: round(buildMs / 1000), unit: 's', target: '' },
    ];
  } finally {
    burner?.kill('SIGKILL');
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, rate, seconds] = process.argv.slice(2).map(Number);
  for (const row of await run(count || undefined, rate || undefined, seconds || undefined)) {
    console.log(`${row.name.padEnd(64)} ${String(row.value).padStart(8)} ${row.unit.padEnd(4)} ${row.target}`);
  }
}
