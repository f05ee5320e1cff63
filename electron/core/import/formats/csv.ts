import type { ParseOptions, ParsedFile, Parser } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { decodeText, headText, normaliseNewlines } from './decode.ts';
import { guessDelimiter, parseCsvText } from './csv-text.ts';
import { checkMapping } from './mapping.ts';
import { detectKind, suggestKindMapping } from '../../../../shared/domain/kinds.ts';
import { parseTable } from './tabular.ts';

/**
 * Any delimited text (comma, semicolon, tab or bar) with a column mapping: the one given
 * (`--map name=Nome,lat=Latitude`), else the suggestion from the header names. Columns the
 * mapping leaves out are kept on each enterprise as `extra`. Solidarity comes from a mapped
 * `solidarity` column when there is one, else from the per-file decision (../solidarity.ts).
 */
export const csvParser: Parser = {
  format: 'csv',
  detect(content, fileName) {
    if (content.length === 0 || content.includes(0)) return false; // binary (e.g. a zip) is not CSV
    if (fileName && /\.(csv|tsv|txt)$/i.test(fileName)) return true;
    const lines = normaliseNewlines(headText(content)).split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) return false;
    const delimiter = guessDelimiter(lines[0]);
    const count = (l: string) => l.split(delimiter).length - 1;
    return count(lines[0]) >= 1 && !/^\s*[[{<]/.test(lines[0]);
  },
  parse(content, options: ParseOptions): ParsedFile {
    const table = parseCsvText(decodeText(content).text);
    return parseMapped('csv', table.headers, table.records, options);
  },
};

/** The shared part of CSV and XLSX: check or suggest the mapping, then read the rows. */
export function parseMapped(
  format: 'csv' | 'xlsx' | 'ods',
  headers: string[],
  rows: Parameters<typeof parseTable>[2],
  options: ParseOptions,
  sheet?: string,
): ParsedFile {
  if (headers.length === 0) throw new TeiaError('invalid-input', 'The file is empty: there is no header row to read columns from.');
  const kind = options.kind ?? detectKind(headers);
  const mapping = options.mapping ?? suggestKindMapping(kind, headers);
  const constants = options.constants ?? {};
  checkMapping(mapping, headers, kind, constants);
  const parsed = parseTable(format, headers, rows, { mapping, kind, constants, sheet }, options);
  if (!options.mapping) {
    const described = Object.entries(mapping).map(([f, h]) => `${f}=${h}`).join(', ');
    parsed.warnings.unshift(`No mapping was given; columns were matched by name: ${described}.${options.kind || kind === 'enterprises' ? '' : ` The sheet was read as ${kind} (from its headers).`}`);
  }
  return parsed;
}
