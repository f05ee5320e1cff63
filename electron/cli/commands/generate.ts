import fs from 'node:fs';
import type { Command } from '../command.ts';
import { generatePackage } from '../../core/catalogue/generate.ts';
import { stringifyPackage } from '../../core/catalogue/package-json.ts';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Writes a synthetic national-scale package (invented names; the same seed gives the same file).',
  usage: 'teia generate --enterprises N --seed S [--flows-per-enterprise K] [--out FILE]',
  options: { enterprises: { type: 'string' }, seed: { type: 'string' }, 'flows-per-enterprise': { type: 'string' }, out: { type: 'string' } },
  async run({ values, stdout, stderr }) {
    const number = (name: string, fallback?: number) => {
      const raw = values[name] as string | undefined;
      if (raw === undefined) return fallback;
      const n = Number(raw);
      return Number.isFinite(n) && n >= 0 ? n : NaN;
    };
    const enterprises = number('enterprises');
    const seed = number('seed', 1);
    const flowsPerEnterprise = number('flows-per-enterprise', 10);
    for (const [name, v] of [['enterprises', enterprises], ['seed', seed], ['flows-per-enterprise', flowsPerEnterprise]] as const) {
      if (v === undefined || Number.isNaN(v) || (name !== 'flows-per-enterprise' && !Number.isInteger(v))) {
        stderr.write(`teia generate: --${name} must be a whole number (0 or more).\nUsage: ${this.usage}\n`);
        return 2;
      }
    }
    const pkg = generatePackage({ enterprises: enterprises!, seed: seed!, flowsPerEnterprise });
    const text = stringifyPackage(pkg);
    if (values.out) {
      fs.writeFileSync(values.out as string, text);
      stderr.write(
        `Wrote ${values.out}: ${pkg.enterprises!.length} enterprises, ${pkg.products!.length} products, ${pkg.offers!.length} offers, ${pkg.needs!.length} needs, ${pkg.flows!.length} flows.\n`,
      );
    } else stdout.write(text);
    return 0;
  },
};
