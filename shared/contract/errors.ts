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

/**
 * The sentences of the core that people see, by a stable key with the names of the values they
 * take. The core sends the key and values beside its English sentence; the window says it in
 * the person's language from its catalogues (renderer/src/i18n/errors.ts), and falls back to
 * the English sentence for a key it does not know. The CLI prints the English sentence.
 */
export const sentenceArgs = {
  // At the contract's door.
  'invalid-input': ['fields'],
  required: ['fields'],
  'read-only': [],
  'read-only-link': [],
  'read-only-no-key': [],
  'disk-full': [],
  'newer-database': ['version'],
  cancelled: [],
  internal: [],
  // Said by the window's own HTTP transport when the server is gone or answers nonsense.
  'server-unreachable': [],
  'server-bad-reply': ['status'],
  // A record asked for is not there.
  'enterprise-not-found': ['id'],
  'product-not-found': ['id'],
  'network-not-found': ['id'],
  'scenario-not-found': ['id'],
  'profile-not-found': ['name'],
  'backup-not-found': ['name'],
  'record-gone': [],
  'proposal-gone': [],
  // Why an imported row was refused (the import report's Reason column).
  'row-no-name': [],
  'row-empty': [],
  'row-id-used': ['id', 'line'],
  'row-cells': ['cells', 'columns'],
  'row-no-supplier': [],
  'row-no-buyer': [],
  'row-no-quantity': [],
  'row-unknown-unit': ['unit'],
  'row-no-enterprise': ['id'],
  'row-no-product': ['id'],
  'row-nul': [],
  'row-currency-no-id': [],
  'row-currency-no-kind': ['kinds'],
  'row-currency-kind': ['kind', 'kinds'],
  'row-currency-rate': ['rate'],
  'row-currency-backing': ['backing', 'backings'],
} as const satisfies Record<string, readonly string[]>;
export type SentenceKey = keyof typeof sentenceArgs;

/** A sentence by key, with its values: `{ key: 'enterprise-not-found', args: { id } }`. */
export type Sentence = {
  [K in SentenceKey]: (typeof sentenceArgs)[K] extends readonly [] ? { key: K; args?: undefined } : { key: K; args: Record<(typeof sentenceArgs)[K][number], string | number> };
}[SentenceKey];

/** A sentence checked against `sentenceArgs`, to spread into data that carries one (`...said({ key: 'row-empty' })`). */
export function said(s: Sentence): { key: string; args?: Record<string, string | number> } {
  return s.args ? { key: s.key, args: s.args } : { key: s.key };
}

export interface ErrorData {
  code: ErrorCode;
  /** A sentence for a person: what went wrong and what to do (English). */
  message: string;
  /** Optional structured detail (e.g. which fields failed validation). */
  details?: unknown;
  /** The same sentence by key, for a host that says it in the person's language. */
  key?: string;
  args?: Record<string, string | number>;
}

export class TeiaError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly key?: string;
  readonly args?: Record<string, string | number>;
  constructor(code: ErrorCode, message: string, details?: unknown, said?: Sentence) {
    super(message);
    this.name = 'TeiaError';
    this.code = code;
    this.details = details;
    if (said?.key) this.key = said.key;
    if (said?.args) this.args = said.args;
  }
  /** Back from the wire (the client): the key is kept as sent, whether this build knows it or not. */
  static fromData(d: ErrorData): TeiaError {
    return new TeiaError(d.code, d.message, d.details, typeof d.key === 'string' ? ({ key: d.key, args: d.args } as Sentence) : undefined);
  }
  toData(): ErrorData {
    const data: ErrorData = { code: this.code, message: this.message };
    if (this.details !== undefined) data.details = this.details;
    if (this.key) data.key = this.key;
    if (this.args) data.args = this.args;
    return data;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
