/**
 * The ESSGLOBAL vocabularies the app ships (data/vocab/essglobal.json, built by
 * scripts/build-vocab.ts). Codes are stored as codes; these helpers give a label in the
 * person's language. Browser-safe: the renderer imports the JSON, the core reads the file.
 */
export const VOCAB_LANGS = ['en', 'es', 'pt', 'fr'] as const;
export type VocabLang = (typeof VOCAB_LANGS)[number];

export type LangLabels = Partial<Record<VocabLang, string>>;

export interface VocabConcept extends LangLabels {
  /** Code of the broader concept in the same scheme, when there is one. */
  broader?: string;
}

export interface VocabScheme {
  title: LangLabels;
  /** Base URI: base + code is the concept's URI. */
  uri: string;
  concepts: Record<string, VocabConcept>;
}

export interface Vocab {
  source: string;
  licence: string;
  schemes: Record<string, VocabScheme>;
}

/** "pt-BR" → "pt"; anything else the vocabularies lack → "en". */
export function vocabLang(tag: string | undefined): VocabLang {
  const base = (tag ?? 'en').toLowerCase().split(/[-_]/)[0];
  return (VOCAB_LANGS as readonly string[]).includes(base) ? (base as VocabLang) : 'en';
}

/** The label of a code in `lang`, else in English, else the code itself (never empty). */
export function labelOf(vocab: Vocab, scheme: string, code: string, lang: string): string {
  const concept = vocab.schemes[scheme]?.concepts[code];
  if (!concept) return code;
  return concept[vocabLang(lang)] ?? concept.en ?? code;
}

/** The schemes an activity code may come from, in the order the maps and Co-operatives UK use them. */
export const ACTIVITY_SCHEMES = ['activities-ica', 'activities', 'activities-modified'] as const;

/** An activity's label in `lang`, from whichever activity scheme holds its code. */
export function activityLabel(vocab: Vocab, code: string, lang: string): string {
  const scheme = ACTIVITY_SCHEMES.find((s) => vocab.schemes[s]?.concepts[code]) ?? ACTIVITY_SCHEMES[0];
  return labelOf(vocab, scheme, code, lang);
}

/** A scheme's title in `lang`, else English, else its name. */
export function schemeTitle(vocab: Vocab, scheme: string, lang: string): string {
  const title = vocab.schemes[scheme]?.title;
  return title?.[vocabLang(lang)] ?? title?.en ?? scheme;
}

/**
 * The code inside an ESSGLOBAL URI: its last path segment (or fragment), e.g.
 * "https://dev.lod.coop/essglobal/2.1/standard/activities-ica/ICA280" → "ICA280".
 * A value that is not a URI is returned trimmed.
 */
export function codeFromUri(value: string): string {
  const v = value.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return v;
  const hash = v.lastIndexOf('#');
  if (hash !== -1 && hash < v.length - 1) return v.slice(hash + 1);
  const segments = v.replace(/[?#].*$/, '').split('/').filter(Boolean);
  return segments[segments.length - 1] ?? v;
}

/** The scheme a code belongs to, trying `preferred` schemes first (codes like q01 are unique). */
export function schemeOfCode(vocab: Vocab, code: string, preferred: readonly string[] = []): string | undefined {
  for (const s of preferred) if (vocab.schemes[s]?.concepts[code]) return s;
  for (const [s, scheme] of Object.entries(vocab.schemes)) if (scheme.concepts[code]) return s;
  return undefined;
}

/** The concept's URI when the code is known in one of `preferred` (or any) scheme, else the code. */
export function uriOfCode(vocab: Vocab, code: string, preferred: readonly string[] = []): string {
  const scheme = schemeOfCode(vocab, code, preferred);
  return scheme ? vocab.schemes[scheme].uri + code : code;
}
