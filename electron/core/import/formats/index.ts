import { TeiaError } from '../../../../shared/contract/errors.ts';
import type { ImportFormat, ParsedFile, ParseOptions, Parser } from '../types.ts';
import { packageParser } from './package.ts';
import { murmurationsParser } from './murmurations.ts';
import { geojsonParser } from './geojson.ts';
import { xlsxParser } from './xlsx.ts';
import { odsParser } from './ods.ts';
import { sseCsvParser } from './sse-csv.ts';
import { csvParser } from './csv.ts';
import { mykomapParser } from './mykomap.ts';
import { decideSolidarity } from '../solidarity.ts';
import type { ImportProblem } from '../../../../shared/domain/import-problems.ts';
import { valueflowsParser } from './valueflows.ts';

/**
 * Every format `teia import` reads. Order matters for detection: a specific format (the
 * package, GeoJSON, Murmurations, the SSE standard CSV) must come before a generic one (any
 * CSV), since the first parser whose `detect` says yes wins.
 */
export const parsers: Parser[] = [packageParser, valueflowsParser, murmurationsParser, geojsonParser, mykomapParser, xlsxParser, odsParser, sseCsvParser, csvParser];

export function parserFor(format: ImportFormat): Parser | undefined {
  return parsers.find((p) => p.format === format);
}

/** The format of a file, from its content (and its name as a hint); null when none claims it. */
export function detectFormat(content: Uint8Array, fileName?: string): ImportFormat | null {
  return parsers.find((p) => p.detect(content, fileName))?.format ?? null;
}

/** Reads a file with the given parser, or the detected one; refuses a file no parser knows. */
export async function parseFile(content: Uint8Array, options: ParseOptions & { format?: ImportFormat }): Promise<ParsedFile> {
  const format = options.format ?? detectFormat(content, options.fileName);
  if (!format) {
    const formats = parsers.map((p) => p.format);
    const problem: ImportProblem = { problem: 'unknown-format', fileName: options.fileName ?? null, formats };
    throw new TeiaError(
      'unsupported',
      `Teia could not tell what kind of file ${options.fileName ? `"${options.fileName}"` : 'this'} is. Say which format it is (one of ${formats.join(', ')}).`,
      problem,
    );
  }
  const parser = parserFor(format);
  if (!parser) throw new TeiaError('unsupported', `Reading the "${format}" format is not available in this version of Teia.`);
  const parsed = await parser.parse(content, options);
  // The decide step: every path in goes through here, so no enterprise is solidarity unless said.
  decideSolidarity(parsed, options.solidarity);
  return parsed;
}
