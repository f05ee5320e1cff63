import { Worker } from 'node:worker_threads';
import type { CoreContext } from '../context.ts';
import { readPackage } from '../catalogue/read-package.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { EngineTask } from './tasks.ts';
import type { WorkerInput, WorkerMessage } from './worker.ts';

/**
 * Runs an engine task in a worker thread, off the main thread: progress goes out as
 * `progress` events under the job id, `job-cancel` terminates the worker (a synchronous
 * solver cannot be interrupted any other way), and errors come back as TeiaError.
 */
export function runEngineTask<T>(ctx: CoreContext, task: EngineTask, jobId: string | undefined): Promise<T> {
  const job = ctx.jobs.start(jobId);
  const input: WorkerInput = { task };
  // An in-memory catalogue cannot be opened from another thread: hand over its package.
  if (ctx.dbPath === ':memory:') input.pkg = readPackage(ctx.db);
  else input.dbPath = ctx.dbPath;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const worker = startWorker(input);
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.end();
      job.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      void worker.terminate();
      finish(() => reject(new TeiaError('cancelled', 'The analysis was cancelled; nothing was changed.')));
    };
    if (job.signal.aborted) return onAbort();
    job.signal.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        if (jobId) ctx.emit({ type: 'progress', jobId, done: m.done, total: m.total, label: m.label });
      } else if (m.type === 'result') {
        finish(() => resolve(m.value as T));
        void worker.terminate();
      } else {
        finish(() => reject(new TeiaError(m.error.code, m.error.message, m.error.details)));
        void worker.terminate();
      }
    });
    worker.on('error', (err) => finish(() => reject(new TeiaError('internal', `The engine stopped unexpectedly (${err.message}); nothing was changed.`))));
    worker.on('exit', (code) => finish(() => reject(new TeiaError('internal', `The engine stopped unexpectedly (exit ${code}); nothing was changed.`))));
  });
}

/**
 * From the TypeScript sources (tsx: dev, tests, CLI) the worker registers tsx before loading
 * worker.ts; from the build it loads worker.js directly.
 */
function startWorker(workerData: WorkerInput): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const api = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./worker.ts', here).href;
    const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { eval: true, workerData });
  }
  return new Worker(new URL('./worker.js', here), { workerData });
}
