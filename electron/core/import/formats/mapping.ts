import type { ColumnMapping } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { MAPPABLE_FIELDS, isMappableField } from '../../../../shared/domain/mapping.ts';

export { MAPPABLE_FIELDS, isMappableField, normaliseHeader, suggestMapping } from '../../../../shared/domain/mapping.ts';
export type { MappableField } from '../../../../shared/domain/mapping.ts';

/** Checks a mapping against the file's headers; a person gets a sentence naming what is wrong. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[]): void {
  const unknownFields = Object.keys(mapping).filter((k) => !isMappableField(k));
  if (unknownFields.length) {
    throw new TeiaError(
      'invalid-input',
      `The mapping names ${unknownFields.join(', ')}, which ${unknownFields.length === 1 ? 'is not a field' : 'are not fields'}; use one of: ${MAPPABLE_FIELDS.join(', ')}.`,
    );
  }
  const missing = Object.values(mapping).filter((h) => !headers.includes(h));
  if (missing.length) {
    throw new TeiaError('invalid-input', `The file has no column named ${missing.map((m) => `"${m}"`).join(', ')}. Its columns are: ${headers.join(', ')}.`);
  }
  if (mapping.name === undefined) {
    throw new TeiaError('invalid-input', `No column is mapped to the enterprise name. Map one, e.g. --map name="${headers[0] ?? 'Name'}".`);
  }
}
