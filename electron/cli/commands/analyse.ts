import fs from 'node:fs';
import type { Command } from '../command.ts';
import { dbOption, jsonOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { readPackage } from '../../core/catalogue/read-package.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { packageSchema, type TeiaPackage } from '../../../shared/domain/package.ts';
import { analyse } from '../../../shared/engine/analyse.ts';
import { explainAnalysis } from '../../../shared/engine/explain.ts';
import { formatReport } from '../../../shared/engine/report.ts';
import { createHighsSolver } from '../../core/engine/highs-solver.ts';

export const analyseCommand: Command = {
  name: 'analyse',
  summary: 'Solidarity shares, leakage, substitutes, gaps and the re-sourcing plan of a network (ENGINE.md).',
  usage: 'teia analyse [--package FILE | --db PATH] [--network ID] [--tiers N] [--no-plan] [--json] [--explain]',
  options: {
    ...dbOption,
    ...jsonOption,
    package: { type: 'string' },
    network: { type: 'string' },
    tiers: { type: 'string' },
    'no-plan': { type: 'boolean' },
    explain: { type: 'boolean' },
  },
  async run({ values, stdout, stderr }) {
    const tiers = values.tiers === undefined ? undefined : Number(values.tiers);
    if (tiers !== undefined && !(Number.isInteger(tiers) && tiers >= 1 && tiers <= 50)) {
      stderr.write(`teia analyse: --tiers must be a whole number from 1 to 50, not "${values.tiers}".\n`);
      return 2;
    }
    if (values.package && values.db) {
      stderr.write('teia analyse: give either --package or --db, not both.\n');
      return 2;
    }
    const pkg = values.package ? loadPackageFile(values.package as string) : loadFromDb(values.db as string | undefined);
    const solver = values['no-plan'] ? null : await createHighsSolver();
    const analysis = analyse(pkg, { network: (values.network as string | undefined) ?? null, tiers, solver });
    if (values.json) {
      // §4: exactly the object and nothing else on stdout; only --explain adds `explanations`.
      const out = values.explain ? { ...analysis.result, explanations: explainAnalysis(analysis) } : analysis.result;
      stdout.write(JSON.stringify(out, null, 1) + '\n');
    } else {
      stdout.write(formatReport(analysis, { explain: Boolean(values.explain) }));
    }
    return 0;
  },
};

function loadPackageFile(file: string): TeiaPackage {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new TeiaError('not-found', `Could not read the package file "${file}". Check the path.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new TeiaError('invalid-input', `"${file}" is not valid JSON (${(err as Error).message}).`);
  }
  const parsed = packageSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new TeiaError('invalid-input', `"${file}" is not a Teia package: ${first.path.join('.') || '(top)'}: ${first.message}.`);
  }
  return parsed.data;
}

function loadFromDb(dbPath: string | undefined): TeiaPackage {
  const core = openCore({ dbPath, host: 'cli', sample: false });
  try {
    return readPackage(core.ctx.db);
  } finally {
    core.close();
  }
}
