import { spawnEngineWorker, type EngineWorker } from './launcher.ts';
import type { CoreContext } from '../context.ts';
import { readPackage } from '../catalogue/read-package.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { EngineTask } from './tasks.ts';
import type { WorkerMessage, WorkerRequest } from './worker.ts';

/**
 * Runs engine tasks in worker threads, off the main thread. One idle worker per catalogue
 * file is kept (it caches the catalogue between tasks); a task that arrives while it is busy
 * gets a worker of its own for that task. Progress goes out as `progress` events under the
 * job id; `job-cancel` terminates the worker (a synchronous solver cannot be interrupted any
 * other way); errors come back as TeiaError. Inside the host's writer the workers are started by
 * the engine launcher (launcher.ts), so that they keep the normal priority.
 */
const idle = new Map<string, EngineWorker>();
let nextId = 1;

export function runEngineTask<T>(ctx: CoreContext, task: EngineTask, jobId: string | undefined): Promise<T> {
  const job = ctx.jobs.start(jobId, ctx);
  const req: WorkerRequest = { id: nextId++, task };
  const memory = ctx.dbPath === ':memory:';
  // An in-memory catalogue cannot be opened from another thread: hand over its package.
  if (memory) req.pkg = readPackage(ctx.db);
  else req.dbPath = ctx.dbPath;
  const pooled = memory ? undefined : idle.get(ctx.dbPath);
  if (pooled) idle.delete(ctx.dbPath);
  const worker = pooled ?? startWorker();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const cleanup = () => {
      job.end();
      job.signal.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const finish = (fn: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      cleanup();
      if (keep && !memory && !idle.has(ctx.dbPath)) {
        worker.unref(); // an idle worker must not keep the process alive
        idle.set(ctx.dbPath, worker);
      } else void worker.terminate();
      fn();
    };
    const onAbort = () => finish(() => reject(new TeiaError('cancelled', 'The analysis was cancelled; nothing was changed.', undefined, { key: 'cancelled' })), false);
    const onMessage = (m: WorkerMessage) => {
      if (m.id !== req.id) return;
      if (m.type === 'progress') {
        if (jobId) ctx.emit({ type: 'progress', jobId, done: m.done, total: m.total, label: m.label });
      } else if (m.type === 'result') finish(() => resolve(m.value as T), true);
      else finish(() => reject(TeiaError.fromData(m.error)), true);
    };
    const onError = (err: Error) =>
      finish(() => reject(new TeiaError('internal', `The engine stopped unexpectedly (${err.message}); nothing was changed.`)), false);
    const onExit = (code: number) => {
      if (idle.get(ctx.dbPath) === worker) idle.delete(ctx.dbPath);
      finish(() => reject(new TeiaError('internal', `The engine stopped unexpectedly (exit ${code}); nothing was changed.`)), false);
    };
    if (job.signal.aborted) return onAbort();
    job.signal.addEventListener('abort', onAbort);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.ref(); // while it works for someone, it keeps the process alive
    worker.postMessage(req);
  });
}

function startWorker(): EngineWorker {
  const worker = spawnEngineWorker();
  // An idle pooled worker that dies is simply forgotten.
  worker.on('exit', () => {
    for (const [k, w] of idle) if (w === worker) idle.delete(k);
  });
  return worker;
}
