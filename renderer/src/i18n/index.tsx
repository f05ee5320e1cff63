import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export const languages = ['en', 'es', 'pt', 'fr'] as const;
export type Lang = (typeof languages)[number];
export const languageNames: Record<Lang, string> = { en: 'English', es: 'Español', pt: 'Português', fr: 'Français' };

/**
 * Messages live beside the feature that uses them, so features do not collide in one big
 * file. English is the reference: the compiler makes every other language give every key.
 */
export type Messages<K extends string> = { en: Record<K, string> } & Record<Exclude<Lang, 'en'>, Record<K, string>>;

export function defineMessages<K extends string>(m: Messages<K>): Messages<K> {
  return m;
}

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

/** Locale tags for number/date formatting (pt → Brazilian Portuguese, the field's largest user base). */
const locales: Record<Lang, string> = { en: 'en-GB', es: 'es', pt: 'pt-BR', fr: 'fr-FR' };

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
    const locale = locales[lang];
    return {
      lang,
      locale,
      setLang,
      number: (n, options) => new Intl.NumberFormat(locale, options).format(n),
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

/** `const t = useMessages(messages); t('title', { count: 3 })` — {name} placeholders are filled. */
export function useMessages<K extends string>(messages: Messages<K>) {
  const { lang } = useI18n();
  return useCallback(
    (key: K, params?: Record<string, string | number>) => {
      const text = messages[lang][key] ?? messages.en[key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`)) : text;
    },
    [lang, messages],
  );
}
