import { IntlMessageFormat, type Formatters } from 'intl-messageformat';

/**
 * Message formatting with ICU MessageFormat (FormatJS's intl-messageformat), so plurals and
 * selects follow each language's CLDR rules: `{count, plural, one {# enterprise} other {#
 * enterprises}}` gives "1 enterprise" / "2 enterprises", and French says "1 entreprise" for 0 and
 * 1 as CLDR says. Browser-safe and React-free, so unit tests and scripts use it directly.
 */

export type MessageParams = Record<string, string | number>;

/**
 * Numbers inside messages (`#`, `{n, number}`) grouped always: Spanish CLDR leaves 4-digit
 * numbers ungrouped ("2388" beside "12.345"), which reads as two styles in one column.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const formatters: Formatters = {
  getNumberFormat(locales, opts) {
    const key = JSON.stringify([locales, opts]);
    let f = numberFormats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locales, { useGrouping: 'always' as unknown as boolean, ...opts });
      numberFormats.set(key, f);
    }
    return f;
  },
  getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
  getPluralRules(locales, opts) {
    const key = JSON.stringify([locales, opts]);
    let r = pluralRules.get(key);
    if (!r) {
      r = new Intl.PluralRules(locales, opts);
      pluralRules.set(key, r);
    }
    return r;
  },
};

const NNBSP = '\u202F';

/**
 * French typography: a narrow no-break space before ":" ";" "!" "?" "%" and inside « ».
 * Applied to the message text (not to names filled in), so every French message gets it,
 * including ones written with a plain space or none.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/([^\s{])[ \u00A0]?([:;!?%»])(?=[\s.,)}]|$)/gu, `$1${NNBSP}$2`)
    .replace(/«[ \u00A0]?/g, `«${NNBSP}`);
}

const compiled = new Map<string, IntlMessageFormat>();

/** The compiled form of a message (cached: the same few hundred messages are formatted all the time). */
export function compileMessage(text: string, locale: string): IntlMessageFormat {
  const key = `${locale}\u0000${text}`;
  let m = compiled.get(key);
  if (!m) {
    const source = locale.startsWith('fr') ? frenchTypography(text) : text;
    m = new IntlMessageFormat(source, locale, undefined, { formatters });
    compiled.set(key, m);
  }
  return m;
}

/**
 * Formats `text` in `locale`. A message that does not parse or lacks a value never blanks the
 * screen: it falls back to filling {name} placeholders plainly (the unit test keeps every
 * shipped message parseable, so this is for a slip while someone is adding one).
 */
export function formatMessage(text: string, locale: string, params?: MessageParams): string {
  try {
    const out = compileMessage(text, locale).format(params ?? {});
    return typeof out === 'string' ? out : String(out);
  } catch {
    return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params?.[p] ?? `{${p}}`));
  }
}
