import { TeiaError } from '../../../shared/contract/errors.ts';
import type { MethodInput, MethodName, MethodOutput, TeiaEvent } from '../../../shared/contract/index.ts';
import { httpTransport, ipcTransport, type Transport } from './transport.ts';
import { sentenceText, unexpectedText } from '../i18n/errors.ts';

/** Picked once at start-up: the desktop bridge when present, else HTTP to `teia serve`. */
const transport: Transport = window.teia ? ipcTransport(window.teia) : httpTransport();

/**
 * The typed client: `call('catalogue-stats', {})`. The one place where a `{ok: false}` result
 * turns back into an exception, so components catch TeiaError with a sentence to show.
 */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport.invoke(method, input);
  if (!result.ok) throw TeiaError.fromData(result.error);
  return result.value as MethodOutput<M>;
}

export function subscribe(listener: (event: TeiaEvent) => void): () => void {
  return transport.subscribe(listener);
}

export const isDesktop = Boolean(window.teia);

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(err: unknown): string {
  // In the language on screen when the core said which sentence it is; its English otherwise.
  if (err instanceof TeiaError) return sentenceText(err.key, err.args, err.message);
  return unexpectedText();
}
