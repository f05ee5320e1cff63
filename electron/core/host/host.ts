import os from 'node:os';
import type { Result, TeiaEvent } from '../../../shared/contract/index.ts';
import { HostClient } from './client.ts';
import { pooledMethods } from './pool.ts';
import { hostOptionsSchema, type Backend, type HostInfo, type HostOptions } from './protocol.ts';
import { spawnWorker } from './spawn.ts';
import { workerEndpoint } from './threads.ts';

/**
 * The core's host: the catalogue's writer in one worker thread and a pool of readers in
 * others, so that nothing the core does runs on the caller's thread (Electron's main process,
 * `teia serve`'s HTTP loop). better-sqlite3 is synchronous: a long import step or a broad
 * search blocks the thread it runs on, so searches go to the least busy reader, which answers
 * from the last committed state while an import writes (WAL). A unit that stops unexpectedly
 * is started again; the calls it had are answered with an error, not left hanging.
 */
export class CoreHost implements Backend {
  private readers: HostClient[] = [];
  private closing = false;

  private constructor(
    private writer: HostClient,
    readonly info: HostInfo,
    private readonly options: HostOptions,
    private readonly emit: (event: TeiaEvent) => void,
  ) {}

  /** Opens the catalogue in the writer (migrations, the sample), then starts the readers on it. */
  static async start(options: HostOptions, emit: (event: TeiaEvent) => void = () => {}): Promise<CoreHost> {
    const parsed = hostOptionsSchema.parse(options);
    const box: { host?: CoreHost } = {};
    const writer = unit(emit, () => box.host?.restartWriter());
    let info: HostInfo;
    try {
      info = await writer.open({ ...parsed, role: 'writer' });
    } catch (err) {
      await writer.close();
      throw err;
    }
    // An in-memory catalogue cannot be shared between connections: the writer answers everything.
    const count = info.dbPath === ':memory:' ? 0 : (parsed.readers ?? Math.min(4, Math.max(2, os.availableParallelism())));
    const host = new CoreHost(writer, { ...info }, { ...parsed, dbPath: info.dbPath }, emit);
    box.host = host;
    await Promise.all(Array.from({ length: count }, () => host.addReader()));
    host.info.readers = host.readers.length;
    return host;
  }

  dispatch(method: string, input: unknown, call: { readOnly: boolean; signal?: AbortSignal } = { readOnly: false }): Promise<Result<unknown>> {
    if (this.closing) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'Teia is closing the catalogue.' } });
    const target = pooledMethods.has(method as never) ? this.leastBusyReader() : undefined;
    return (target ?? this.writer).dispatch(method, input, call);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.readers, this.writer].map((u) => u.close()));
  }

  private leastBusyReader(): HostClient | undefined {
    let best: HostClient | undefined;
    for (const r of this.readers) if (r.alive && (!best || r.busy < best.busy)) best = r;
    return best;
  }

  private async addReader(): Promise<void> {
    const reader: HostClient = unit(() => {}, () => {
      this.readers = this.readers.filter((r) => r !== reader);
      if (!this.closing) void this.addReader();
    });
    try {
      await reader.open({ ...this.options, role: 'reader' });
      if (this.closing) await reader.close();
      else this.readers.push(reader);
    } catch (err) {
      // The pool shrinks; the writer answers what the readers would have.
      console.error('[teia] a reader of the catalogue could not start', err);
      await reader.close();
    }
  }

  private restartWriter(): void {
    if (this.closing) return;
    console.error('[teia] the catalogue’s writer stopped unexpectedly; starting it again');
    const writer: HostClient = unit(this.emit, () => this.restartWriter());
    this.writer = writer;
    // Calls made meanwhile wait in dispatch for the open.
    writer.open({ ...this.options, role: 'writer', sample: false }).catch((err: unknown) => console.error('[teia] the writer could not start again', err));
  }
}

function unit(emit: (event: TeiaEvent) => void, onGone: () => void): HostClient {
  return new HostClient(workerEndpoint(spawnWorker(new URL('./unit.ts', import.meta.url))), emit, onGone);
}
