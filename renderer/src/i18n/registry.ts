/** The languages, their locales and the message registry: DOM-free, so unit tests and scripts load it. */
import { catalogues } from './catalogues.ts';

export const languages = ['en', 'es', 'pt', 'fr'] as const;
export type Lang = (typeof languages)[number];
export const languageNames: Record<Lang, string> = { en: 'English', es: 'Español', pt: 'Português', fr: 'Français' };

/** Locale tags for number/date formatting (pt → Brazilian Portuguese, the field's largest user base). */
export const locales: Record<Lang, string> = { en: 'en-GB', es: 'es', pt: 'pt-BR', fr: 'fr-FR' };

let shown: Lang = 'en';

/**
 * The language on screen, for text made outside React's render (an error caught in an event
 * handler: `errorMessage(err)` is called from many places that have no hook at hand). The
 * I18nProvider sets it whenever the language changes.
 */
export function currentLang(): Lang {
  return shown;
}
export function setCurrentLang(lang: Lang): void {
  shown = lang;
}

/**
 * The texts of one message set, per language. Each text is an ICU MessageFormat message (see
 * ./format.ts): plain text with {name} placeholders, or `{count, plural, one {# enterprise}
 * other {# enterprises}}` where a number changes the words. A plural's value must be a number
 * (pass `n`, not `number(n)`: `#` is formatted in the person's locale).
 */
export type Messages<K extends string> = { en: Record<K, string> } & Record<Exclude<Lang, 'en'>, Record<K, string>>;

/** A message set's keys, each with the names of the arguments its text takes (`resultsFor: ['q']`). */
export type MessageSpec = Record<string, readonly string[]>;

/** A set whose texts live in the catalogues (./locales/*.json); `args` types the call sites. */
export type MessageSet<S extends MessageSpec> = Messages<keyof S & string> & { readonly namespace: string; readonly args: S };

/** A set declared in the catalogue form: its namespace and keys, for the check. */
export interface DeclaredSet {
  namespace: string;
  spec: MessageSpec;
}

/** Every set declared so far (they register on import), for the check that the catalogues match them. */
export const declaredSets: DeclaredSet[] = [];

/**
 * Sets still written with their texts inline in TypeScript (the older form). They work, but
 * the check fails on them: `npm run i18n:extract` moves their texts into the catalogues.
 */
export const inlineSets: Messages<string>[] = [];

/**
 * A feature's messages: their keys and argument names here, their texts in one catalogue file
 * per language (./locales/en.json, es.json, pt.json, fr.json) under `namespace.key`, so a
 * translator works on one JSON file and never reads TypeScript. English is the fallback for a
 * text a language lacks.
 *
 *     export const searchMessages = defineMessages('search', { title: [], resultsFor: ['q'] });
 *
 * The older inline form `defineMessages({ en: {...}, es: {...}, pt: {...}, fr: {...} })`
 * still works so a branch written before the catalogues merges and runs; the check fails on
 * it until `npm run i18n:extract` converts it.
 */
export function defineMessages<const S extends MessageSpec>(namespace: string, spec: S): MessageSet<S>;
export function defineMessages<K extends string>(m: Messages<K>): Messages<K>;
export function defineMessages(a: string | Messages<string>, spec?: MessageSpec): Messages<string> {
  if (typeof a !== 'string') {
    inlineSets.push(a);
    return a;
  }
  declaredSets.push({ namespace: a, spec: spec ?? {} });
  return { namespace: a, args: spec, ...textsOf(a, Object.keys(spec ?? {}), catalogues) } as unknown as Messages<string>;
}

/** A set's texts per language from catalogues: a text a language lacks is English's, else its id. */
export function textsOf(namespace: string, keys: string[], from: Record<Lang, Record<string, string | undefined>>): Messages<string> {
  const out = {} as Messages<string>;
  for (const lang of languages) {
    const texts: Record<string, string> = {};
    for (const key of keys) {
      const id = `${namespace}.${key}`;
      texts[key] = from[lang][id] ?? from.en[id] ?? id;
    }
    out[lang] = texts;
  }
  return out;
}
