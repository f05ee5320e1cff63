import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.ts';
import { jsonOption } from '../command.ts';
import { parseFile } from '../../core/import/formats/index.ts';
import type { ImportFormat } from '../../core/import/types.ts';
import { evidenceText, matchRecordOf, pairsWithin } from '../../core/match/index.ts';
import { importFormats } from '../../../shared/contract/import.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { readMapping } from './import.ts';

/**
 * The matcher alone on one file, for people tuning a directory: every pair of rows it would
 * merge or send to review. Reads the file as `teia import` would (same formats, same
 * mapping) and writes nothing — it does not even open a catalogue.
 */
export const dedupeCommand: Command = {
  name: 'dedupe',
  summary: 'Lists the pairs of rows of one file that the matcher would merge or send to review; writes nothing.',
  usage: 'teia dedupe FILE [--format package|sse-csv|csv|xlsx|geojson|murmurations] [--map name=Nome,...] [--map-file F] [--json]',
  options: { ...jsonOption, format: { type: 'string' }, map: { type: 'string' }, 'map-file': { type: 'string' } },
  async run({ values, positionals, stdout, stderr }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      stderr.write(`teia dedupe: give exactly one file.\nUsage: ${this.usage}\n`);
      return 2;
    }
    const format = values.format as string | undefined;
    if (format !== undefined && !(importFormats as readonly string[]).includes(format)) {
      stderr.write(`teia dedupe: --format must be one of ${importFormats.join(', ')}, not "${format}".\n`);
      return 2;
    }
    const mapping = readMapping(values.map as string | undefined, values['map-file'] as string | undefined);
    let content: Uint8Array;
    try {
      content = fs.readFileSync(file);
    } catch (err) {
      throw new TeiaError('not-found', `Could not read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
    const parsed = await parseFile(content, { format: format as ImportFormat | undefined, fileName: path.basename(file), mapping });
    // Rows are named by their id column when the file has one, else by their line.
    const nameOf = new Map<string, string | number>();
    const records = parsed.enterprises.map((s, i) => {
      const key = String(i);
      nameOf.set(key, s.idFromName ? s.line : s.value.id);
      return matchRecordOf(s.value, key, { sourceId: null, idFromName: true, extra: s.extra });
    });
    const pairs = pairsWithin(records);
    if (values.json) {
      stdout.write(JSON.stringify(pairs.map((p) => ({ a: nameOf.get(p.a.key)!, b: nameOf.get(p.b.key)!, score: p.score, decision: p.decision }))) + '\n');
      return 0;
    }
    const label = (key: string, name: string) => {
      const n = nameOf.get(key)!;
      return `${typeof n === 'number' ? `line ${n}` : n} "${name}"`;
    };
    const same = pairs.filter((p) => p.decision === 'same').length;
    stdout.write(`${parsed.enterprises.length} enterprises read: ${same} pairs the matcher would merge, ${pairs.length - same} to review.\n`);
    for (const p of pairs) {
      stdout.write(`  ${label(p.a.key, p.a.name)} ~ ${label(p.b.key, p.b.name)}: ${p.score.toFixed(2)} ${p.decision} (${p.evidence.map(evidenceText).join(', ')})\n`);
    }
    return 0;
  },
};
