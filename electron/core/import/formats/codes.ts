import type { Vocab } from '../../../../shared/domain/vocab.ts';
import { VOCAB_LANGS } from '../../../../shared/domain/vocab.ts';
import { loadVocab } from '../../catalogue/vocab.ts';

/**
 * ESSGLOBAL values arrive as URIs (decoded before this), as codes in any case ("os60"), or as
 * labels a person typed in a spreadsheet ("Cooperativa de consumo", "Agricultura e
 * ambiente"). All three become the code, within the schemes of the field; a value matching
 * nothing is kept as written and reported.
 */
export type CodedField = 'organisationalStructure' | 'activities' | 'qualifiers';

const FIELD_SCHEMES: Record<CodedField, string[]> = {
  organisationalStructure: ['organisational-structure'],
  // activities-ica first: it is what the maps and Co-operatives UK use.
  activities: ['activities-ica', 'activities', 'activities-modified'],
  qualifiers: ['qualifiers'],
};

const normal = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export class CodeResolver {
  private readonly lookup = new Map<CodedField, Map<string, string>>();
  /** Codes as written, so the usual case (a code from a URI) skips normalising. */
  private readonly exact = new Map<CodedField, Set<string>>();

  constructor(vocab: Vocab) {
    for (const [field, schemes] of Object.entries(FIELD_SCHEMES) as [CodedField, string[]][]) {
      const map = new Map<string, string>();
      // Codes win over labels; earlier schemes win over later ones (first in wins).
      for (const s of schemes) for (const code of Object.keys(vocab.schemes[s]?.concepts ?? {})) if (!map.has(normal(code))) map.set(normal(code), code);
      for (const s of schemes) {
        for (const [code, c] of Object.entries(vocab.schemes[s]?.concepts ?? {})) {
          for (const lang of VOCAB_LANGS) {
            const label = c[lang];
            if (label && !map.has(normal(label))) map.set(normal(label), code);
          }
        }
      }
      this.lookup.set(field, map);
      this.exact.set(field, new Set(schemes.flatMap((s) => Object.keys(vocab.schemes[s]?.concepts ?? {}))));
    }
  }

  /** The code for `value` in the field's schemes, or undefined when it is neither code nor label. */
  resolve(field: CodedField, value: string): string | undefined {
    if (this.exact.get(field)?.has(value)) return value;
    return this.lookup.get(field)?.get(normal(value));
  }
}

let shared: CodeResolver | undefined;
/** One resolver over the shipped vocabularies, built on first use. */
export function codeResolver(): CodeResolver {
  shared ??= new CodeResolver(loadVocab());
  return shared;
}
