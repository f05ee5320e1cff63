import { withoutLegalForms } from './legal-forms.ts';
import type { MatchRecord } from './types.ts';
import { countryKey } from './countries.ts';

/**
 * Records as the comparison reads them: names folded to plain words with the legal forms
 * taken out, acronyms found, contacts reduced to what identifies them. Computed once per
 * record when it enters an index, never per comparison.
 */
export interface Prepared {
  record: MatchRecord;
  /** Name words without legal forms and joining words (or all the words, if that leaves none). */
  tokens: string[];
  /** Words written in brackets ("Eclat Textile (Vietnam)"): a place or a unit added by one source, weighed less. */
  aside: Set<string>;
  /** `tokens` joined by spaces: what the string measures compare. */
  core: string;
  /** Digits in the name ("Unit 4", "MXP5"): different numbers mean different sites. */
  numbers: string[];
  /** The same numbers as one string: compared once per candidate, so made once per record. */
  numberKey: string;
  /** The record's blocking keys, once made (match-index.ts). */
  keys?: string[];
  nickname: string | null;
  town: string | null;
  country: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  domain: string | null;
  /** The e-mail's domain unless a mail service: meets the other record's website. */
  mailDomain: string | null;
  registry: string | null;
}

/** Lower case, no accents, punctuation as spaces; "S.A." → "sa", "Co-op" → "coop", "&" → "and". */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bco-op/g, 'coop')
    // dotted abbreviations: s.a. / s/a / e.v. / c.v. / s.a.s. → one word
    .replace(/\b(?:[a-z][./]){1,3}[a-z]\b\.?/g, (m) => m.replace(/[./]/g, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words that join names and tell nothing apart ("Cooperativa *dos* Produtores *de* Leite"). */
const JOINING = new Set([
  'de', 'da', 'do', 'das', 'dos', 'del', 'la', 'las', 'los', 'el', 'le', 'les', 'des', 'du', 'd', 'l', 'y', 'e', 'et', 'and', 'of', 'the',
  'a', 'o', 'en', 'em', 'en', 'und', 'der', 'die',
]);

export function nameTokens(name: string): string[] {
  const words = foldText(name).split(' ').filter(Boolean);
  const { core } = withoutLegalForms(words);
  const meaningful = core.filter((w) => !JOINING.has(w));
  if (meaningful.length) return meaningful;
  return core.length ? core : words;
}

/**
 * An acronym the name itself carries: "Cooperativa dos Avicultores (COOPAVI)" or
 * "COOPAVI - Cooperativa dos Avicultores". Only from names not written all in capitals,
 * where a capitalised word means nothing.
 */
export function acronymInName(name: string): string | null {
  if (name === name.toUpperCase()) return null;
  const m = /\(([A-Z][A-Z0-9]{1,11})\)/.exec(name) ?? /^([A-Z][A-Z0-9]{1,11})\s+[-–—:]\s+\S/.exec(name) ?? /\S\s+[-–—]\s+([A-Z][A-Z0-9]{1,11})$/.exec(name);
  return m ? m[1] : null;
}

const foldOrNull = (s: string | null | undefined) => {
  const f = s ? foldText(s).replace(/ /g, '') : '';
  return f || null;
};

/** Digits only, without a leading international prefix or trunk 0; short numbers say nothing. */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^00/, '').replace(/^0+/, '');
  return digits.length >= 7 ? digits.slice(-9) : null;
}

/** Mail services and sites many unrelated enterprises share: the same one is no evidence. */
const SHARED_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.fr', 'outlook.com', 'live.com', 'yahoo.com', 'yahoo.fr', 'yahoo.com.br', 'yahoo.es',
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br', 'orange.fr', 'free.fr', 'wanadoo.fr', 'laposte.net', 'icloud.com', 'aol.com',
  'protonmail.com', 'gmx.de', 'web.de', 'btinternet.com', 'facebook.com', 'instagram.com', 'linkedin.com', 'twitter.com', 'x.com',
  'wordpress.com', 'blogspot.com', 'wixsite.com', 'google.com', 'sites.google.com', 'linktr.ee',
]);

export function domainKey(website: string | null | undefined): string | null {
  if (!website) return null;
  const host = website.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0].replace(/^www\d?\./, '');
  return host.includes('.') && !SHARED_DOMAINS.has(host) ? host : null;
}

export function emailKey(email: string | null | undefined): string | null {
  const e = email?.trim().toLowerCase();
  return e && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e) ? e : null;
}

// A Map, not an object: a name word like "constructor" must not find Object.prototype's.
const ROMAN = new Map(Object.entries({ ii: 2, iii: 3, iv: 4, vi: 6, vii: 7, viii: 8, ix: 9 }));

/** Unit and branch numbers, in digits or roman ("Unit 4", "MXP5", "Semarang II"); "i", "v", "x" are too often letters. */
export function numbersIn(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    // Each run of digits, without leading zeros; scanned by hand (a matchAll per word was a
    // tenth of the matcher's time in a 100,000-row import).
    for (let i = 0; i < t.length; i++) {
      if (!isDigit(t.charCodeAt(i))) continue;
      let j = i + 1;
      while (j < t.length && isDigit(t.charCodeAt(j))) j++;
      out.push(String(Number(t.slice(i, j))));
      i = j;
    }
    const roman = ROMAN.get(t);
    if (roman !== undefined) out.push(String(roman));
  }
  return out;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

export function prepare(record: MatchRecord): Prepared {
  const tokens = nameTokens(record.name);
  const bracketed = [...record.name.matchAll(/\(([^)]*)\)/g)].flatMap((m) => foldText(m[1]).split(' '));
  const aside = new Set(bracketed.filter((t) => t && tokens.includes(t) && tokens.length > 1));
  const nick = record.nickname ?? acronymInName(record.name);
  const email = emailKey(record.email);
  const emailDomain = email ? email.split('@')[1] : null;
  const numbers = numbersIn(tokens);
  return {
    record,
    tokens,
    aside,
    core: tokens.join(' '),
    numbers,
    numberKey: numbers.join(' '),
    nickname: foldOrNull(nick),
    town: record.locality ? foldText(record.locality) || null : null,
    country: countryKey(record.country),
    postcode: record.postcode ? record.postcode.toUpperCase().replace(/[^A-Z0-9]/g, '') || null : null,
    phone: phoneKey(record.phone),
    email,
    domain: domainKey(record.website),
    mailDomain: emailDomain && !SHARED_DOMAINS.has(emailDomain) ? emailDomain : null,
    registry: foldOrNull(record.registry),
  };
}
