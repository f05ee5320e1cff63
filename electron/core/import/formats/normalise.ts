import type { Enterprise } from '../../../../shared/domain/package.ts';
import { codeFromUri } from '../../../../shared/domain/vocab.ts';
import { countryCode } from '../countries.ts';
import { codeResolver, type CodedField } from './codes.ts';
import type { Notes } from './record.ts';

/**
 * The "normalise" step for a record that arrives with its fields already named (a package):
 * the country as an ISO 3166-1 alpha-2 code, ESSGLOBAL values as codes, exactly as the
 * tabular and JSON readers do it (record.ts), so that "Agriculture" and "ICA10" are one
 * Activity filter entry whichever way they came in. What cannot be resolved is kept as
 * written and reported with its line.
 */
export function normaliseCountry(value: string, line: number, notes: Notes): string {
  const code = countryCode(value);
  if (code !== undefined) return code;
  notes.add(`Country "${value}" is neither an ISO 3166 code nor a country name Teia knows (English, Spanish, Portuguese, French); kept as written`, line);
  return value;
}

const LABEL: Record<CodedField, string> = { organisationalStructure: 'Organisational structure', activities: 'Activity', qualifiers: 'Qualifier' };

function code(field: CodedField, value: string, line: number, notes: Notes): string {
  const v = codeFromUri(value);
  const resolved = codeResolver().resolve(field, v);
  if (resolved === undefined) notes.add(`${LABEL[field]} "${v}" is not an ESSGLOBAL code or label; kept as written`, line);
  return resolved ?? v;
}

/** Returns the enterprise itself when nothing changes (most of a big package), else a copy. */
export function normaliseEnterprise(e: Enterprise, line: number, notes: Notes): Enterprise {
  let out: Enterprise | undefined;
  const set = <K extends keyof Enterprise>(k: K, v: Enterprise[K]) => {
    if (v === e[k] || JSON.stringify(v) === JSON.stringify(e[k])) return;
    out ??= { ...e };
    out[k] = v;
  };
  if (e.country !== undefined) set('country', normaliseCountry(e.country, line, notes));
  if (e.organisationalStructure !== undefined) set('organisationalStructure', code('organisationalStructure', e.organisationalStructure, line, notes));
  if (e.activities) set('activities', [...new Set(e.activities.map((a) => code('activities', a, line, notes)))]);
  if (e.qualifiers) set('qualifiers', [...new Set(e.qualifiers.map((q) => code('qualifiers', q, line, notes)))]);
  return out ?? e;
}
