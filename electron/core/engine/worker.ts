import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/open.ts';
import { readPackage } from '../catalogue/read-package.ts';
import { toErrorData } from '../dispatch.ts';
import type { TeiaPackage } from '../../../shared/domain/package.ts';
import { runTask, type EngineTask } from './tasks.ts';

/**
 * The engine worker: a long-lived thread that runs one task at a time. It reads the
 * catalogue itself through its own read-only connection (WAL lets it read while the main
 * thread writes) and keeps the package between tasks until `PRAGMA data_version` says another
 * connection has committed a change — so a second question about the same catalogue does
 * not pay for reading it again.
 */
export interface WorkerRequest {
  id: number;
  task: EngineTask;
  dbPath?: string;
  pkg?: TeiaPackage;
}

export type WorkerMessage = { id: number } & (
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: ReturnType<typeof toErrorData> }
);

// Started by the engine launcher (launcher.ts), the writer speaks to it over the port it was given.
const port = (workerData as { port?: MessagePort } | null)?.port ?? parentPort!;
let cache: { dbPath: string; db: Db; version: number; pkg: TeiaPackage } | null = null;

function packageFor(req: WorkerRequest, progress: (label: string) => void): TeiaPackage {
  if (req.pkg) return req.pkg;
  const dbPath = req.dbPath!;
  if (cache && cache.dbPath === dbPath) {
    const version = cache.db.pragma('data_version', { simple: true }) as number;
    if (version === cache.version) return cache.pkg;
  }
  progress('Reading the catalogue');
  if (!cache || cache.dbPath !== dbPath) {
    cache?.db.close();
    const db = openDatabase(dbPath, { readonly: true });
    cache = { dbPath, db, version: 0, pkg: { format: 'teia-package', version: 1 } };
  }
  // Read inside one transaction so the package is one consistent snapshot.
  const c = cache;
  c.version = c.db.pragma('data_version', { simple: true }) as number;
  c.pkg = c.db.transaction(() => readPackage(c.db))();
  return c.pkg;
}

port.on('message', async (req: WorkerRequest) => {
  const post = (m: WorkerMessage) => port.postMessage(m);
  try {
    const pkg = packageFor(req, (label) => post({ id: req.id, type: 'progress', done: 0, total: 1, label }));
    const value = await runTask(req.task, pkg, (done, total, label) => post({ id: req.id, type: 'progress', done, total, label }));
    post({ id: req.id, type: 'result', value });
  } catch (err) {
    post({ id: req.id, type: 'error', error: toErrorData(err) });
  }
});
