import type { Command } from '../command.ts';
import { analyseCommand } from './analyse.ts';
import { serveCommand } from './serve.ts';
import { statsCommand } from './stats.ts';
import { searchCommand } from './search.ts';
import { importCommand } from './import.ts';
import { exportCommand } from './export.ts';
import { generateCommand } from './generate.ts';
import { restoreCommand } from './restore.ts';
import { reviewCommand } from './review.ts';
import { templateCommand } from './template.ts';
import { publishCommand, pullCommand } from './murmurations.ts';
import { dedupeCommand } from './dedupe.ts';
import { currencyCommand } from './currency.ts';

/** Every `teia` command; each lives in its own file. */
export const commands: Command[] = [serveCommand, statsCommand, searchCommand, analyseCommand, importCommand, exportCommand, generateCommand, restoreCommand, pullCommand, publishCommand, dedupeCommand, reviewCommand, templateCommand, currencyCommand];
