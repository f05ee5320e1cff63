import type { TeiaEvent } from '../../../shared/contract/index.ts';
import { toErrorData } from '../dispatch.ts';
import { toHostSchema, type Backend, type Endpoint, type FromHost, type ParsedHostOptions } from './protocol.ts';

/**
 * The host's half of the protocol over one endpoint: the first message opens the backend
 * (a core, or a host of several), every call is answered with its Result under its request id,
 * a cancel aborts that call's signal, events go out as they come, `close` closes and says so.
 */
export function answerCalls(
  endpoint: Endpoint<unknown, FromHost>,
  open: (options: ParsedHostOptions, emit: (event: TeiaEvent) => void) => Promise<Backend> | Backend,
  onClosed: () => void = () => {},
): void {
  let backend: Promise<Backend> | null = null;
  const calls = new Map<number, AbortController>();
  const emit = (event: TeiaEvent) => endpoint.post({ type: 'event', event });
  endpoint.onMessage(async (raw) => {
    const parsed = toHostSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'number') endpoint.post({ type: 'result', id, result: { ok: false, error: { code: 'invalid-input', message: 'The call was not in the host protocol.' } } });
      return;
    }
    const m = parsed.data;
    if (m.type === 'open') {
      if (backend) return;
      backend = Promise.resolve().then(() => open(m.options, emit));
      backend.then(
        (b) => endpoint.post({ type: 'ready', info: b.info }),
        (err: unknown) => endpoint.post({ type: 'failed', error: toErrorData(err) }),
      );
    } else if (m.type === 'call') {
      const controller = new AbortController();
      calls.set(m.id, controller);
      let result;
      try {
        if (!backend) throw new Error('a call came before the catalogue was opened');
        result = await (await backend).dispatch(m.method, m.input, { readOnly: m.access !== 'write', signal: controller.signal });
      } catch (err) {
        result = { ok: false as const, error: toErrorData(err) };
      }
      calls.delete(m.id);
      endpoint.post({ type: 'result', id: m.id, result });
    } else if (m.type === 'cancel') calls.get(m.id)?.abort();
    else if (m.type === 'close') {
      try {
        await (await backend)?.close();
      } catch (err) {
        console.error('[teia] closing the catalogue failed', err);
      }
      endpoint.post({ type: 'closed' });
      onClosed();
    }
  });
}
