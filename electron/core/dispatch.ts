import { ZodError, type z } from 'zod';
import {
  methods,
  isMethodName,
  TeiaError,
  type MethodName,
  type MethodParsedInput,
  type MethodOutput,
  type Result,
  type Sentence,
} from '../../shared/contract/index.ts';
import type { CoreContext } from './context.ts';
import { isDiskFull, diskFullError } from './disk-full.ts';

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CoreContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** Every method of the contract must have exactly one handler: the compiler checks it. */
export type Handlers = { [M in MethodName]: Handler<M> };

/**
 * The door every call goes through, whatever the transport: the method must exist, the
 * caller may write only when the host allows it, and the input must match its schema.
 * Errors come back as data; an unexpected one is logged and reported without its stack.
 */
export async function dispatch(
  handlers: Handlers,
  ctx: CoreContext,
  method: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  try {
    if (!isMethodName(method)) throw new TeiaError('unknown-method', `There is no method "${String(method).slice(0, 80)}".`);
    const def = methods[method];
    if (def.write && ctx.readOnly) {
      throw new TeiaError('read-only', 'This catalogue is open read-only: changes are not accepted here.', undefined, { key: 'read-only' });
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new TeiaError('invalid-input', describeIssues(parsed.error), parsed.error.issues.slice(0, 20), issuesSentence(parsed.error));
    }
    const handler = handlers[method] as (input: unknown, ctx: CoreContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  }
}

export function toErrorData(err: unknown) {
  if (err instanceof TeiaError) return err.toData();
  if (isDiskFull(err)) return diskFullError().toData();
  // A record that fails the domain schema inside a handler is still the caller's input at fault.
  if (err instanceof ZodError) return { code: 'invalid-input' as const, message: describeIssues(err), ...issuesSentence(err) };
  if (isSqliteConstraint(err)) {
    return { code: 'conflict' as const, message: `The catalogue refused the change: ${err.message}.` };
  }
  console.error('[teia] unexpected error', err);
  return {
    code: 'internal' as const,
    message: 'Something went wrong inside Teia; nothing was changed. Details are in the log.',
    key: 'internal',
  };
}

function isSqliteConstraint(err: unknown): err is Error & { code: string } {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * The same by key, for the window to say in the person's language: which fields, and whether
 * they were all simply missing (the usual case: an empty name). A rule of the contract's own
 * (a refine: "the buyer cannot also be the supplier") says more than any general sentence,
 * so it keeps the English one (no key).
 */
export function issuesSentence(error: z.ZodError): Sentence | undefined {
  const fields = [...new Set(error.issues.slice(0, 5).map((i) => i.path.join('.')).filter(Boolean))].join(', ');
  const missing = error.issues.every((i) => (i.code === 'too_small' && i.origin === 'string' && Number(i.minimum) <= 1) || (i.code === 'invalid_type' && / undefined$/.test(i.message)));
  if (missing && fields) return { key: 'required', args: { fields } };
  if (error.issues.some((i) => i.code === 'custom' || !zodDefault.test(i.message))) return undefined;
  return { key: 'invalid-input', args: { fields: fields || '—' } };
}
/** How zod's own messages begin; any other was written for people in the contract. */
const zodDefault = /^(Invalid|Too (small|big)|Unrecognized|Expected)/;

/** One readable sentence from zod's issues: "name: A name is required.; lat: ..." */
export function describeIssues(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `The request was not valid — ${parts.join('; ')}${more}.`;
}
