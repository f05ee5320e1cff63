import type { Command } from '../command.ts';
import { serveCommand } from './serve.ts';
import { statsCommand } from './stats.ts';

/** Every `teia` command; each lives in its own file. */
export const commands: Command[] = [serveCommand, statsCommand];
