import { z } from 'zod';
import { errorCodes, type ErrorData, type Result, type TeiaEvent } from '../../../shared/contract/index.ts';
import { eventSchema } from '../../../shared/contract/events.ts';

/**
 * The one message protocol between a caller and the core's host, whatever carries it: Electron's
 * main process and the `utilityProcess` that runs the core on the desktop, `teia serve` and the
 * worker threads that run its writer and its pool of readers. A caller opens the host once,
 * then sends calls by request id; the host answers each with the contract's Result (errors as
 * ErrorData, never a stack), pushes events (job progress, catalogue changes) as they happen,
 * and stops the job a call started when that call is cancelled.
 *
 * Method names and inputs are not checked here: the host's dispatch validates every input
 * against the contract's zod schema before any handler runs, exactly as before.
 */

/** Who is calling: `write` may change the catalogue; `read` is refused every writer (dispatch). */
export const accessSchema = z.enum(['read', 'write']);
export type Access = z.infer<typeof accessSchema>;

export const shareSchema = z.object({ readLink: z.string(), qr: z.object({ size: z.number().int(), cells: z.string() }) });

export const hostOptionsSchema = z.object({
  /** The catalogue file; the default file in the user-data folder when absent. */
  dbPath: z.string().optional(),
  host: z.enum(['desktop', 'server', 'cli']),
  readOnly: z.boolean().default(false),
  /** Fill an empty catalogue with the sample on first start. */
  sample: z.boolean().default(true),
  /** Tell windows about commits made by other processes on the same file. */
  watch: z.boolean().default(true),
  /** `teia serve --host`: the attendees' link, answered by share-info. */
  share: shareSchema.optional(),
  /** How many read-only connections answer searches and other reads (0: the writer answers all). */
  readers: z.number().int().min(0).max(16).optional(),
  /** A reader of the pool, not the writer: opens the file read-only and never loads the sample. */
  role: z.enum(['writer', 'reader']).default('writer'),
});
export type HostOptions = z.input<typeof hostOptionsSchema>;
export type ParsedHostOptions = z.output<typeof hostOptionsSchema>;

/** Caller → host. */
export const toHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), options: hostOptionsSchema }),
  z.object({ type: z.literal('call'), id: z.number().int(), method: z.string(), input: z.unknown(), access: accessSchema }),
  z.object({ type: z.literal('cancel'), id: z.number().int() }),
  z.object({ type: z.literal('close') }),
]);
export type ToHost = z.input<typeof toHostSchema>;

const errorDataSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
  // The sentence by key (shared/contract/errors.ts sentenceArgs), for the window's language.
  key: z.string().optional(),
  args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const resultSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: errorDataSchema })]);

/** What an opened host says about itself (the serve command prints it). */
export const hostInfoSchema = z.object({ dbPath: z.string(), readOnly: z.boolean(), sample: z.boolean(), readers: z.number().int() });
export type HostInfo = z.infer<typeof hostInfoSchema>;

/** Host → caller. */
export const fromHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), info: hostInfoSchema }),
  /** The catalogue could not be opened (a newer schema, a locked or unreadable file). */
  z.object({ type: z.literal('failed'), error: errorDataSchema }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: resultSchema }),
  z.object({ type: z.literal('event'), event: eventSchema }),
  z.object({ type: z.literal('closed') }),
]);
export type FromHost =
  | { type: 'ready'; info: HostInfo }
  | { type: 'failed'; error: ErrorData }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: TeiaEvent }
  | { type: 'closed' };

/**
 * One side of a message channel: a worker thread's port, Electron's parentPort or a
 * UtilityProcess. `onExit` (caller side only) reports the other side going away.
 */
export interface Endpoint<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
  onExit?(listener: (why: string) => void): void;
  /** Ends the other side for good (a worker is terminated, a process killed). */
  terminate?(): void;
}

/** What answers calls behind an endpoint: a core (one connection) or a host (writer + readers). */
export interface Backend {
  info: HostInfo;
  dispatch(method: string, input: unknown, call: { readOnly: boolean; signal?: AbortSignal }): Promise<Result<unknown>>;
  close(): Promise<void> | void;
}
