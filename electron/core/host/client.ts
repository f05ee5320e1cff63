import { TeiaError, type Result, type TeiaEvent } from '../../../shared/contract/index.ts';
import { fromHostSchema, type Backend, type Endpoint, type FromHost, type HostInfo, type HostOptions, type ToHost } from './protocol.ts';

/**
 * The caller's half of the protocol over one endpoint: opens the host, sends calls by request
 * id and settles each with the host's Result, hands events on, and tells the host when a
 * caller gives up on a call (its job is then stopped). If the host goes away, every call
 * still waiting is answered with a sentence instead of hanging.
 */
export class HostClient implements Backend {
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private opened: Promise<HostInfo> | null = null;
  private settleOpen: { resolve(info: HostInfo): void; reject(err: Error): void } | null = null;
  private closed: (() => void) | null = null;
  private gone: string | null = null;
  info: HostInfo = { dbPath: '', readOnly: false, sample: false, readers: 0 };

  constructor(
    private readonly endpoint: Endpoint<unknown, ToHost>,
    private readonly onEvent: (event: TeiaEvent) => void = () => {},
    private readonly onGone: (why: string) => void = () => {},
  ) {
    endpoint.onMessage((raw) => this.receive(raw));
    endpoint.onExit?.((why) => this.lost(why));
  }

  /** Calls in flight: the pool sends a read to the reader with the fewest. */
  get busy(): number {
    return this.pending.size;
  }

  get alive(): boolean {
    return this.gone === null;
  }

  open(options: HostOptions): Promise<HostInfo> {
    if (!this.opened) {
      this.opened = new Promise<HostInfo>((resolve, reject) => (this.settleOpen = { resolve, reject }));
      this.endpoint.post({ type: 'open', options });
    }
    return this.opened;
  }

  async dispatch(method: string, input: unknown, call: { readOnly: boolean; signal?: AbortSignal } = { readOnly: false }): Promise<Result<unknown>> {
    try {
      await this.opened;
    } catch (err) {
      return { ok: false, error: err instanceof TeiaError ? err.toData() : { code: 'internal', message: String((err as Error).message) } };
    }
    if (this.gone !== null) return lostResult();
    const id = this.nextId++;
    return new Promise<Result<unknown>>((resolve) => {
      const onAbort = () => this.endpoint.post({ type: 'cancel', id });
      this.pending.set(id, (result) => {
        call.signal?.removeEventListener('abort', onAbort);
        resolve(result);
      });
      this.endpoint.post({ type: 'call', id, method, input, access: call.readOnly ? 'read' : 'write' });
      if (call.signal?.aborted) onAbort();
      else call.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Asks the host to close its catalogue and waits until it has (or has gone). */
  close(): Promise<void> {
    if (this.gone !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.closed = resolve;
      this.endpoint.post({ type: 'close' });
    });
  }

  private receive(raw: unknown): void {
    const parsed = fromHostSchema.safeParse(raw);
    if (!parsed.success) {
      console.error('[teia] the core sent a message outside the protocol', parsed.error.issues.slice(0, 3));
      return;
    }
    const m = parsed.data as FromHost;
    if (m.type === 'result') {
      const settle = this.pending.get(m.id);
      this.pending.delete(m.id);
      settle?.(m.result);
    } else if (m.type === 'event') this.onEvent(m.event);
    else if (m.type === 'ready') {
      this.info = m.info;
      this.settleOpen?.resolve(m.info);
    } else if (m.type === 'failed') {
      this.settleOpen?.reject(TeiaError.fromData(m.error));
    } else if (m.type === 'closed') this.lost(null);
  }

  /** The host has gone: closed when asked (why null), or stopped unexpectedly. */
  private lost(why: string | null): void {
    if (this.gone !== null) return;
    this.gone = why ?? 'closed';
    for (const settle of this.pending.values()) settle(lostResult());
    this.pending.clear();
    this.settleOpen?.reject(new TeiaError('internal', 'Teia’s core stopped before the catalogue was open. Restart Teia.'));
    this.endpoint.terminate?.();
    if (this.closed) this.closed();
    else if (why !== null) this.onGone(why);
  }
}

function lostResult(): Result<unknown> {
  return {
    ok: false,
    error: { code: 'internal', message: 'The part of Teia that reads the catalogue stopped while answering; an unfinished change was not kept. Try again.' },
  };
}
