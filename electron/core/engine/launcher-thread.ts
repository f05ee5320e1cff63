// The engine launcher's thread (see launcher.ts): starts and stops engine workers for the
// catalogue's writer, at this thread's normal priority, and reports their errors and exits.
// Each worker gets the port the writer speaks to it through.
import { parentPort, type MessagePort, type Worker } from 'node:worker_threads';
import { spawnWorker } from '../host/spawn.ts';

export type LauncherRequest = { type: 'spawn'; id: number; port: MessagePort } | { type: 'terminate'; id: number };
export type LauncherReport = { type: 'error'; id: number; message: string } | { type: 'exit'; id: number; code: number };

const port = parentPort!;
const workers = new Map<number, Worker>();
const report = (m: LauncherReport) => port.postMessage(m);

port.on('message', (m: LauncherRequest) => {
  if (m.type === 'terminate') {
    void workers.get(m.id)?.terminate();
    return;
  }
  const worker = spawnWorker(new URL('./worker.ts', import.meta.url), { workerData: { port: m.port }, transferList: [m.port] });
  workers.set(m.id, worker);
  worker.on('error', (err) => report({ type: 'error', id: m.id, message: err.message }));
  worker.on('exit', (code) => {
    workers.delete(m.id);
    report({ type: 'exit', id: m.id, code });
  });
});
