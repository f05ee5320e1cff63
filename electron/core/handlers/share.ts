import type { Handlers } from '../dispatch.ts';
import { cataloguePrint } from '../share/catalogue-print.ts';

export const shareHandlers: Pick<Handlers, 'catalogue-print'> = {
  'catalogue-print': ({ network, lang }, ctx) => cataloguePrint(ctx.db, network, lang),
};
