import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { spawnWorker } from '../host/spawn.ts';
import type { LauncherRequest, LauncherReport } from './launcher-thread.ts';

/**
 * Engine workers started by a thread that keeps the normal priority. Linux keeps a nice value
 * per thread and a new thread inherits its creator's: the catalogue's writer lowers its own
 * (host/unit.ts) so that a long import yields the CPU, and every engine worker it started
 * itself ran at that lowered priority too. On a loaded machine an analysis the person is
 * waiting for then got a small share of a core; a second analysis asked at the same moment
 * (it needs a worker of its own, started cold) went unanswered for a minute in the Network
 * screen's e2e. The launcher is started before the writer lowers its priority; the engine
 * workers it starts talk to the writer directly over a MessagePort.
 */
type Listener = Parameters<EventEmitter['off']>[1];

export interface EngineWorker {
  postMessage(message: unknown): void;
  /** 'message' (a WorkerMessage), 'error' (an Error), 'exit' (the exit code), as a Worker's. */
  on(event: 'message' | 'error' | 'exit', listener: Listener): unknown;
  off(event: 'message' | 'error' | 'exit', listener: Listener): unknown;
  ref(): void;
  unref(): void;
  terminate(): Promise<unknown>;
}

let launcher: { thread: Worker; workers: Map<number, RemoteWorker> } | null = null;
let nextId = 1;

/** Starts the launcher thread; call it before this thread lowers its own priority. */
export function startLauncher(): void {
  if (launcher) return;
  const thread = spawnWorker(new URL('./launcher-thread.ts', import.meta.url));
  const workers = new Map<number, RemoteWorker>();
  thread.unref(); // it never keeps the writer alive by itself; a working engine's port does
  thread.on('message', (m: LauncherReport) => {
    const w = workers.get(m.id);
    if (!w) return;
    if (m.type === 'error') w.fail(m.message);
    else {
      workers.delete(m.id);
      w.port.close();
      w.emit('exit', m.code);
    }
  });
  // The launcher gone, every engine worker it started is gone with it: say so to each.
  const gone = (why: string) => {
    if (launcher?.thread === thread) launcher = null;
    for (const w of workers.values()) {
      w.fail(why);
      w.emit('exit', 1);
    }
    workers.clear();
  };
  thread.on('error', (err) => gone(err.message));
  thread.on('exit', (code) => gone(`the engine launcher stopped (exit ${code})`));
  launcher = { thread, workers };
}

/** A new engine worker: from the launcher when there is one, else from this thread. */
export function spawnEngineWorker(): EngineWorker {
  const url = new URL('./worker.ts', import.meta.url);
  if (!launcher) return spawnWorker(url);
  const { port1, port2 } = new MessageChannel();
  const w = new RemoteWorker(nextId++, port1, launcher.thread);
  launcher.workers.set(w.id, w);
  launcher.thread.postMessage({ type: 'spawn', id: w.id, port: port2 } satisfies LauncherRequest, [port2]);
  return w;
}

/** The writer's handle on a worker the launcher started: its messages come over `port`. */
class RemoteWorker extends EventEmitter implements EngineWorker {
  constructor(
    readonly id: number,
    readonly port: MessagePort,
    private readonly thread: Worker,
  ) {
    super();
    port.on('message', (m) => this.emit('message', m));
  }

  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }

  ref(): void {
    this.port.ref();
  }

  unref(): void {
    this.port.unref();
  }

  terminate(): Promise<unknown> {
    if (launcher?.workers.get(this.id) !== this) return Promise.resolve(); // already gone
    const exited = new Promise((resolve) => this.once('exit', resolve));
    this.thread.postMessage({ type: 'terminate', id: this.id } satisfies LauncherRequest);
    return exited;
  }

  /** As a Worker's 'error', but an idle worker nobody listens to is not worth a throw here. */
  fail(message: string): void {
    if (this.listenerCount('error') > 0) this.emit('error', new Error(message));
  }
}
