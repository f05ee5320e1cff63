import { TeiaError } from '../../../shared/contract/errors.ts';
import type { MethodInput, MethodName, MethodOutput, TeiaEvent } from '../../../shared/contract/index.ts';
import { httpTransport, ipcTransport, type Transport } from './transport.ts';

/** Picked once at start-up: the desktop bridge when present, else HTTP to `teia serve`. */
const transport: Transport = window.teia ? ipcTransport(window.teia) : httpTransport();

/**
 * The typed client: `call('catalogue-stats', {})`. The one place where a `{ok: false}` result
 * turns back into an exception, so components catch TeiaError with a sentence to show.
 */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport.invoke(method, input);
  if (!result.ok) throw new TeiaError(result.error.code, result.error.message, result.error.details);
  return result.value as MethodOutput<M>;
}

export function subscribe(listener: (event: TeiaEvent) => void): () => void {
  return transport.subscribe(listener);
}

export const isDesktop = Boolean(window.teia);

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof TeiaError) return err.message;
  return 'Something unexpected went wrong. Try again; if it keeps happening, restart Teia.';
}
