/** The languages, their locales and the message registry: DOM-free, so unit tests and scripts load it. */
export const languages = ['en', 'es', 'pt', 'fr'] as const;
export type Lang = (typeof languages)[number];
export const languageNames: Record<Lang, string> = { en: 'English', es: 'Español', pt: 'Português', fr: 'Français' };

/**
 * Messages live beside the feature that uses them, so features do not collide in one big
 * file. English is the reference: the compiler makes every other language give every key.
 * Each text is an ICU MessageFormat message (see ./format.ts): plain text with {name}
 * placeholders, or `{count, plural, one {# enterprise} other {# enterprises}}` where a number
 * changes the words. A plural's value must be a number (pass `n`, not `number(n)`: `#` is
 * formatted in the person's locale).
 */
export type Messages<K extends string> = { en: Record<K, string> } & Record<Exclude<Lang, 'en'>, Record<K, string>>;

/** Every message set defined so far, for the check that all languages have all messages and all parse. */
export const definedMessages: Messages<string>[] = [];

export function defineMessages<K extends string>(m: Messages<K>): Messages<K> {
  definedMessages.push(m as Messages<string>);
  return m;
}

/** Locale tags for number/date formatting (pt → Brazilian Portuguese, the field's largest user base). */
export const locales: Record<Lang, string> = { en: 'en-GB', es: 'es', pt: 'pt-BR', fr: 'fr-FR' };
