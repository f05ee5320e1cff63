// The desktop's core: the entry of the Electron `utilityProcess` that electron/main forks.
// It runs the same host as `teia serve` (writer and readers in worker threads) and speaks
// the same protocol over Electron's parentPort, so nothing the core does can block the window.
// No `electron` import: a utility process gets its parentPort on `process`.
import { answerCalls } from './answer.ts';
import { CoreHost } from './host.ts';
import type { Endpoint, FromHost } from './protocol.ts';

/** Electron's ParentPort as documented (a message event carries `data` and `ports`). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('This module is the entry of an Electron utility process.');

const endpoint: Endpoint<unknown, FromHost> = {
  post: (m) => port.postMessage(m),
  onMessage: (l) => void port.on('message', (e) => l(e.data)),
};
answerCalls(endpoint, (options, emit) => CoreHost.start(options, emit), () => process.exit(0));
