import { parentPort, type Worker } from 'node:worker_threads';
import type { Endpoint } from './protocol.ts';

/** The caller's side of a worker thread. */
export function workerEndpoint<In, Out>(worker: Worker): Endpoint<In, Out> {
  return {
    post: (m) => worker.postMessage(m),
    onMessage: (l) => void worker.on('message', l),
    onExit: (l) => {
      worker.on('error', (err) => l(`error: ${err.message}`));
      worker.on('exit', (code) => l(`exit ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}

/** Inside a worker thread: its parent. */
export function parentEndpoint<In, Out>(): Endpoint<In, Out> {
  const port = parentPort;
  if (!port) throw new Error('This module runs as a worker thread.');
  return { post: (m) => port.postMessage(m), onMessage: (l) => void port.on('message', l) };
}
