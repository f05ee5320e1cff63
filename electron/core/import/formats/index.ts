import { TeiaError } from '../../../../shared/contract/errors.ts';
import type { ImportFormat, ParsedFile, ParseOptions, Parser } from '../types.ts';
import { packageParser } from './package.ts';
import { murmurationsParser } from './murmurations.ts';
import { geojsonParser } from './geojson.ts';
import { xlsxParser } from './xlsx.ts';
import { sseCsvParser } from './sse-csv.ts';
import { csvParser } from './csv.ts';
import { valueflowsParser } from './valueflows.ts';
import { decideSolidarity } from '../solidarity.ts';

/**
 * Every format `teia import` reads. Order matters for detection: a specific format (the
 * package, GeoJSON, Murmurations, the SSE standard CSV) must come before a generic one (any
 * CSV), since the first parser whose `detect` says yes wins.
 */
export const parsers: Parser[] = [packageParser, valueflowsParser, murmurationsParser, geojsonParser, xlsxParser, sseCsvParser, csvParser];

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
    throw new TeiaError(
      'unsupported',
      `Teia could not tell the format of ${options.fileName ? `"${options.fileName}"` : 'the file'}. Give it with --format (one of ${parsers.map((p) => p.format).join(', ')}).`,
    );
  }
  const parser = parserFor(format);
  if (!parser) throw new TeiaError('unsupported', `Reading the "${format}" format is not available in this version of Teia.`);
  const parsed = await parser.parse(content, options);
  // The decide step: every path in goes through here, so no enterprise is solidarity unless said.
  decideSolidarity(parsed, options.solidarity);
  return parsed;
}
