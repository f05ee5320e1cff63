/**
 * `npm run i18n:extract`: moves message texts written inline in TypeScript
 *
 *     export const searchMessages = defineMessages({ en: { title: 'Find' }, es: {...}, pt: {...}, fr: {...} });
 *
 * into the catalogues (renderer/src/i18n/locales/<lang>.json, flat "namespace.key" ids) and
 * rewrites the TypeScript to the catalogue form, which keeps the keys and argument names:
 *
 *     export const searchMessages = defineMessages('search', { title: [] });
 *
 * Re-runnable: a run with nothing inline changes nothing (beyond sorting a catalogue someone
 * edited out of order). A text already in a catalogue is
 * never replaced silently: when the inline text differs, the set is left inline and the
 * difference printed, unless a merge base tells which side changed (`--base REF`, found by
 * itself during a merge) or `--prefer inline|catalogue` says which wins; every replacement is
 * printed. Keys the catalogues hold for a namespace but its inline set lacks are dropped when
 * the merge base had them (the branch removed them), else kept and declared (a branch merged
 * earlier added them); each is printed.
 *
 *     node bin/tsx.mjs scripts/extract-messages.ts [--check] [--base REF] [--prefer inline|catalogue] [--root DIR]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { IntlMessageFormat } from 'intl-messageformat';

export const languages = ['en', 'es', 'pt', 'fr'] as const;
export type Lang = (typeof languages)[number];
export const sourceDir = 'renderer/src';
export const localesDir = 'renderer/src/i18n/locales';

export type Texts = Record<Lang, Record<string, string>>;

/** A `defineMessages({...})` call with its texts inline. */
export interface InlineSet {
  file: string; // relative to the root, with forward slashes
  varName: string;
  namespace: string;
  /** Where the call's argument list starts and ends in the file (what the rewrite replaces). */
  start: number;
  end: number;
  texts?: Texts;
  /** Why its texts could not be read without running code (then it is left for a person). */
  unreadable?: string;
}

/** A `defineMessages('ns', { key: ['arg'] })` call: the catalogue form. */
export interface DeclaredSet {
  file: string;
  varName: string;
  namespace: string;
  spec: Record<string, string[]>;
}

// ---------------------------------------------------------------------------------------------
// Reading TypeScript

/**
 * The namespace an inline set gets, from where it is: features/search/messages.ts
 * `searchMessages` → "search", features/import/messages.ts `fieldMessages` → "import.field",
 * components/SolidarityBadge.tsx `messages` → "components.solidarityBadge". The same place
 * always gives the same name, so a set converted again after a merge lands where it was.
 */
export function namespaceFor(file: string, varName: string): string {
  const rel = path.posix.relative(sourceDir, file).replace(/\.(tsx?|mts)$/, '');
  const parts = rel.split('/');
  if (parts[0] === 'features') parts.shift();
  const stem = parts.pop() ?? '';
  const camel = (s: string) => s.replace(/[-_]+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase());
  const fromVar = varName.replace(/Messages$/, '');
  const fromStem = stem.replace(/[-_]?[mM]essages$/, '');
  const name = camel(fromVar && fromVar !== 'messages' ? fromVar : fromStem || stem);
  // features/chains `chainMessages`, features/currencies `currencyMessages`: the folder's name.
  const singular = (w: string) => w.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  const last = parts[parts.length - 1];
  if (last && singular(last) === singular(name)) return parts.join('.');
  return [...parts, name].filter(Boolean).join('.');
}

function propName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

type Scope = Map<string, ts.Expression | string>;

/**
 * A string the code spells out: literals, templates and `+` of them, file-level consts, and
 * calls of file-level arrow functions that build one (`const P = (one, other) => \`...\``).
 */
function evaluate(node: ts.Expression, scope: Scope, depth = 0): string {
  if (depth > 40) throw new Error('too deep');
  const ev = (n: ts.Expression) => evaluate(n, scope, depth + 1);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return ev(node.expression);
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => ev(s.expression) + s.literal.text).join('');
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return ev(node.left) + ev(node.right);
  if (ts.isIdentifier(node) && scope.has(node.text)) {
    const v = scope.get(node.text)!;
    return typeof v === 'string' ? v : ev(v);
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const fn = scope.get(node.expression.text);
    if (fn && typeof fn !== 'string' && ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) {
      const inner: Scope = new Map(scope);
      fn.parameters.forEach((p, i) => {
        if (!ts.isIdentifier(p.name)) throw new Error('a destructured parameter');
        const a = node.arguments[i] ?? p.initializer;
        if (!a) throw new Error(`no value for ${p.name.text}`);
        inner.set(p.name.text, ev(a));
      });
      return evaluate(fn.body, inner, depth + 1);
    }
  }
  throw new Error(`not a plain string: ${node.getText().slice(0, 60)}`);
}

function varNameOf(call: ts.CallExpression): string {
  const decl = call.parent;
  return ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) ? decl.name.text : 'messages';
}

function isDefineMessages(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineMessages';
}

/** The message sets of one source file, in either form. */
export function readSets(file: string, source: string): { inline: InlineSet[]; declared: DeclaredSet[] } {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const consts: Scope = new Map();
  for (const st of sf.statements)
    if (ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const)
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
  const inline: InlineSet[] = [];
  const declared: DeclaredSet[] = [];
  const visit = (node: ts.Node) => {
    if (isDefineMessages(node)) {
      const [first, second] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        const spec: Record<string, string[]> = {};
        if (second && ts.isObjectLiteralExpression(second))
          for (const p of second.properties) {
            if (!ts.isPropertyAssignment(p) || !ts.isArrayLiteralExpression(p.initializer)) continue;
            const key = propName(p.name);
            if (key !== undefined) spec[key] = p.initializer.elements.filter(ts.isStringLiteral).map((e) => e.text);
          }
        declared.push({ file, varName: varNameOf(node), namespace: first.text, spec });
      } else if (first && ts.isObjectLiteralExpression(first)) {
        const varName = varNameOf(node);
        const set: InlineSet = { file, varName, namespace: namespaceFor(file, varName), start: first.getStart(sf), end: first.getEnd() };
        try {
          const texts = {} as Texts;
          for (const p of first.properties) {
            const lang = ts.isPropertyAssignment(p) ? propName(p.name) : undefined;
            if (!lang || !(languages as readonly string[]).includes(lang) || !ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer))
              throw new Error(`unexpected entry ${p.getText().slice(0, 40)}`);
            const out: Record<string, string> = {};
            for (const m of p.initializer.properties) {
              const key = ts.isPropertyAssignment(m) ? propName(m.name) : undefined;
              if (key === undefined || !ts.isPropertyAssignment(m)) throw new Error(`unexpected entry ${m.getText().slice(0, 40)}`);
              if (key.includes('.')) throw new Error(`key "${key}" has a dot, which catalogue ids use between namespace and key`);
              out[key] = evaluate(m.initializer, consts);
            }
            texts[lang as Lang] = out;
          }
          if (!texts.en) throw new Error('no English texts');
          for (const lang of languages) texts[lang] ??= {};
          set.texts = texts;
        } catch (e) {
          set.unreadable = (e as Error).message;
        }
        inline.push(set);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { inline, declared };
}

export function sourceFiles(root: string, dir = sourceDir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out.sort();
}

/** Every message set in the renderer's sources. */
export function scan(root: string): { inline: InlineSet[]; declared: DeclaredSet[] } {
  const inline: InlineSet[] = [];
  const declared: DeclaredSet[] = [];
  for (const file of sourceFiles(root)) {
    const source = readFileSync(path.join(root, file), 'utf8');
    if (!source.includes('defineMessages')) continue;
    const sets = readSets(file, source);
    inline.push(...sets.inline);
    declared.push(...sets.declared);
  }
  return { inline, declared };
}

// ---------------------------------------------------------------------------------------------
// ICU

interface Element { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] }
const ARGUMENT = new Set([1, 2, 3, 4, 5, 6]); // argument, number, date, time, select, plural

/** The argument names of an ICU message, sorted (throws if it does not parse). */
export function argumentsOf(text: string, locale = 'en'): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      if (ARGUMENT.has(el.type) && typeof el.value === 'string') names.add(el.value);
      for (const opt of Object.values(el.options ?? {})) walk(opt.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(text, locale).getAst() as unknown as Element[]);
  return [...names].sort();
}

// ---------------------------------------------------------------------------------------------
// Catalogues

export type Catalogues = Record<Lang, Record<string, string>>;

export function readCatalogues(root: string): Catalogues {
  const out = {} as Catalogues;
  for (const lang of languages) {
    const file = path.join(root, localesDir, `${lang}.json`);
    out[lang] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  }
  return out;
}

/** Sorted by id (code units, so every machine writes the same file), two-space indented. */
export function catalogueText(entries: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** The ids of the catalogues that belong to `namespace` and to no longer namespace known. */
function idsOf(namespace: string, ids: Iterable<string>, known: Set<string>): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (!id.startsWith(`${namespace}.`) || id.slice(namespace.length + 1).includes('.')) continue;
    const owner = [...known].filter((ns) => id.startsWith(`${ns}.`)).sort((a, b) => b.length - a.length)[0];
    if (owner === namespace) out.push(id);
  }
  return out;
}

const jsKey = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);

/** The catalogue form of a set's call arguments, indented like the line the call is on. */
export function specText(namespace: string, spec: Record<string, string[]>, indent: string): string {
  const lines = Object.entries(spec).map(([k, args]) => `${indent}  ${jsKey(k)}: [${args.map((a) => `'${a}'`).join(', ')}],`);
  return `'${namespace}', {\n${lines.join('\n')}\n${indent}}`;
}

// ---------------------------------------------------------------------------------------------
// The conversion

export interface Options {
  root: string;
  check?: boolean;
  prefer?: 'inline' | 'catalogue';
  /** A git revision where the inline sets had their texts before either side changed them. */
  base?: string;
  log?: (line: string) => void;
}

export interface Outcome {
  converted: string[]; // namespaces moved into the catalogues
  added: number; // texts written to the catalogues
  replaced: string[]; // lang:id whose catalogue text was replaced
  dropped: string[]; // ids the branch removed from a set since the base
  left: string[]; // sets left inline, with why
  filesChanged: string[];
}

function baseTexts(root: string, base: string | undefined, set: InlineSet): Texts | undefined {
  if (!base) return undefined;
  try {
    const source = execFileSync('git', ['show', `${base}:${set.file}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return readSets(set.file, source).inline.find((s) => s.varName === set.varName)?.texts;
  } catch {
    return undefined; // the file is new since the base
  }
}

/** A merge in progress gives the base by itself: where the two sides parted. */
export function mergeBase(root: string): string | undefined {
  try {
    execFileSync('git', ['rev-parse', '-q', '--verify', 'MERGE_HEAD'], { cwd: root, stdio: 'ignore' });
    return execFileSync('git', ['merge-base', 'HEAD', 'MERGE_HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

export function extract(opts: Options): Outcome {
  const { root } = opts;
  const log = opts.log ?? ((l: string) => console.log(l));
  const { inline, declared } = scan(root);
  const catalogues = readCatalogues(root);
  const outcome: Outcome = { converted: [], added: 0, replaced: [], dropped: [], left: [], filesChanged: [] };
  const known = new Set([...declared.map((d) => d.namespace), ...inline.map((s) => s.namespace)]);
  const edits = new Map<string, { start: number; end: number; text: string }[]>();

  for (const set of inline) {
    const where = `${set.file} (${set.varName})`;
    const leave = (why: string) => {
      outcome.left.push(`${where}: ${why}`);
      log(`left inline: ${where}: ${why}`);
    };
    if (!set.texts) {
      leave(`its texts are not plain strings (${set.unreadable}); convert it by hand`);
      continue;
    }
    const elsewhere = declared.find((d) => d.namespace === set.namespace && d.file !== set.file);
    const twice = inline.filter((s) => s.namespace === set.namespace).length > 1;
    if (elsewhere || twice) {
      leave(`its namespace "${set.namespace}" is taken${elsewhere ? ` by ${elsewhere.file}` : ' by another inline set'}; rename the variable`);
      continue;
    }
    let enArgs: Record<string, string[]>;
    try {
      enArgs = Object.fromEntries(Object.entries(set.texts.en).map(([k, t]) => [k, argumentsOf(t)]));
    } catch (e) {
      leave(`an English text does not parse as ICU (${(e as Error).message})`);
      continue;
    }
    const base = baseTexts(root, opts.base, set);
    const writes: { lang: Lang; id: string; text: string; replacing?: string }[] = [];
    const conflicts: string[] = [];
    for (const lang of languages)
      for (const [key, text] of Object.entries(set.texts[lang])) {
        const id = `${set.namespace}.${key}`;
        const current = catalogues[lang][id];
        if (current === undefined) writes.push({ lang, id, text });
        else if (current !== text) {
          const was = base?.[lang]?.[key];
          const choice = opts.prefer ?? (was === text ? 'catalogue' : was === current ? 'inline' : undefined);
          if (choice === 'inline') writes.push({ lang, id, text, replacing: current });
          else if (choice === 'catalogue') log(`kept the catalogue's ${lang} ${id}: "${current}" (the inline "${text}" is dropped${opts.prefer ? '' : '; it is the older one'})`);
          else conflicts.push(`  ${lang} ${id}\n    catalogue: ${current}\n    inline:    ${text}`);
        }
      }
    if (conflicts.length) {
      leave(`its texts differ from the catalogues':\n${conflicts.join('\n')}\n  Re-run with --prefer inline or --prefer catalogue (or --base REF, where neither had changed), or edit one side.`);
      continue;
    }
    // Keys the catalogues hold under this namespace that the inline set lacks: the branch
    // removed them if the base had them (dropped, said), else an earlier merge added them (kept,
    // declared again).
    const spec: Record<string, string[]> = { ...enArgs };
    const kept: string[] = [];
    const dropped: string[] = [];
    for (const id of idsOf(set.namespace, Object.keys(catalogues.en), known)) {
      const key = id.slice(set.namespace.length + 1);
      if (key in spec) continue;
      if (base && Object.hasOwn(base.en, key)) {
        dropped.push(id);
        continue;
      }
      try {
        spec[key] = argumentsOf(catalogues.en[id]);
      } catch {
        spec[key] = [];
      }
      kept.push(id);
    }
    if (dropped.length) log(`dropped ${dropped.length} catalogue text(s) of "${set.namespace}" in every language: the merge base had them and the inline set no longer does: ${dropped.join(', ')}`);
    if (kept.length) log(`kept ${kept.length} catalogue text(s) of "${set.namespace}" that its inline set does not have (declared again; delete them from the catalogues and the TypeScript if they are meant to go): ${kept.join(', ')}`);
    for (const id of dropped) for (const lang of languages) delete catalogues[lang][id];
    outcome.dropped.push(...dropped);
    for (const w of writes) {
      catalogues[w.lang][w.id] = w.text;
      if (w.replacing !== undefined) {
        outcome.replaced.push(`${w.lang}:${w.id}`);
        log(`replaced the catalogue's ${w.lang} ${w.id}: "${w.replacing}" → "${w.text}"`);
      }
    }
    outcome.added += writes.filter((w) => w.replacing === undefined).length;
    outcome.converted.push(set.namespace);
    const source = readFileSync(path.join(root, set.file), 'utf8');
    const lineStart = source.lastIndexOf('\n', set.start) + 1;
    const indent = /^\s*/.exec(source.slice(lineStart))![0];
    const list = edits.get(set.file) ?? [];
    list.push({ start: set.start, end: set.end, text: specText(set.namespace, spec, indent) });
    edits.set(set.file, list);
  }

  if (opts.check) return outcome;
  for (const [file, list] of edits) {
    let source = readFileSync(path.join(root, file), 'utf8');
    for (const e of [...list].sort((a, b) => b.start - a.start)) source = source.slice(0, e.start) + e.text + source.slice(e.end);
    writeFileSync(path.join(root, file), source);
    outcome.filesChanged.push(file);
  }
  // Written sorted even when nothing was converted: a text a translator added anywhere finds its place.
  for (const lang of languages) {
    const file = path.join(root, localesDir, `${lang}.json`);
    const text = catalogueText(catalogues[lang]);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      outcome.filesChanged.push(`${localesDir}/${lang}.json`);
    }
  }
  return outcome;
}

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const prefer = arg('--prefer');
  if (prefer !== undefined && prefer !== 'inline' && prefer !== 'catalogue') {
    console.error('--prefer takes "inline" or "catalogue"');
    return 2;
  }
  const root = path.resolve(arg('--root') ?? '.');
  const base = arg('--base') ?? mergeBase(root);
  if (base) console.log(`merge base for texts both sides had: ${base}`);
  const out = extract({ root, check: argv.includes('--check'), prefer, base });
  console.log(
    `${out.converted.length} inline set(s) ${argv.includes('--check') ? 'to convert' : 'converted'}, ${out.added} text(s) added, ${out.replaced.length} replaced, ${out.dropped.length} dropped, ${out.left.length} left inline.` +
      (out.filesChanged.length ? `\nChanged: ${out.filesChanged.join(', ')}` : ''),
  );
  if (argv.includes('--check')) return out.converted.length || out.left.length ? 1 : 0;
  return out.left.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
