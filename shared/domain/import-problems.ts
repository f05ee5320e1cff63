/**
 * Why a whole file could not be imported, as data beside the English sentence, so that each
 * host says it in its own words: the window in the person's language with its own controls
 * ("choose its format in the list"), the CLI with its flags ("give it with --format"). The
 * core's sentence names no flag: it reaches the browser as well as the terminal.
 */
export type ImportProblem =
  | { problem: 'unknown-format'; fileName: string | null; formats: string[] }
  | { problem: 'no-name-column'; columns: string[] }
  | { problem: 'no-such-column'; missing: string[]; columns: string[] }
  | { problem: 'unknown-field'; fields: string[]; known: string[] }
  | { problem: 'no-solidarity-column'; column: string; columns: string[] };

export function importProblemOf(details: unknown): ImportProblem | undefined {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return undefined;
  const p = (details as { problem?: unknown }).problem;
  return typeof p === 'string' && ['unknown-format', 'no-name-column', 'no-such-column', 'unknown-field', 'no-solidarity-column'].includes(p)
    ? (details as ImportProblem)
    : undefined;
}
