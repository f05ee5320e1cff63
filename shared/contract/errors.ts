/** Error codes that cross the contract. A client turns them back into TeiaError in one place. */
export const errorCodes = [
  'invalid-input',
  'not-found',
  'conflict',
  'read-only',
  'unauthorized',
  'too-large',
  'cancelled',
  'unknown-method',
  'newer-database',
  'unsupported',
  'disk-full',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  /** A sentence for a person: what went wrong and what to do. */
  message: string;
  /** Optional structured detail (e.g. which fields failed validation). */
  details?: unknown;
}

export class TeiaError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'TeiaError';
    this.code = code;
    this.details = details;
  }
  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
