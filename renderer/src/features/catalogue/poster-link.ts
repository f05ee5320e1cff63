import type { PlanChange } from '../planner/decisions.ts';

/** The changes a poster shows travel in its address (the planner's accepted substitutions). */
export function posterHref(shop: string, changes: PlanChange[]): string {
  const packed = btoa(unescape(encodeURIComponent(JSON.stringify(changes)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `/print/poster/${encodeURIComponent(shop)}${changes.length ? `?changes=${packed}` : ''}`;
}

export function unpackChanges(raw: string | null): PlanChange[] {
  if (!raw) return [];
  try {
    const json = decodeURIComponent(escape(atob(raw.replace(/-/g, '+').replace(/_/g, '/'))));
    const list = JSON.parse(json) as unknown;
    // The address is typed by anyone: keep only well-formed changes; the core validates them again.
    return Array.isArray(list)
      ? list.filter((c): c is PlanChange => !!c && typeof c === 'object' && ['line', 'buyer', 'product', 'from', 'to'].every((k) => typeof (c as Record<string, unknown>)[k] === 'string') && typeof (c as PlanChange).quantity === 'number').slice(0, 500)
      : [];
  } catch {
    return [];
  }
}

