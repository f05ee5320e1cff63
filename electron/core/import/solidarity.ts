import type { Enterprise } from '../../../shared/domain/package.ts';
import type { SolidarityAnswer, SolidarityDecision } from '../../../shared/domain/solidarity.ts';
import { defaultAnswer } from '../../../shared/domain/solidarity.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { ImportProblem } from '../../../shared/domain/import-problems.ts';
import { normaliseHeader } from '../../../shared/domain/mapping.ts';
import { codeResolver } from './formats/codes.ts';
import { Notes } from './formats/record.ts';
import type { ParsedFile, Sourced } from './types.ts';

/**
 * The "decide" step of the import pipeline for solidarity: a person says, per file, what its
 * enterprises are. A record the file classifies itself (a package's boolean, a mapped
 * solidarity column) keeps what the file says, unless the person chose a column; every other
 * one gets the decision, and with none (or what a rule cannot tell) it stays to classify
 * (`unclassified`, written as classified = 0 and counted as not solidarity by the engine).
 */
export interface SolidarityCounts {
  yes: number;
  no: number;
  unknown: number;
  /** Records the file classifies itself (kept unless a column was chosen). */
  stated: number;
}

export interface ColumnValue {
  value: string;
  count: number;
  /** What the rule (the person's, else the default) makes of it. */
  answer: SolidarityAnswer;
}

export function decideSolidarity(parsed: ParsedFile, decision: SolidarityDecision = { mode: 'unknown' }): SolidarityCounts {
  const counts: SolidarityCounts = { yes: 0, no: 0, unknown: 0, stated: 0 };
  const notes = new Notes();
  const read = decision.mode === 'column' ? columnReader(parsed, decision.column) : null;
  const answerOf = decision.mode === 'column' ? ruleOf(decision.rule) : null;
  for (const s of parsed.enterprises) {
    let answer: SolidarityAnswer;
    if (s.solidarityStated) counts.stated++;
    if (read && answerOf) {
      const value = read(s);
      answer = value === undefined ? 'unknown' : answerOf(value);
      if (answer === 'unknown') notes.add(value === undefined ? `Column "${(decision as { column: string }).column}" is empty; left to classify` : `"${value}" does not say whether it is solidarity; left to classify`, s.line);
    } else if (s.solidarityStated) {
      answer = s.value.solidarity ? 'yes' : 'no';
    } else {
      answer = decision.mode === 'column' ? 'unknown' : decision.mode;
    }
    s.value.solidarity = answer === 'yes';
    s.unclassified = answer === 'unknown';
    counts[answer]++;
  }
  parsed.warnings.push(...notes.warnings());
  parsed.solidarity = counts;
  if (counts.unknown > 0 && decision.mode !== 'column') {
    parsed.warnings.push(
      `${counts.unknown} ${counts.unknown === 1 ? 'enterprise is' : 'enterprises are'} not yet classified as solidarity or not: they count as not solidarity until someone decides (the "To classify" list on the Overview).`,
    );
  }
  return counts;
}

/** The distinct values of the chosen column with what the rule makes of each (for the Import screen). */
export function columnValues(parsed: ParsedFile, column: string, rule?: Record<string, SolidarityAnswer>, limit = 100): ColumnValue[] {
  const read = columnReader(parsed, column);
  const answerOf = ruleOf(rule);
  const counts = new Map<string, number>();
  for (const s of parsed.enterprises) {
    const v = read(s);
    if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([value, count]) => ({ value, count, answer: answerOf(value) }));
}

/** Columns a decision can name: the file's own (mapped or kept as source attributes), first 2,000 records. */
export function decisionColumns(parsed: ParsedFile): string[] {
  const out = new Set(Object.keys(parsed.columnFields ?? {}));
  for (const s of parsed.enterprises.slice(0, 2000)) for (const k of Object.keys(s.extra ?? {})) out.add(k);
  return [...out];
}

function ruleOf(rule: Record<string, SolidarityAnswer> | undefined): (value: string) => SolidarityAnswer {
  const resolver = codeResolver();
  const toCode = (v: string) => resolver.resolve('organisationalStructure', v);
  return (value) => rule?.[value] ?? defaultAnswer(value, toCode);
}

/**
 * Reads one column of each record: a source attribute of that name, else the field the column
 * was mapped to (or a field named so, e.g. "organisationalStructure"). Headers are compared
 * loosely (case, spaces, accents), as the mapping step does.
 */
function columnReader(parsed: ParsedFile, column: string): (s: Sourced<Enterprise>) => string | undefined {
  const wanted = normaliseHeader(column);
  const fields = parsed.columnFields ?? {};
  const header = Object.keys(fields).find((h) => normaliseHeader(h) === wanted);
  const field = header !== undefined ? fields[header] : Object.values(fields).find((f) => normaliseHeader(f) === wanted) ?? fieldNamed(wanted);
  const extraKey = (s: Sourced<Enterprise>) => Object.keys(s.extra ?? {}).find((k) => normaliseHeader(k) === wanted);
  const known = field !== undefined || parsed.enterprises.some((s) => extraKey(s) !== undefined);
  if (!known && parsed.enterprises.length > 0) {
    const names = decisionColumns(parsed);
    throw new TeiaError('invalid-input', `The file has no column named "${column}" to decide solidarity from. Its columns are: ${names.join(', ')}.`, {
      problem: 'no-solidarity-column',
      column,
      columns: names,
    } satisfies ImportProblem);
  }
  return (s) => {
    // A mapped solidarity column holds false for an empty cell too: only what the file said counts.
    if (field === 'solidarity' && !s.solidarityStated) return undefined;
    const k = extraKey(s);
    const v = k !== undefined ? s.extra![k] : field !== undefined ? (s.value as unknown as Record<string, unknown>)[field] : undefined;
    const text = Array.isArray(v) ? v.join(';') : v === null || v === undefined ? '' : String(v);
    return text.trim() === '' ? undefined : text.trim();
  };
}

const FIELD_NAMES = ['organisationalStructure', 'legalForm', 'solidarity', 'qualifiers', 'activities'];
function fieldNamed(normalised: string): string | undefined {
  return FIELD_NAMES.find((f) => normaliseHeader(f) === normalised);
}

/**
 * A first answer for the Import screen to offer (the person still confirms it): the SSE maps'
 * standard CSV and Murmurations list solidarity-economy organisations; a file with an
 * organisational structure or legal form column can be read by the default rule; for anything
 * else Teia cannot guess, and a package has already decided.
 */
export function suggestDecision(parsed: ParsedFile): SolidarityDecision | null {
  if (parsed.enterprises.length === 0 || parsed.enterprises.every((s) => s.solidarityStated)) return null;
  if (parsed.format === 'sse-csv' || parsed.format === 'murmurations') return { mode: 'yes' };
  const fields = Object.entries(parsed.columnFields ?? {});
  const column = fields.find(([, f]) => f === 'organisationalStructure')?.[0] ?? fields.find(([, f]) => f === 'legalForm')?.[0];
  return column !== undefined ? { mode: 'column', column } : null;
}
