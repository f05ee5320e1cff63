import { TeiaError } from '../../../../shared/contract/errors.ts';
import { importProblemOf } from '../../../../shared/domain/import-problems.ts';
import { errorMessage } from '../../api/client.ts';
import { defineMessages } from '../../i18n/index.tsx';

/**
 * Why a file could not be read, said in the person's language with this screen's own
 * controls (the core's sentence is in English and names no control; the CLI adds its flags).
 */
export const problemMessages = defineMessages('import.problem', {
  'unknown-format': ['name'],
  'no-name-column': [],
  'no-such-column': ['columns', 'missing'],
  'unknown-field': ['fields'],
  'no-solidarity-column': ['column'],
  thisFile: [],
});

type T = (key: keyof (typeof problemMessages)['en'], values?: Record<string, string>) => string;

/** A sentence for an import error: the localised one for a known problem, else the core's. */
export function importErrorMessage(err: unknown, t: T): string {
  const p = err instanceof TeiaError ? importProblemOf(err.details) : undefined;
  const quote = (xs: string[]) => xs.map((x) => `“${x}”`).join(', ');
  switch (p?.problem) {
    case 'unknown-format':
      return t('unknown-format', { name: p.fileName ? `“${p.fileName}”` : t('thisFile') });
    case 'no-name-column':
      return t('no-name-column');
    case 'no-such-column':
      return t('no-such-column', { missing: quote(p.missing), columns: p.columns.join(', ') });
    case 'unknown-field':
      return t('unknown-field', { fields: p.fields.join(', ') });
    case 'no-solidarity-column':
      return t('no-solidarity-column', { column: `“${p.column}”` });
    default:
      return errorMessage(err);
  }
}
