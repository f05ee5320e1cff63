import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open.ts';
import { readPackage } from '../catalogue/read-package.ts';
import { toErrorData } from '../dispatch.ts';
import type { TeiaPackage } from '../../../shared/domain/package.ts';
import { runTask, type EngineTask } from './tasks.ts';

/**
 * The engine worker: reads the catalogue itself (a read-only connection; WAL lets it read
 * while the main thread writes), runs one task, posts progress and then the result or error.
 */
export interface WorkerInput {
  task: EngineTask;
  dbPath?: string;
  pkg?: TeiaPackage;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: ReturnType<typeof toErrorData> };

const port = parentPort!;
const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => port.postMessage(m);

try {
  let pkg = input.pkg;
  if (!pkg) {
    post({ type: 'progress', done: 0, total: 1, label: 'Reading the catalogue' });
    const db = openDatabase(input.dbPath!, { readonly: true });
    try {
      pkg = readPackage(db);
    } finally {
      db.close();
    }
  }
  const value = await runTask(input.task, pkg, (done, total, label) => post({ type: 'progress', done, total, label }));
  post({ type: 'result', value });
} catch (err) {
  post({ type: 'error', error: toErrorData(err) });
}
