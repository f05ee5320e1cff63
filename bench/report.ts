// What every bench file shares: its options (parsed from the environment the harness sets,
// never from process.argv, which belongs to whoever started the process) and `report()`, one
// row of the final ratios table. A bench file exports `run(): Promise<DetailRow[]>`; its detail
// rows are printed under its name, and everything it passed to `report()` lands in the one table
// `npm run bench` ends with.

/** One row of the final table; all fields are text as they should be printed. */
export interface RatioRow {
  name: string;
  /** Teia's figure, with its unit ("4.2 ms"). */
  teia: string;
  /** The peer's figure and which peer and version ("480 ms (fuse.js 7.5.0)"). */
  peer: string;
  /** "115×", "2.1× the floor", "—". */
  ratio: string;
  target: string;
  /** Memory beside the figure: "Teia 310 MB, peer 900 MB". */
  memory: string;
  /** Whether the target was met; null when the row has no target to meet. */
  met: boolean | null;
}

/** A detail row under a bench's own heading. */
export interface DetailRow {
  name: string;
  value: number | string;
  unit: string;
  target?: string;
}

const rows: RatioRow[] = [];

/** Adds a row to the final table (and prints it at once when the file runs on its own). */
export function report(row: RatioRow): void {
  rows.push(row);
  if (!process.env.TEIA_BENCH_CHILD) console.log(`${row.name}: Teia ${row.teia} | peer ${row.peer} | ${row.ratio} | target ${row.target} ${verdict(row.met)} | ${row.memory}`);
}

/** Rows reported so far (the harness prints them after run()). */
export function reportedRows(): RatioRow[] {
  return rows;
}

export const verdict = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'MISSED');

/**
 * Options every bench reads the same way: `TEIA_BENCH_QUICK=1` (set by `npm run bench -- --quick`)
 * asks for small sizes while developing; the full sizes are the default.
 */
export const quick = process.env.TEIA_BENCH_QUICK === '1';

/** A size for this run: the full one, or the quick one under --quick. */
export const size = (full: number, small: number) => (quick ? small : full);

/** Peak resident memory of this process so far, in MB. */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** Current resident memory of this process, in MB. */
export const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/** JS heap in use after a full collection (the harness starts children with --expose-gc), in MB. */
export function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** CPU time (user + system) of this process, in ms: on a shared machine steadier than wall time. */
export function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** "12.3 ms", "1.24 s", as fits the value. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}

/** "157×" (three significant figures at most). */
export function fmtRatio(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The installed version of a package (from its package.json), for the table. */
export async function versionOf(pkg: string): Promise<string> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const { default: fs } = await import('node:fs');
  const { default: path } = await import('node:path');
  // Some packages do not export their package.json; find it beside the resolved entry.
  let dir = path.dirname(require.resolve(pkg));
  while (!fs.existsSync(path.join(dir, 'package.json')) || (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== pkg) {
    const up = path.dirname(dir);
    if (up === dir) return '?';
    dir = up;
  }
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}
