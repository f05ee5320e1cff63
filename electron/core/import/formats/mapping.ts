import type { ColumnMapping } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import type { ImportProblem } from '../../../../shared/domain/import-problems.ts';
import { MAPPABLE_FIELDS, isMappableField } from '../../../../shared/domain/mapping.ts';
import { fieldsOf, REQUIRED_FIELDS, type RecordKind } from '../../../../shared/domain/kinds.ts';

export { MAPPABLE_FIELDS, isMappableField, normaliseHeader, suggestMapping } from '../../../../shared/domain/mapping.ts';
export type { MappableField } from '../../../../shared/domain/mapping.ts';

/** Checks a mapping against the file's headers; a person gets a sentence naming what is wrong. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[], kind: RecordKind = 'enterprises', constants: Record<string, string> = {}): void {
  if (kind !== 'enterprises') return checkKindMapping(kind, mapping, headers, constants);
  const unknownFields = Object.keys(mapping).filter((k) => !isMappableField(k));
  if (unknownFields.length) {
    throw new TeiaError(
      'invalid-input',
      `The mapping names ${unknownFields.join(', ')}, which ${unknownFields.length === 1 ? 'is not a field' : 'are not fields'}; use one of: ${MAPPABLE_FIELDS.join(', ')}.`,
      { problem: 'unknown-field', fields: unknownFields, known: [...MAPPABLE_FIELDS] } satisfies ImportProblem,
    );
  }
  const missing = Object.values(mapping).filter((h) => !headers.includes(h));
  if (missing.length) {
    throw new TeiaError('invalid-input', `The file has no column named ${missing.map((m) => `"${m}"`).join(', ')}. Its columns are: ${headers.join(', ')}.`, {
      problem: 'no-such-column',
      missing,
      columns: [...headers],
    } satisfies ImportProblem);
  }
  if (mapping.name === undefined && constants.name === undefined) {
    throw new TeiaError('invalid-input', 'No column is mapped to the enterprise name. Say which column holds the names.', {
      problem: 'no-name-column',
      columns: [...headers],
    } satisfies ImportProblem);
  }
}

const kindWord: Record<RecordKind, string> = { enterprises: 'enterprises', flows: 'flows', offers: 'offers', needs: 'needs', products: 'products', networks: 'networks', currencies: 'currencies' };

/** The same checks for a sheet of flows, offers, needs or products: known fields, real columns, required fields present. */
function checkKindMapping(kind: RecordKind, mapping: ColumnMapping, headers: readonly string[], constants: Record<string, string>): void {
  const fields = fieldsOf(kind);
  const unknown = [...Object.keys(mapping), ...Object.keys(constants)].filter((k) => !fields.includes(k));
  if (unknown.length) {
    throw new TeiaError('invalid-input', `A sheet of ${kindWord[kind]} has no field ${unknown.join(', ')}; its fields are: ${fields.join(', ')}.`);
  }
  const missing = Object.values(mapping).filter((h) => !headers.includes(h));
  if (missing.length) {
    throw new TeiaError('invalid-input', `The file has no column named ${missing.map((m) => `"${m}"`).join(', ')}. Its columns are: ${headers.join(', ')}.`);
  }
  const lacking = REQUIRED_FIELDS[kind].filter((f) => mapping[f] === undefined && constants[f] === undefined && !(f === 'product' && mapping.hs !== undefined));
  if (lacking.length) {
    throw new TeiaError(
      'invalid-input',
      `A sheet of ${kindWord[kind]} needs ${lacking.join(', ')}: map ${lacking.length === 1 ? 'a column' : 'columns'} to ${lacking.length === 1 ? 'it' : 'them'} (e.g. --map ${lacking[0]}="${headers[0] ?? 'Column'}") or give one value for all rows (--set ${lacking[0]}=…). Its columns are: ${headers.join(', ')}.`,
    );
  }
}
