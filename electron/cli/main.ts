import { parseArgs } from 'node:util';
import { commands } from './commands/index.ts';
import { TeiaError } from '../../shared/contract/errors.ts';
import type { Command } from './command.ts';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'teia — map and re-weave solidarity-economy supply networks',
    '',
    'Usage: teia <command> [options]    (from the repository: npm run teia -- <command>)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options every command takes:',
    '  --db PATH   the catalogue file (default: $TEIA_DB, else teia.db in the user-data folder)',
    '  --help      the command\'s own usage',
    '',
  ].join('\n');
}

/** Runs one `teia` invocation and returns its exit code; the only place errors become text. */
export async function main(argv: string[], stdout: NodeJS.WritableStream = process.stdout, stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(help());
    return name ? 0 : 1;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    stderr.write(`teia: unknown command "${name}". Run "teia --help" for the list.\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    stderr.write(`teia ${name}: ${(err as Error).message}\nUsage: ${command.usage}\n`);
    return 2;
  }
  if (parsed.values.help) {
    stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, stdout, stderr });
  } catch (err) {
    if (err instanceof TeiaError) {
      stderr.write(`teia ${name}: ${err.message}\n`);
      return 1;
    }
    stderr.write(`teia ${name}: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 70;
  }
}
