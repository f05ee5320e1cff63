import countries from 'i18n-iso-countries';
import * as fuzz from 'fuzzball';

/**
 * Country values as people type them → ISO 3166-1 alpha-2, from i18n-iso-countries' names in
 * the four UI languages (its Node entry registers every locale): codes ("br", "BRA"), names in
 * any of them ("Brasil", "Cameroun", "Brésil"), with "the"/"of"/"de"… ignored ("Democratic
 * Republic of Congo"), and a one- or two-letter slip ("Rawanda", "…Congol") by edit distance
 * when one country is clearly closest. A name two countries share ("Congo" in English) and
 * anything else stays undecided: the caller keeps what was typed and reports it.
 */
const LANGS = ['en', 'es', 'pt', 'fr'] as const;
const STOP = new Set(['the', 'of', 'and', 'de', 'del', 'du', 'des', 'do', 'da', 'dos', 'das', 'la', 'le', 'les', 'el', 'los', 'las', 'et', 'y', 'e']);

/** Names the data package lacks that directories use. */
const ALIASES: Record<string, string> = {
  uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  usa: 'US', 'u s a': 'US', 'estados unidos': 'US', holland: 'NL', drc: 'CD', rdc: 'CD', 'rd congo': 'CD',
  'congo kinshasa': 'CD', 'congo brazzaville': 'CG', 'ivory coast': 'CI', 'cote ivoire': 'CI', 'costa marfim': 'CI',
};

function key(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !STOP.has(w))
    .join(' ');
}

let names: Map<string, Set<string>> | undefined;
/** Every name (and alias) of every country in the four languages → the codes it names. */
function nameIndex(): Map<string, Set<string>> {
  if (names) return names;
  names = new Map();
  const add = (name: string, code: string) => {
    const k = key(name);
    if (!k) return;
    let codes = names!.get(k);
    if (!codes) names!.set(k, (codes = new Set()));
    codes.add(code);
  };
  for (const lang of LANGS) {
    for (const [code, value] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const n of Array.isArray(value) ? value : [value]) add(n, code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) add(alias, code);
  return names;
}

const cache = new Map<string, string | null>();

/** The alpha-2 code of a typed country, or undefined when it cannot be told. */
export function countryCode(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  let code = cache.get(v);
  if (code === undefined) {
    code = resolve(v) ?? null;
    if (cache.size < 10_000) cache.set(v, code);
  }
  return code ?? undefined;
}

function resolve(v: string): string | undefined {
  if (/^[a-z]{2}$/i.test(v)) {
    const up = v.toUpperCase();
    if (up === 'UK') return 'GB';
    return countries.isValid(up) ? up : undefined;
  }
  if (/^[a-z]{3}$/i.test(v)) {
    const two = countries.alpha3ToAlpha2(v.toUpperCase());
    if (two) return two;
  }
  const k = key(v);
  if (!k) return undefined;
  const index = nameIndex();
  const exact = index.get(k);
  if (exact) return exact.size === 1 ? [...exact][0] : undefined;
  // A slip of a letter or two: the closest name, if it is close and names one country only.
  let best = 0;
  let bestCodes = new Set<string>();
  for (const [name, codes] of index) {
    if (Math.abs(name.length - k.length) > 3) continue;
    const score = fuzz.ratio(k, name, { full_process: false });
    if (score > best) {
      best = score;
      bestCodes = new Set(codes);
    } else if (score === best) for (const c of codes) bestCodes.add(c);
  }
  const threshold = k.length <= 6 ? 85 : 90;
  return best >= threshold && bestCodes.size === 1 ? [...bestCodes][0] : undefined;
}
