import { isRecordKind, RECORD_KINDS, type RecordKind } from '../../../shared/domain/kinds.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';

/** `--kind flows|offers|needs|products|enterprises`, checked. */
export function readKind(value: string | undefined): RecordKind | undefined {
  if (value === undefined) return undefined;
  if (!isRecordKind(value)) throw new TeiaError('invalid-input', `--kind must be one of ${RECORD_KINDS.join(', ')}, not "${value}".`);
  return value;
}

/**
 * `--set product="Coffee"` (repeatable, or several joined by commas outside quotes): one value
 * for every row of a field the file has no column for.
 */
export function readConstants(values: string[] | string | undefined): Record<string, string> | undefined {
  if (values === undefined) return undefined;
  const list = Array.isArray(values) ? values : [values];
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq < 1) throw new TeiaError('invalid-input', `--set "${item}" should look like field=value, e.g. --set product=Coffee.`);
    out[item.slice(0, eq).trim()] = item.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return out;
}
