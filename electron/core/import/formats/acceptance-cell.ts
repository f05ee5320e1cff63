import type { Acceptance } from '../../../../shared/domain/package.ts';

/**
 * What an enterprise accepts, written in one sheet cell (the "currencies" column): currency
 * ids separated by ; | commas or new lines, each optionally followed by the share of a price
 * it takes and, in brackets, the products it takes it for (ids or names):
 *
 *     ipe 50%; horas; vale-feira (bread)        vale-feira 30% (bread, milk)
 *
 * The same form the workbook export writes, so a sheet round-trips the whole acceptance
 * (ENGINE.md §3.8). A currency listed twice counts once, the first time, as the spec says.
 */
export function acceptanceToCell(a: Acceptance): string {
  if (typeof a === 'string') return a;
  const share = a.share !== undefined ? ` ${Number((a.share * 100).toPrecision(12))}%` : '';
  const products = a.products?.length ? ` (${a.products.join(', ')})` : '';
  return a.currency + share + products;
}

export function acceptancesFromCell(v: unknown): { value: Acceptance[]; problem?: string } {
  const items = splitItems(v);
  const value: Acceptance[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    // A currency (its id, which may hold spaces where a file names it), an optional share, optional brackets.
    const m = /^([^%()]+?)\s*(?:(-?\d+(?:[.,]\d+)?)\s*%)?\s*(?:\(([^()]*)\))?$/u.exec(item);
    if (!m) {
      return {
        value: [],
        problem: `"${item}" is not understood as an accepted currency: write its id, then the share it takes if not the whole price, then the products it takes it for in brackets, as in "vale-feira 50% (bread)".`,
      };
    }
    const [, currency, pct, products] = m;
    const share = pct === undefined ? undefined : Number(pct.replace(',', '.')) / 100;
    if (share !== undefined && !(share > 0 && share <= 1)) {
      return { value: [], problem: `"${item}": the share taken in ${currency} is a part of a price above 0% and at most 100%.` };
    }
    const list = products === undefined ? undefined : products.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
    if (list !== undefined && list.length === 0) {
      return { value: [], problem: `"${item}" has brackets with no product in them: name the products it takes ${currency} for, or leave the brackets out for everything.` };
    }
    if (seen.has(currency)) continue;
    seen.add(currency);
    value.push(share === undefined && list === undefined ? currency : { currency, ...(share !== undefined ? { share } : {}), ...(list ? { products: list } : {}) });
  }
  return { value };
}

/** Items of the cell: split at ; | new lines and commas, except commas inside brackets or between digits. */
function splitItems(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.flatMap(splitItems);
  const s = String(v);
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    // A comma between digits is a decimal comma ("25,5%"), not a separator.
    const decimal = ch === ',' && /\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? '');
    if (depth === 0 && !decimal && /[;|,\n]/.test(ch)) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((x) => x.trim()).filter(Boolean);
}
