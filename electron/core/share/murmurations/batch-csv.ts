import { csvCell } from '../../export/sse-csv.ts';
import type { Profile } from './profiles.ts';

/** The Murmurations Batch Importer takes at most this many rows per file. */
export const BATCH_ROWS = 1000;

/**
 * Organisation profiles as the Murmurations Batch Importer's CSV, for organisers without a web
 * host: `oid` first (the record's own id, so a later batch updates it), then one column per
 * leaf of the profile in the importer's notation — `tags[0]`, `geolocation.lat`,
 * `urls[0].url`, `relationships[0].predicate_url`. Teia's own extension fields stay out.
 */
export function batchCsvFiles(profiles: Profile[]): { name: string; text: string }[] {
  const rows = profiles.map((p) => {
    const flat: Record<string, string> = { oid: String(p.unique_id ?? '') };
    for (const [k, v] of Object.entries(p)) if (!k.startsWith('teia_') && k !== 'unique_id') flatten(k, v, flat);
    return flat;
  });
  const files: { name: string; text: string }[] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const chunk = rows.slice(start, start + BATCH_ROWS);
    const headers = ['oid', ...[...new Set(chunk.flatMap((r) => Object.keys(r)))].filter((h) => h !== 'oid').sort(byPath)];
    const lines = [headers.map(csvCell).join(','), ...chunk.map((r) => headers.map((h) => csvCell(r[h] ?? '')).join(','))];
    files.push({ name: `organizations-${files.length + 1}.csv`, text: `${lines.join('\r\n')}\r\n` });
  }
  return files;
}

function flatten(key: string, value: unknown, out: Record<string, string>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) value.forEach((v, i) => flatten(`${key}[${i}]`, v, out));
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(`${key}.${k}`, v, out);
  else out[key] = String(value);
}

/** `tags[2]` before `tags[10]`; otherwise plain order, so a field's columns stand together. */
function byPath(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
