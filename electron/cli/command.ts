import type { ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command gets: its parsed flags and positionals, and where to write. */
export interface CommandArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface Command {
  name: string;
  summary: string;
  /** One usage line, e.g. "teia stats [--db PATH] [--json]". */
  usage: string;
  options: Options;
  /** Returns the process exit code. Long-running commands (serve) resolve when stopped. */
  run(args: CommandArgs): Promise<number>;
}

/** Flags most commands share. */
export const dbOption: Options = { db: { type: 'string' } };
export const jsonOption: Options = { json: { type: 'boolean' } };
