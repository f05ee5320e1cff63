import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatMessage, type MessageParams } from './format.ts';
import { formatQuantity } from './units.ts';
import { languages, locales, setCurrentLang, type Lang, type Messages, type MessageSet, type MessageSpec } from './registry.ts';

export { languages, languageNames, locales, defineMessages, type Lang, type Messages, type MessageSet } from './registry.ts';

const storageKey = 'teia-lang';

function systemLanguage(): Lang {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if ((languages as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

function initialLanguage(): Lang {
  const saved = localStorage.getItem(storageKey);
  return saved && (languages as readonly string[]).includes(saved) ? (saved as Lang) : systemLanguage();
}

interface I18n {
  lang: Lang;
  locale: string;
  setLang(lang: Lang): void;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  percent(share: number): string;
  date(d: string | Date): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLanguage);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(storageKey, l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    setCurrentLang(lang);
    const locale = locales[lang];
    return {
      lang,
      locale,
      setLang,
      // Grouped always: Spanish CLDR leaves 4-digit numbers ungrouped, two styles in one column.
      number: (n, options) => new Intl.NumberFormat(locale, { useGrouping: 'always' as unknown as boolean, ...options }).format(n),
      percent: (share) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share),
      date: (d) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(typeof d === 'string' ? new Date(d) : d),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n needs an I18nProvider above it');
  return ctx;
}

/**
 * The values a message takes: the arguments its set declares must all be given (a typo in a
 * name is a type error); a message with none takes none or any.
 */
export type ParamsOf<A extends readonly string[]> = A extends readonly [] ? [params?: MessageParams] : [params: Record<A[number], string | number> & MessageParams];

/** `const t = useMessages(messages); t('title', { count: 3 })` — an ICU message, formatted in the person's language. */
export function useMessages<S extends MessageSpec>(messages: MessageSet<S>): <K extends keyof S & string>(key: K, ...params: ParamsOf<S[K]>) => string;
export function useMessages<K extends string>(messages: Messages<K>): (key: K, params?: MessageParams) => string;
export function useMessages<K extends string>(messages: Messages<K>) {
  const { lang } = useI18n();
  return useCallback(
    (key: K, params?: MessageParams) => formatMessage(messages[lang][key] ?? messages.en[key] ?? key, locales[lang], params),
    [lang, messages],
  );
}

/** `quantity(200, 'hour')` → "200 hours" / "200 horas" / "200 heures" (see ./units.ts). */
export function useQuantity(): (n: number, unit: string | null | undefined) => string {
  const { lang } = useI18n();
  return useCallback((n: number, unit: string | null | undefined) => formatQuantity(lang, n, unit), [lang]);
}
