/// <reference types="vite/client" />
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { declaredSets, inlineSets, languages, textsOf } from '../../../renderer/src/i18n/registry.ts';
import { catalogues } from '../../../renderer/src/i18n/catalogues.ts';
import { formatQuantity } from '../../../renderer/src/i18n/units.ts';
import { formatMessage, frenchTypography } from '../../../renderer/src/i18n/format.ts';
import { locales } from '../../../renderer/src/i18n/registry.ts';
import { argumentsOf, namespaceFor, scan } from '../../../scripts/extract-messages.ts';

// Every module of the renderer that defines messages registers them on import: load them all,
// so a message set added by anyone is checked without being listed here. The API client picks
// its transport from `window` when loaded: a bridge that refuses every call stands there, as
// these modules are only loaded for their messages, never rendered or called.
const modules = import.meta.glob(['../../../renderer/src/**/*.{ts,tsx}', '!**/main.tsx', '!**/*.worker.ts']);
beforeAll(async () => {
  vi.stubGlobal('window', { teia: { invoke: () => Promise.reject(new Error('not called')), onEvent: () => () => undefined } });
  for (const load of Object.values(modules)) await (load as () => Promise<unknown>)();
  vi.unstubAllGlobals();
});

const root = path.resolve(import.meta.dirname, '../../..');
/** Every key the code declares, with its arguments: "search.resultsFor" → ["q"]. */
const declared = () => new Map<string, string[]>(declaredSets.flatMap((s) => Object.entries(s.spec).map(([k, args]) => [`${s.namespace}.${k}`, [...args].sort()] as const)));

describe('message catalogues', () => {
  it('finds the message sets of the features', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(20);
    expect(declaredSets.length).toBeGreaterThan(25);
    expect(Object.keys(catalogues.en).length).toBeGreaterThan(900);
  });

  it('no message text is left inline in TypeScript (npm run i18n:extract moves it into the catalogues)', () => {
    const inSource = scan(root).inline.map((s) => `${s.file} (${s.varName})`);
    expect(inSource).toEqual([]);
    expect(inlineSets.map((s) => Object.keys(s.en).slice(0, 3).join(', '))).toEqual([]);
  });

  it('each set has its own namespace, and the script reads the same sets the app declares', () => {
    const names = declaredSets.map((s) => s.namespace);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(scan(root).declared.map((s) => s.namespace).sort()).toEqual([...names].sort());
  });

  it('each set sits at the namespace its place gives, so a set taken back inline in a merge is converted to the same ids', () => {
    const moved = scan(root).declared.filter((s) => namespaceFor(s.file, s.varName) !== s.namespace);
    expect(moved.map((s) => `${s.file} (${s.varName}): "${s.namespace}", its place gives "${namespaceFor(s.file, s.varName)}"`)).toEqual([]);
  });

  it('every language has every message, non-empty', () => {
    const missing: string[] = [];
    for (const id of declared().keys())
      for (const lang of languages) if (!catalogues[lang][id]?.trim()) missing.push(`${lang}.json: ${id}`);
    expect(missing).toEqual([]);
  });

  it('no catalogue holds a message no code declares', () => {
    const ids = declared();
    const unused = languages.flatMap((lang) => Object.keys(catalogues[lang]).filter((id) => !ids.has(id)).map((id) => `${lang}.json: ${id}`));
    expect(unused).toEqual([]);
  });

  it('every text parses as ICU and takes the arguments the code declares (as English does)', () => {
    const problems: string[] = [];
    for (const [id, args] of declared())
      for (const lang of languages) {
        const text = catalogues[lang][id];
        if (typeof text !== 'string') continue;
        let got: string[];
        try {
          // French is parsed as shown: after the formatter puts its narrow spaces in.
          got = argumentsOf(lang === 'fr' ? frenchTypography(text) : text, locales[lang]);
        } catch (e) {
          problems.push(`${lang}.json ${id}: does not parse (${(e as Error).message}): ${text}`);
          continue;
        }
        if (got.join(',') !== args.join(',')) problems.push(`${lang}.json ${id}: arguments {${got.join(',')}} but the code declares {${args.join(',')}}`);
        // An ASCII apostrophe before a brace starts ICU quoting and silently hides the placeholder.
        if (/'[{}#]/.test(text)) problems.push(`${lang}.json ${id}: apostrophe quotes a brace: ${text}`);
      }
    expect(problems).toEqual([]);
  });

  it('a count that can be one is a plural, in every language', () => {
    // "{count} enterprises" reads "1 enterprises": a count placeholder beside a counted noun
    // must be an ICU plural. Checked on English, the reference. A message whose set gives the
    // singular under its own key (`lead` beside `leadOne`, `many` beside `one`), chosen by the
    // caller, is left alone.
    const bare: string[] = [];
    for (const set of declaredSets)
      for (const key of Object.keys(set.spec)) {
        const en = catalogues.en[`${set.namespace}.${key}`] ?? '';
        const singular = `${key}One` in set.spec || (key === 'many' && 'one' in set.spec);
        if (!singular && /\{(count|n)\} (enterprises|products|changes|flows|links|rows|communities|suppliers|members|points|offers)/.test(en)) bare.push(`${set.namespace}.${key}: ${en}`);
      }
    expect(bare).toEqual([]);
  });
});

describe('catalogue lookup', () => {
  it('falls back to English for a text a language lacks, and to the id when English lacks it too', () => {
    const from = { en: { 'x.a': 'A', 'x.b': 'B' }, es: { 'x.a': 'Á' }, pt: {}, fr: { 'x.b': 'Bé' } };
    const m = textsOf('x', ['a', 'b', 'c'], from);
    expect(m.es).toEqual({ a: 'Á', b: 'B', c: 'x.c' });
    expect(m.pt).toEqual({ a: 'A', b: 'B', c: 'x.c' });
    expect(m.fr.b).toBe('Bé');
  });
});

describe('formatMessage', () => {
  const m = '{count, plural, one {# enterprise} other {# enterprises}}';
  it('follows CLDR plural rules per language', () => {
    expect(formatMessage(m, locales.en, { count: 1 })).toBe('1 enterprise');
    expect(formatMessage(m, locales.en, { count: 2388 })).toBe('2,388 enterprises');
    // French: 0 and 1 are both singular; numbers grouped with a narrow no-break space.
    expect(formatMessage('{count, plural, one {# entreprise} other {# entreprises}}', locales.fr, { count: 0 })).toBe('0 entreprise');
    expect(formatMessage('{count, plural, one {# entreprise} other {# entreprises}}', locales.fr, { count: 2388 })).toBe('2\u202F388 entreprises');
    // Spanish groups 4-digit numbers too, so a column reads one way.
    expect(formatMessage('{count, plural, one {# emprendimiento} other {# emprendimientos}}', locales.es, { count: 2388 })).toBe('2.388 emprendimientos');
    expect(formatMessage('{count, plural, one {# empreendimento} other {# empreendimentos}}', locales.pt, { count: 1 })).toBe('1 empreendimento');
  });

  it('gives French its narrow no-break space before : ; ! ? % and inside « »', () => {
    expect(formatMessage('Statut : {s}', locales.fr, { s: 'actif' })).toBe('Statut\u202F: actif');
    expect(formatMessage('Rien ne correspond à « {q} ».', locales.fr, { q: 'x' })).toBe('Rien ne correspond à «\u202Fx\u202F».');
    expect(formatMessage('Supprimer ?', locales.fr)).toBe('Supprimer\u202F?');
    // English and names filled in are left alone.
    expect(formatMessage('Status: {s}', locales.en, { s: 'a : b' })).toBe('Status: a : b');
    expect(formatMessage('{s}', locales.fr, { s: 'a : b' })).toBe('a : b');
  });

  it('does not blank a message that lacks a value', () => {
    expect(formatMessage('Hello {name}', locales.en, {})).toBe('Hello {name}');
  });
});

describe('formatQuantity', () => {
  it('translates and pluralises units, rounding raw floats', () => {
    expect(formatQuantity('en', 200, 'hour')).toBe('200 hours');
    expect(formatQuantity('en', 1, 'hour')).toBe('1 hour');
    expect(formatQuantity('pt', 200, 'hour')).toBe('200 horas');
    expect(formatQuantity('es', 1, 'unit')).toBe('1 unidad');
    expect(formatQuantity('fr', 1.5, 'hours')).toBe('1,5 heure');
    expect(formatQuantity('fr', 3, 'unit')).toBe('3 unités');
    expect(formatQuantity('pt', 1200, 'kg')).toBe('1.200 kg');
    expect(formatQuantity('es', 0.6833333333333335, 'kg')).toBe('0,68 kg');
    // A unit no one listed shows as the catalogue wrote it.
    expect(formatQuantity('en', 3, 'sack of 60 kg')).toBe('3 sack of 60 kg');
    expect(formatQuantity('en', 3, null)).toBe('3');
  });
});
