import countries from 'i18n-iso-countries';

/**
 * A country as an ISO 3166-1 alpha-2 code when it can be read as one ("Brasil", "CHINA",
 * "CMR", "br"), else its folded text: two records only count as in different countries when
 * both say where they are and the two cannot be the same.
 */
const cache = new Map<string, string>();
const languages = ['en', 'es', 'pt', 'fr'];

export function countryKey(country: string | null | undefined): string | null {
  const raw = country?.trim();
  if (!raw) return null;
  let key = cache.get(raw);
  if (key !== undefined) return key;
  if (/^[A-Za-z]{2}$/.test(raw)) key = raw.toUpperCase();
  else if (/^[A-Za-z]{3}$/.test(raw) && countries.alpha3ToAlpha2(raw.toUpperCase())) key = countries.alpha3ToAlpha2(raw.toUpperCase())!;
  else {
    for (const lang of languages) {
      const code = countries.getAlpha2Code(raw, lang) ?? countries.getAlpha2Code(raw.toLowerCase().replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase()), lang);
      if (code) {
        key = code;
        break;
      }
    }
    key ??= raw.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z]/g, '');
  }
  if (cache.size < 10000) cache.set(raw, key);
  return key;
}
