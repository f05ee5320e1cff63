import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract, namespaceFor, readSets, type Options } from '../../../scripts/extract-messages.ts';

// The conversion script on a small repository in a temp folder: what the lead runs after
// merging branches that still add messages inline.
let root: string;
const file = 'renderer/src/features/demo/messages.ts';
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
const catalogue = (lang: string) => JSON.parse(read(`renderer/src/i18n/locales/${lang}.json`)) as Record<string, string>;
const run = (opts: Partial<Options> = {}) => {
  const lines: string[] = [];
  const outcome = extract({ root, log: (l) => lines.push(l), ...opts });
  return { ...outcome, lines };
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** An inline set the way features write them today. */
function inline(texts: { en: Record<string, string>; es: Record<string, string>; pt: Record<string, string>; fr: Record<string, string> }, extra = '') {
  const body = (o: Record<string, string>) => Object.entries(o).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');
  return `import { defineMessages } from '../../i18n/index.tsx';\n${extra}\nexport const demoMessages = defineMessages({\n  en: { ${body(texts.en)} },\n  es: { ${body(texts.es)} },\n  pt: { ${body(texts.pt)} },\n  fr: { ${body(texts.fr)} },\n});\n\nexport const other = 1;\n`;
}
const first = {
  en: { title: 'Find', count: '{n, plural, one {# product} other {# products}}' },
  es: { title: 'Buscar', count: '{n, plural, one {# producto} other {# productos}}' },
  pt: { title: 'Buscar', count: '{n, plural, one {# produto} other {# produtos}}' },
  fr: { title: 'Chercher', count: '{n, plural, one {# produit} other {# produits}}' },
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'teia-extract-'));
  write(file, inline(first));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run i18n:extract', () => {
  it('names a set from its place: folder, file and variable', () => {
    expect(namespaceFor('renderer/src/features/search/messages.ts', 'searchMessages')).toBe('search');
    expect(namespaceFor('renderer/src/features/currencies/messages.ts', 'currencyMessages')).toBe('currencies');
    expect(namespaceFor('renderer/src/features/import/messages.ts', 'fieldMessages')).toBe('import.field');
    expect(namespaceFor('renderer/src/features/network/unvalued-messages.ts', 'unvaluedMessages')).toBe('network.unvalued');
    expect(namespaceFor('renderer/src/components/EmptyCatalogue.tsx', 'messages')).toBe('components.emptyCatalogue');
  });

  it('moves inline texts into one catalogue per language and leaves keys and arguments in TypeScript', () => {
    const out = run();
    expect(out.converted).toEqual(['demo']);
    expect(catalogue('en')).toEqual({ 'demo.count': first.en.count, 'demo.title': 'Find' });
    expect(catalogue('fr')['demo.title']).toBe('Chercher');
    const ts = read(file);
    expect(ts).toContain("defineMessages('demo', {\n  title: [],\n  count: ['n'],\n})");
    expect(ts).not.toContain('Chercher');
    expect(ts).toContain('export const other = 1;'); // the rest of the file is untouched
    expect(readSets(file, ts).declared).toEqual([{ file, varName: 'demoMessages', namespace: 'demo', spec: { title: [], count: ['n'] } }]);
  });

  it('changes nothing when run again', () => {
    run();
    const before = ['en', 'es', 'pt', 'fr'].map(catalogue);
    const ts = read(file);
    const again = run();
    expect(again.converted).toEqual([]);
    expect(again.filesChanged).toEqual([]);
    expect(read(file)).toBe(ts);
    expect(['en', 'es', 'pt', 'fr'].map(catalogue)).toEqual(before);
  });

  it('reads texts built by file-level helpers, and leaves a set it cannot read for a person', () => {
    write('renderer/src/features/units/messages.ts', `import { defineMessages } from '../../i18n/index.tsx';
const P = (one: string, other: string) => \`{n, plural, one {# \${one}} other {# \${other}}}\`;
const KG = 'kg';
export const unitMessages = defineMessages({ en: { hour: P('hour', 'hours'), kg: '{n, number} ' + KG }, es: { hour: P('hora', 'horas'), kg: '{n, number} kg' }, pt: { hour: P('hora', 'horas'), kg: '{n, number} kg' }, fr: { hour: P('heure', 'heures'), kg: '{n, number} kg' } });
`);
    write('renderer/src/features/odd/messages.ts', `import { defineMessages } from '../../i18n/index.tsx';
import { words } from './words.ts';
export const oddMessages = defineMessages({ en: { a: words.a }, es: { a: 'a' }, pt: { a: 'a' }, fr: { a: 'a' } });
`);
    const out = run();
    expect(out.converted.sort()).toEqual(['demo', 'units']);
    expect(catalogue('fr')['units.hour']).toBe('{n, plural, one {# heure} other {# heures}}');
    expect(catalogue('en')['units.kg']).toBe('{n, number} kg');
    expect(out.left).toHaveLength(1);
    expect(out.left[0]).toMatch(/features\/odd\/messages\.ts.*not plain strings/);
    expect(read('renderer/src/features/odd/messages.ts')).toContain("en: { a: words.a }");
  });

  it('after a merge, adds a branch’s new inline keys and keeps keys an earlier branch added', () => {
    run();
    // An earlier branch's key, already converted.
    const cat = (lang: string, id: string, text: string) => {
      const c = catalogue(lang);
      c[id] = text;
      write(`renderer/src/i18n/locales/${lang}.json`, `${JSON.stringify(c, null, 2)}\n`);
    };
    for (const lang of ['en', 'es', 'pt', 'fr']) cat(lang, 'demo.earlier', `Earlier {place} ${lang}`);
    // The incoming branch's version of the file: the old inline set plus its own key.
    const theirs = structuredClone(first) as typeof first & Record<string, Record<string, string>>;
    for (const lang of ['en', 'es', 'pt', 'fr'] as const) (theirs[lang] as Record<string, string>).fresh = `Fresh ${lang}`;
    write(file, inline(theirs));
    const out = run();
    expect(out.converted).toEqual(['demo']);
    expect(out.added).toBe(4);
    expect(catalogue('pt')['demo.fresh']).toBe('Fresh pt');
    expect(catalogue('pt')['demo.earlier']).toBe('Earlier {place} pt');
    expect(out.lines.join('\n')).toMatch(/kept 1 catalogue text.*demo\.earlier/);
    expect(readSets(file, read(file)).declared[0].spec).toEqual({ title: [], count: ['n'], fresh: [], earlier: ['place'] });
  });

  it('never replaces a catalogue text silently: a differing inline text leaves the set inline until someone chooses', () => {
    run();
    const changed = structuredClone(first);
    changed.fr.title = 'Trouver';
    write(file, inline(changed));
    const out = run();
    expect(out.converted).toEqual([]);
    expect(out.left[0]).toMatch(/fr demo\.title\n\s+catalogue: Chercher\n\s+inline:\s+Trouver/);
    expect(catalogue('fr')['demo.title']).toBe('Chercher');
    expect(read(file)).toContain('Trouver');

    const taken = run({ prefer: 'inline' });
    expect(taken.replaced).toEqual(['fr:demo.title']);
    expect(taken.lines.join('\n')).toContain("replaced the catalogue's fr demo.title");
    expect(catalogue('fr')['demo.title']).toBe('Trouver');
    expect(read(file)).not.toContain('Trouver');
  });

  it('with a merge base, takes the side that changed a text and keeps the other', () => {
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    run();
    // Main changed es.title in the catalogue since; the branch changed fr.title inline.
    const es = catalogue('es');
    es['demo.title'] = 'Encontrar';
    write('renderer/src/i18n/locales/es.json', `${JSON.stringify(es, null, 2)}\n`);
    const theirs = structuredClone(first);
    theirs.fr.title = 'Trouver';
    write(file, inline(theirs));
    const out = run({ base });
    expect(out.left).toEqual([]);
    expect(catalogue('fr')['demo.title']).toBe('Trouver'); // the branch's change
    expect(catalogue('es')['demo.title']).toBe('Encontrar'); // main's change, not the branch's stale text
    expect(out.lines.join('\n')).toMatch(/kept the catalogue's es demo\.title.*older/);
  });

  it('with a merge base, drops a key the branch removed and keeps one an earlier merge added', () => {
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    run();
    for (const lang of ['en', 'es', 'pt', 'fr']) {
      const c = catalogue(lang);
      c['demo.earlier'] = `Earlier ${lang}`;
      write(`renderer/src/i18n/locales/${lang}.json`, `${JSON.stringify(c, null, 2)}\n`);
    }
    // The branch removed `count` from its inline copy.
    const theirs = structuredClone(first) as Record<string, Record<string, string>>;
    for (const lang of ['en', 'es', 'pt', 'fr']) delete theirs[lang].count;
    write(file, inline(theirs as typeof first));
    const out = run({ base });
    expect(out.dropped).toEqual(['demo.count']);
    expect(Object.keys(catalogue('fr')).sort()).toEqual(['demo.earlier', 'demo.title']);
    expect(readSets(file, read(file)).declared[0].spec).toEqual({ title: [], earlier: [] });
    expect(out.lines.join('\n')).toMatch(/dropped 1 catalogue text.*demo\.count/);
  });
});
