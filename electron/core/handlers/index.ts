import type { Handlers } from '../dispatch.ts';
import { coreHandlers } from './core.ts';
import { catalogueHandlers } from './catalogue.ts';
import { searchHandlers } from './search.ts';
import { importHandlers } from './import.ts';
import { vocabHandlers } from './vocab.ts';
import { directoryHandlers } from './directory.ts';
import { engineHandlers } from './engine.ts';
import { backupHandlers } from './backup.ts';
import { networkHandlers } from './network.ts';
import { chainHandlers } from './chains.ts';
import { shareHandlers } from './share.ts';
import { classifyHandlers } from './classify.ts';
import { accessHandlers } from './access.ts';
import { currencyHandlers } from './currencies.ts';
import { fixHandlers } from './fixes.ts';

/** One handler per contract method; a missing or extra one fails the type check. */
export const handlers: Handlers = {
  ...engineHandlers,
  ...coreHandlers,
  ...catalogueHandlers,
  ...searchHandlers,
  ...importHandlers,
  ...vocabHandlers,
  ...directoryHandlers,
  ...backupHandlers,
  ...networkHandlers,
  ...chainHandlers,
  ...shareHandlers,
  ...classifyHandlers,
  ...accessHandlers,
  ...currencyHandlers,
  ...fixHandlers,
};
