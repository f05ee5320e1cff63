import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { writePackage } from '../../electron/core/catalogue/write-package.ts';
import { generatePackage } from '../../electron/core/catalogue/generate.ts';
import { CoreHost } from '../../electron/core/host/host.ts';
import type { Result, TeiaEvent } from '../../shared/contract/index.ts';
import type { AnalyseOutput } from '../../shared/contract/engine.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * engine-analyse asked several times at once, through the real host (the writer and readers in
 * worker threads, the engine in worker threads of its own) on a real SQLite file: the Network
 * screen and another caller asking together once saw one call go unanswered for a minute on a
 * loaded machine. Every call must settle, each with the answer a lone call gives; a cancelled
 * one must not take another down with it; and the engine must not run at the lowered priority
 * the writer takes for imports (Linux), or a loaded machine starves the analysis people wait for.
 */
const tmp = tempDir('teia-engine-calls-');
const file = path.join(tmp.dir, 'teia.db');
// Large enough that an analysis takes a good part of a second, so that a cancel sent on its
// first progress event finds it still running (`teia generate`'s generator).
const pkg = generatePackage({ enterprises: 800, seed: 1 });
const input = { network: null, plan: false, limits: { links: 10, substitutes: 3, explain: 2 } };

let host: CoreHost;
const listeners = new Set<(e: TeiaEvent) => void>();
beforeAll(async () => {
  const core = openCore({ dbPath: file, host: 'cli', sample: false });
  writePackage(core.ctx.db, pkg);
  core.close();
  host = await CoreHost.start({ dbPath: file, host: 'server', sample: false, readers: 1 }, (e) => {
    for (const l of listeners) l(e);
  });
});
afterAll(async () => {
  await host?.close();
  tmp.cleanup();
});

const analyse = (extra: { jobId?: string } = {}) => host.dispatch('engine-analyse', { ...input, ...extra }, { readOnly: false });
/** The answer without its timings (they differ from run to run). */
const answer = (r: Result<unknown>) => {
  expect(r, JSON.stringify(r).slice(0, 300)).toMatchObject({ ok: true });
  const { timings, ...rest } = (r as { value: AnalyseOutput }).value;
  expect(Object.keys(timings).length).toBeGreaterThan(0);
  return rest;
};
/** Resolves on the first progress event of a job: the job is running in its worker. */
const progressOf = (jobId: string) =>
  new Promise<TeiaEvent>((resolve) => {
    const l = (e: TeiaEvent) => {
      if (e.type === 'progress' && e.jobId === jobId) {
        listeners.delete(l);
        resolve(e);
      }
    };
    listeners.add(l);
  });

describe('engine-analyse asked several times at once', () => {
  let alone: ReturnType<typeof answer>;
  beforeAll(async () => {
    alone = answer(await analyse());
    expect(alone.result.scope.members.length).toBeGreaterThan(0);
  }, 60_000);

  it('answers two simultaneous calls, each as a lone call is answered', async () => {
    const [a, b] = await Promise.all([analyse({ jobId: 'two-a' }), analyse()]);
    expect(answer(a)).toEqual(alone);
    expect(answer(b)).toEqual(alone);
  }, 60_000);

  it('answers five simultaneous calls, with and without job ids, and sends each job its own progress', async () => {
    const heard = ['five-1', 'five-2', 'five-3'].map((id) => progressOf(id));
    const results = await Promise.all([analyse({ jobId: 'five-1' }), analyse(), analyse({ jobId: 'five-2' }), analyse(), analyse({ jobId: 'five-3' })]);
    for (const r of results) expect(answer(r)).toEqual(alone);
    for (const e of await Promise.all(heard)) expect(e).toMatchObject({ type: 'progress', label: expect.any(String) });
  }, 120_000);

  it('cancels one call while another waits: the first says cancelled, the other still gets its answer', async () => {
    // Cancelled once it is running in its worker...
    const running = progressOf('cancel-running');
    const first = analyse({ jobId: 'cancel-running' });
    const second = analyse({ jobId: 'cancel-waiting' });
    await running;
    expect(await host.dispatch('job-cancel', { jobId: 'cancel-running' }, { readOnly: false })).toMatchObject({ ok: true });
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(answer(await second)).toEqual(alone);
    // ...and cancelled before its worker has said anything, with two others waiting.
    const early = analyse({ jobId: 'cancel-early' });
    const others = [analyse(), analyse({ jobId: 'cancel-other' })];
    expect(await host.dispatch('job-cancel', { jobId: 'cancel-early' }, { readOnly: false })).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(await early).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    for (const r of await Promise.all(others)) expect(answer(r)).toEqual(alone);
    // The engine still answers afterwards (a cancelled worker is not handed out again).
    expect(answer(await analyse())).toEqual(alone);
  }, 120_000);

  it('after a write, answers two simultaneous calls from the new state (the kept worker and a new one agree)', async () => {
    const before = alone.result.leakage.total;
    const { supplier, buyer, product } = pkg.flows![0];
    const flow = await host.dispatch('flow-create', { supplier, buyer, product, quantity: 100, value: 2500 }, { readOnly: false });
    expect(flow).toMatchObject({ ok: true });
    const [a, b] = await Promise.all([analyse({ jobId: 'after-write' }), analyse()]);
    const after = answer(a);
    expect(answer(b)).toEqual(after);
    expect(after.result.leakage.total).toBeCloseTo(before + 2500, 6);
    expect(answer(await analyse())).toEqual(after);
  }, 60_000);
});

/** Threads of this process with their nice value (Linux: /proc/self/task/TID/stat, field 19). */
function threadNices(): Map<string, number> {
  const nices = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      nices.set(tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return nices;
}

describe.skipIf(process.platform !== 'linux')('the engine’s priority (Linux keeps a nice value per thread)', () => {
  it('runs the engine workers at this process’s priority, not the writer’s lowered one', async () => {
    const own = threadNices().get(String(process.pid))!;
    if (own >= 5) return console.warn(`skipped: this process already runs at nice ${own}, so the writer’s nice 5 lowers nothing`);
    const lowered = (nices: Map<string, number>) => [...nices.values()].filter((n) => n !== own).length;
    const before = threadNices();
    // The writer lowered its own priority when it opened the catalogue (the import's): only it.
    expect(lowered(before)).toBe(1);
    // Two at once: the kept worker answers the first, a worker started for it answers the second.
    const heard = progressOf('priority-new');
    const calls = Promise.all([analyse({ jobId: 'priority-kept' }), analyse({ jobId: 'priority-new' })]);
    await heard;
    const during = threadNices();
    for (const r of await calls) expect(r).toMatchObject({ ok: true });
    expect([...during.keys()].filter((tid) => !before.has(tid)).length).toBeGreaterThan(0);
    expect(lowered(during)).toBe(1);
  }, 60_000);
});
