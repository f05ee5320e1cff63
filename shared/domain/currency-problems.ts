/**
 * Why a currency or an acceptance could not be written, as data beside the core's English
 * sentence, so the window says it in the person's language (as import-problems.ts does for files).
 */
export type CurrencyProblem =
  | { problem: 'duplicate-id'; id: string; name: string }
  | { problem: 'unknown-issuer'; issuer: string }
  | { problem: 'unknown-product'; product: string }
  | { problem: 'product-cycle'; product: string; cycle: string[] }
  | { problem: 'unknown-currency'; currency: string }
  | { problem: 'unknown-enterprise'; enterprises: string[] }
  | { problem: 'accepted'; currency: string; count: number };

const problems = ['duplicate-id', 'unknown-issuer', 'unknown-product', 'product-cycle', 'unknown-currency', 'unknown-enterprise', 'accepted'];

export function currencyProblemOf(details: unknown): CurrencyProblem | undefined {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return undefined;
  const p = (details as { problem?: unknown }).problem;
  return typeof p === 'string' && problems.includes(p) ? (details as CurrencyProblem) : undefined;
}
