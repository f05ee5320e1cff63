import type { Command } from '../command.ts';
import { dbOption, jsonOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { listProposals, resolveProposal, type Resolution } from '../../core/import/proposals.ts';
import { createBackup } from '../../core/backup.ts';

/**
 * The questions imports leave for a person: an enterprise that may be one already in the
 * catalogue (a partner name a sheet spelt like two enterprises, a directory record like an
 * existing one). Lists them, or answers one: --merge makes the two one enterprise (its flows,
 * offers and needs move over), --keep-both says they differ, --skip drops the incoming copy.
 */
export const reviewCommand: Command = {
  name: 'review',
  summary: 'Lists the matches imports left for review, or answers one (--merge ID, --keep-both ID, --skip ID).',
  usage: 'teia review [--merge ID | --keep-both ID | --skip ID] [--db PATH] [--json]',
  options: { ...dbOption, ...jsonOption, merge: { type: 'string' }, 'keep-both': { type: 'string' }, skip: { type: 'string' } },
  async run({ values, positionals, stdout, stderr }) {
    if (positionals.length) {
      stderr.write(`teia review: takes no file.\nUsage: ${this.usage}\n`);
      return 2;
    }
    const answers = (['merge', 'keep-both', 'skip'] as const).filter((a) => values[a] !== undefined);
    if (answers.length > 1) {
      stderr.write('teia review: give one of --merge, --keep-both, --skip.\n');
      return 2;
    }
    const core = openCore({ dbPath: values.db as string | undefined, host: 'cli', sample: false });
    try {
      if (answers.length === 0) {
        const items = listProposals(core.ctx.db);
        if (values.json) stdout.write(JSON.stringify(items) + '\n');
        else if (items.length === 0) stdout.write('Nothing to review.\n');
        else {
          for (const p of items) {
            const where = (x: { locality: string | null }) => (x.locality ? `, ${x.locality}` : '');
            stdout.write(`#${p.id}  "${p.incoming.name}" (${p.incoming.id}${where(p.incoming)}) may be "${p.existing.name}" (${p.existing.id}${where(p.existing)}): ${p.reasons.join(', ')}\n`);
          }
          stdout.write(`${items.length} to review. Answer with teia review --merge ID (the same enterprise), --keep-both ID or --skip ID.\n`);
        }
        return 0;
      }
      const action: Resolution = answers[0];
      const raw = values[action] as string;
      const id = Number(raw);
      if (!Number.isInteger(id)) {
        stderr.write(`teia review: --${action} takes the number of a review item (teia review lists them), not "${raw}".\n`);
        return 2;
      }
      await createBackup(core.ctx.db, core.ctx.dbPath, 'before-review');
      const kept = resolveProposal(core.ctx.db, id, action);
      if (values.json) stdout.write(JSON.stringify({ id, action, enterpriseId: kept }) + '\n');
      else stdout.write(`#${id} answered (${action}); the enterprise is ${kept}.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
