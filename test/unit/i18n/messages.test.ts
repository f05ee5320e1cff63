/// <reference types="vite/client" />
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { definedMessages, languages, locales } from '../../../renderer/src/i18n/registry.ts';
import { formatQuantity } from '../../../renderer/src/i18n/units.ts';
import { formatMessage } from '../../../renderer/src/i18n/format.ts';

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

/** ICU's element kinds (intl-messageformat's AST): which carry an argument name, which nest. */
interface Element { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] }
const ARGUMENT = new Set([1, 2, 3, 4, 5, 6]); // argument, number, date, time, select, plural

function argumentsOf(elements: Element[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (ARGUMENT.has(el.type) && typeof el.value === 'string') into.add(el.value);
    for (const opt of Object.values(el.options ?? {})) argumentsOf(opt.value, into);
    if (el.children) argumentsOf(el.children, into);
  }
  return into;
}

const parse = (text: string) => new IntlMessageFormat(text, 'en').getAst() as unknown as Element[];

describe('message catalogues', () => {
  it('finds the message sets of the features', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(20);
    expect(definedMessages.length).toBeGreaterThan(10);
  });

  it('every language has every message, non-empty, parsing as ICU with the same arguments as English', () => {
    const problems: string[] = [];
    for (const set of definedMessages) {
      for (const [key, en] of Object.entries(set.en)) {
        const enArgs = [...argumentsOf(parse(en))].sort().join(',');
        for (const lang of languages) {
          const text = set[lang][key];
          if (typeof text !== 'string' || !text.trim()) {
            problems.push(`${lang}.${key}: missing`);
            continue;
          }
          let args: string;
          try {
            args = [...argumentsOf(parse(text))].sort().join(',');
          } catch (e) {
            problems.push(`${lang}.${key}: does not parse (${(e as Error).message}): ${text}`);
            continue;
          }
          if (args !== enArgs) problems.push(`${lang}.${key}: arguments {${args}} but English has {${enArgs}}`);
          // An ASCII apostrophe before a brace starts ICU quoting and silently hides the placeholder.
          if (/'[{}#]/.test(text)) problems.push(`${lang}.${key}: apostrophe quotes a brace: ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('a count that can be one is a plural, in every language', () => {
    // "{count} enterprises" reads "1 enterprises": a count placeholder beside a counted noun
    // must be an ICU plural. Checked on English, the reference. A message whose set gives the
    // singular under its own key (`lead` beside `leadOne`, `many` beside `one`), chosen by the
    // caller, is left alone.
    const bare: string[] = [];
    for (const set of definedMessages)
      for (const [key, en] of Object.entries(set.en)) {
        const singular = `${key}One` in set.en || (key === 'many' && 'one' in set.en);
        if (!singular && /\{(count|n)\} (enterprises|products|changes|flows|links|rows|communities|suppliers|members|points|offers)/.test(en)) bare.push(`${key}: ${en}`);
      }
    expect(bare).toEqual([]);
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
