import { utilityProcess } from 'electron';
import type { TeiaEvent } from '../../shared/contract/index.ts';
import { HostClient } from '../core/host/client.ts';
import type { Endpoint, HostOptions, ToHost } from '../core/host/protocol.ts';

/**
 * The desktop's core runs in an Electron utilityProcess (as Actual Budget forks its server), so
 * a long import or a broad search never freezes the window's menus: this process only passes
 * messages. The utility process speaks the same host protocol as `teia serve`'s worker threads.
 * If it stops unexpectedly, the calls it had are answered with an error and a new one is
 * started, on the same file, for the next calls.
 */
export class DesktopCore {
  private client: HostClient;
  private quitting = false;

  constructor(
    private readonly entry: string,
    private readonly options: HostOptions,
    private readonly onEvent: (event: TeiaEvent) => void,
  ) {
    this.client = this.fork();
  }

  dispatch(method: string, input: unknown) {
    // The window is the desktop's only caller and it may write (the IPC sender is checked before).
    return this.client.dispatch(method, input, { readOnly: false });
  }

  close(): Promise<void> {
    this.quitting = true;
    return this.client.close();
  }

  private fork(): HostClient {
    const child = utilityProcess.fork(this.entry, [], { serviceName: 'Teia core', stdio: 'inherit' });
    const endpoint: Endpoint<unknown, ToHost> = {
      post: (m) => child.postMessage(m),
      onMessage: (l) => void child.on('message', l),
      onExit: (l) => void child.on('exit', (code) => l(`exit ${code}`)),
      terminate: () => void child.kill(),
    };
    const client = new HostClient(endpoint, this.onEvent, (why) => {
      if (this.quitting) return;
      console.error(`[teia] the core process stopped (${why}); starting it again`);
      this.client = this.fork();
    });
    // A failure to open (a catalogue from a newer Teia) is answered to every call as its sentence.
    client.open(this.options).catch((err: unknown) => console.error('[teia] the catalogue could not be opened', err));
    return client;
  }
}
