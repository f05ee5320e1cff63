import { sentenceArgs } from '../../../shared/contract/errors.ts';
import { formatMessage, type MessageParams } from './format.ts';
import { currentLang, defineMessages, locales, type Lang } from './registry.ts';

/**
 * The core's sentences by key (shared/contract/errors.ts sentenceArgs): the core sends the key
 * and its values beside its English sentence, and the window says it in the person's language.
 * Declared from the contract's own table, so a key the core can send has a text or the check
 * fails.
 */
export const errorMessages = defineMessages('i18n.error', sentenceArgs);

export const clientErrorMessages = defineMessages('i18n.clientError', {
  unexpected: [],
});

/**
 * A sentence the core sent by key, in `lang` (the language on screen unless said): the
 * catalogue's text for a key this build knows, else the core's English sentence as sent.
 */
export function sentenceText(key: string | undefined, args: MessageParams | undefined, english: string, lang: Lang = currentLang()): string {
  if (!key || !Object.hasOwn(errorMessages.en, key)) return english;
  return formatMessage((errorMessages[lang] as Record<string, string>)[key], locales[lang], args);
}

/** For a failure that is not the core's (a bug, a lost connection). */
export function unexpectedText(lang: Lang = currentLang()): string {
  return formatMessage(clientErrorMessages[lang].unexpected, locales[lang]);
}
