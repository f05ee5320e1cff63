// Stands in for Electron's utilityProcess around the desktop's core entry (Electron's binary
// cannot be downloaded here): gives `process.parentPort` the documented shape (a 'message'
// event carrying `{ data, ports }`, and postMessage) over Node's child-process channel, then
// loads electron/core/host/utility.ts exactly as the utility process does. Electron queues
// messages until the entry listens; Node's channel does not, so this says `stand-in-ready` first.
//   fork('bin/tsx.mjs', ['test/helpers/utility-stand-in.ts'])
import { EventEmitter } from 'node:events';

const port = new EventEmitter() as EventEmitter & { postMessage(message: unknown): void };
port.postMessage = (message) => process.send!(message);
process.on('message', (data) => port.emit('message', { data, ports: [] }));
(process as unknown as { parentPort: typeof port }).parentPort = port;
await import('../../electron/core/host/utility.ts');
process.send!('stand-in-ready');
