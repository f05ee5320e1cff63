import type { MethodOutput } from '../../../../shared/contract/index.ts';
import type { EnterpriseDraft } from '../../../../shared/contract/catalogue.ts';

export type StoredEnterprise = MethodOutput<'enterprise-get'>;

/** The editable part of a stored enterprise (what enterprise-replace takes): no id, no provenance stamps. */
export function draftOf(e: StoredEnterprise): EnterpriseDraft {
  const { id, importId, sourceRow, createdAt, updatedAt, classified, ...rest } = e;
  void [id, importId, sourceRow, createdAt, updatedAt, classified];
  return rest as EnterpriseDraft;
}

/**
 * The country field as saved: a two-letter code in capitals ("br" → "BR"); anything else as
 * typed. The form used to capitalise every value, so saving an unrelated edit of an
 * enterprise imported with "Argentina" stored "ARGENTINA".
 */
export function countryField(value: string | undefined): string | undefined {
  return value !== undefined && /^[a-z]{2}$/i.test(value) ? value.toUpperCase() : value;
}

/** "a, b ,, c" → ["a", "b", "c"]; undefined when empty so the field is cleared, not set to []. */
export function splitList(text: string): string[] | undefined {
  const items = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
  return items.length ? items : undefined;
}

/** Field name of a zod issue path from enterprise-replace: ["record", "lat"] → "lat", ["record","criteria","x"] → "criteria.x". */
export function fieldOfIssue(path: unknown): string | null {
  if (!Array.isArray(path) || path[0] !== 'record' || path.length < 2) return null;
  return path.slice(1, 3).map(String).join('.');
}

/** Issues from a TeiaError's details, as field → message. */
export function fieldErrors(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const issue of details as { path?: unknown; message?: unknown }[]) {
    const field = fieldOfIssue(issue.path);
    const key = field?.startsWith('criteria.') || field === 'criteria' ? field : field?.split('.')[0];
    if (key && typeof issue.message === 'string' && !out[key]) out[key] = issue.message;
  }
  return out;
}
