import type { z } from 'zod';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import {
  currencySchema,
  enterpriseSchema,
  flowSchema,
  needSchema,
  networkSchema,
  offerSchema,
  productSchema,
} from '../../../../shared/domain/package.ts';
import { emptyParsedFile, type ParsedFile, type Parser, type Sourced } from '../types.ts';
import { itemLines } from './json-lines.ts';
import { normaliseEnterprise } from './normalise.ts';
import { Notes } from './record.ts';
import type { Enterprise } from '../../../../shared/domain/package.ts';

/**
 * The Teia package (spec/teia-package.schema.json). Each item is checked on its own, so one
 * bad item is one rejected row with its line and reason, not a refused file. Unknown
 * properties of an enterprise are kept in its `extra`; elsewhere the app has no place for
 * them, so they are reported as warnings.
 */
const kinds = {
  networks: networkSchema,
  products: productSchema,
  enterprises: enterpriseSchema,
  offers: offerSchema,
  needs: needSchema,
  flows: flowSchema,
  currencies: currencySchema,
} as const;
type Kind = keyof typeof kinds;
const topLevel = new Set(['format', 'version', 'name', 'description', ...Object.keys(kinds)]);

const known: Record<Kind, Set<string>> = Object.fromEntries(
  Object.entries(kinds).map(([k, schema]) => [k, new Set(Object.keys(schema.shape))]),
) as Record<Kind, Set<string>>;

const singular: Record<Kind, string> = {
  networks: 'network',
  products: 'product',
  enterprises: 'enterprise',
  offers: 'offer',
  needs: 'need',
  flows: 'flow',
  currencies: 'currency',
};

export const packageParser: Parser = {
  format: 'package',
  detect(content) {
    const head = new TextDecoder().decode(content.subarray(0, 4096));
    return /^\s*\{/.test(head.replace(/^\uFEFF/, '')) && /"format"\s*:\s*"teia-package"/.test(head);
  },
  parse(content) {
    return parsePackage(content);
  },
};

export function parsePackage(content: Uint8Array): ParsedFile & { name?: string; description?: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(content).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new TeiaError('invalid-input', `The file is not valid JSON, so nothing was imported (${(err as Error).message}).`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new TeiaError('invalid-input', 'The file is not a Teia package: it should be one JSON object with "format": "teia-package".');
  }
  const top = doc as Record<string, unknown>;
  if (top.format !== 'teia-package') {
    throw new TeiaError('invalid-input', 'The file is not a Teia package: its "format" should be "teia-package".');
  }
  if (top.version !== 1) {
    throw new TeiaError(
      'unsupported',
      `This package is version ${JSON.stringify(top.version)}; this Teia reads version 1. Update Teia or export the package again as version 1.`,
    );
  }
  for (const kind of Object.keys(kinds)) {
    if (top[kind] !== undefined && !Array.isArray(top[kind])) {
      throw new TeiaError('invalid-input', `The package's "${kind}" should be a list; nothing was imported.`);
    }
  }

  const parsed: ParsedFile & { name?: string; description?: string } = emptyParsedFile('package');
  if (typeof top.name === 'string') parsed.name = top.name;
  if (typeof top.description === 'string') parsed.description = top.description;
  for (const key of Object.keys(top)) {
    if (!topLevel.has(key)) parsed.warnings.push(`The package's property "${key}" is not part of the format and was not kept.`);
  }
  const lines = itemLines(content);
  for (const kind of Object.keys(kinds) as Kind[]) {
    const items = (top[kind] as unknown[] | undefined) ?? [];
    parsed.rowsRead += items.length;
    let known: number[] | undefined;
    readKind(kind, items, () => (known ??= lines.get(kind, items.length) ?? []), parsed);
  }
  return parsed;
}

const text = (v: unknown) => typeof v === 'string';
const maybeText = (v: unknown) => v === undefined || typeof v === 'string';
/** As z.number().min(0): no NaN, no infinity. */
const amount = (v: unknown) => typeof v === 'number' && v >= 0 && v !== Infinity;
const maybeAmount = (v: unknown) => v === undefined || amount(v);
const plain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const maybeTexts = (v: unknown) => v === undefined || (Array.isArray(v) && v.every(text));
const between = (v: unknown, low: number, high: number) => v === undefined || (typeof v === 'number' && v >= low && v <= high);
/** As the package's `id` and `name`: not empty, and a name holds no NUL. */
const filled = (v: unknown) => typeof v === 'string' && v.length > 0;
const scores = (v: unknown) => v === undefined || (plain(v) && Object.values(v).every((x) => typeof x === 'number' && x >= 0 && x <= 1));
const enterpriseTexts = ['nickname', 'description', 'legalForm', 'organisationalStructure', 'street', 'locality', 'region', 'postcode', 'country', 'website', 'email', 'phone', 'source'];

/**
 * Enterprises, offers, needs and flows their schema surely accepts, told without zod: a million
 * flows took 0.47–0.51 s through flowSchema.safeParse and 0.12–0.17 s through this; 100,000
 * enterprises 0.31–0.48 s and 0.05–0.08 s (measured). A row this does not say yes to goes to
 * zod, which alone decides it and words its reason; a test holds the two together
 * (package-surely-valid.test.ts).
 */
export const surelyValid: Partial<Record<Kind, (item: unknown) => boolean>> = {
  // The usual enterprise: plain fields, and acceptances (if any) named by id only.
  enterprises: (e) =>
    plain(e) &&
    filled(e.id) &&
    filled(e.name) &&
    !(e.name as string).includes('\u0000') &&
    typeof e.solidarity === 'boolean' &&
    enterpriseTexts.every((k) => maybeText(e[k])) &&
    maybeTexts(e.activities) &&
    maybeTexts(e.qualifiers) &&
    maybeTexts(e.networks) &&
    (e.currencies === undefined || (Array.isArray(e.currencies) && e.currencies.every(filled))) &&
    scores(e.criteria) &&
    between(e.lat, -90, 90) &&
    between(e.lon, -180, 180),
  flows: (f) =>
    plain(f) && maybeText(f.id) && text(f.supplier) && text(f.buyer) && text(f.product) && maybeAmount(f.quantity) && maybeAmount(f.value) && maybeText(f.currency) && maybeText(f.period),
  needs: (n) => plain(n) && maybeText(n.id) && text(n.enterprise) && text(n.product) && amount(n.quantity),
  offers: (o) =>
    plain(o) && maybeText(o.id) && text(o.enterprise) && text(o.product) && maybeAmount(o.capacity) && maybeAmount(o.price) && maybeText(o.currency) && o.certifications === undefined,
};

/** Kinds whose rows need their line only when one is reported: found then (json-lines.ts). */
const lineWhenAsked = new Set<Kind>(['offers', 'needs', 'flows']);

/** A row of those kinds: its line is looked up on first read. */
class RowWithLineWhenAsked<T> implements Sourced<T> {
  constructor(
    public value: T,
    private readonly index: number,
    private readonly lines: () => number[],
  ) {}

  get line(): number {
    return this.lines()[this.index] ?? this.index + 1;
  }
}

function readKind(kind: Kind, items: unknown[], lineList: () => number[], out: ParsedFile): void {
  const schema = kinds[kind] as z.ZodType;
  const names = known[kind];
  const dropped = new Map<string, number>();
  const notes = new Notes();
  const lazy = lineWhenAsked.has(kind);
  const quick = surelyValid[kind];
  const lines = lazy ? null : lineList();
  const lineAt = (i: number) => (lines ?? lineList())[i] ?? i + 1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!quick?.(item)) {
      const result = schema.safeParse(item);
      if (!result.success) {
        out.rejected.push({ line: lineAt(i), record: label(kind, i, item), reason: describe(result.error) });
        continue;
      }
    }
    if (lazy) {
      // No enterprise fields here: unknown properties are only counted (below).
      const value = item as Record<string, unknown>;
      for (const key in value) if (!names.has(key)) dropped.set(key, (dropped.get(key) ?? 0) + 1);
      (out[kind] as Sourced<unknown>[]).push(new RowWithLineWhenAsked(value, i, lineList));
      continue;
    }
    const line = lineAt(i);
    // The schemas have no defaults or transforms, so the original object is the valid one;
    // keeping it (not zod's copy) halves the memory of a million-flow package.
    let value = item as Record<string, unknown>;
    if (kind === 'enterprises') value = normaliseEnterprise(value as unknown as Enterprise, line, notes) as unknown as Record<string, unknown>;
    let extra: Record<string, unknown> | undefined;
    for (const key in value) {
      if (names.has(key)) continue;
      if (kind === 'enterprises') (extra ??= {})[key] = value[key];
      else dropped.set(key, (dropped.get(key) ?? 0) + 1);
    }
    if (extra) {
      value = { ...value };
      for (const key of Object.keys(extra)) delete value[key];
    }
    const sourced: Sourced<Record<string, unknown>> = { value, line };
    if (extra) sourced.extra = extra;
    // The schema requires the boolean: a package's author has decided every enterprise.
    if (kind === 'enterprises') sourced.solidarityStated = true;
    (out[kind] as Sourced<unknown>[]).push(sourced);
  }
  out.warnings.push(...notes.warnings());
  for (const [key, count] of dropped) {
    out.warnings.push(`${count} ${count === 1 ? singular[kind] : kind} had a property "${key}" that the app has no place for; it was not kept.`);
  }
}

function label(kind: Kind, index: number, item: unknown): string {
  const o = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
  const name = typeof o.id === 'string' && o.id ? `"${o.id}"` : typeof o.name === 'string' ? `"${o.name}"` : `#${index + 1}`;
  return `${singular[kind]} ${name} (${kind}[${index}])`;
}

function describe(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return parts.join('; ') + (error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '');
}

