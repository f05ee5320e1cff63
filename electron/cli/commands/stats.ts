import type { Command } from '../command.ts';
import { dbOption, jsonOption } from '../command.ts';
import { openCore } from '../../core/index.ts';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Counts of each kind of record in the catalogue.',
  usage: 'teia stats [--db PATH] [--json]',
  options: { ...dbOption, ...jsonOption },
  async run({ values, stdout }) {
    const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false });
    try {
      const stats = await core.call('catalogue-stats', {});
      if (values.json) stdout.write(JSON.stringify(stats) + '\n');
      else {
        stdout.write(`Catalogue: ${core.ctx.dbPath}\n`);
        for (const [k, v] of Object.entries(stats)) stdout.write(`  ${k.padEnd(22)} ${v}\n`);
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
