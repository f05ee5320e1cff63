import type { Handlers } from '../dispatch.ts';
import { coreHandlers } from './core.ts';
import { catalogueHandlers } from './catalogue.ts';

/** One handler per contract method; a missing or extra one fails the type check. */
export const handlers: Handlers = {
  ...coreHandlers,
  ...catalogueHandlers,
};
