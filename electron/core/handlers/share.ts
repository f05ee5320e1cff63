import type { Handlers } from '../dispatch.ts';
import { cataloguePrint } from '../share/catalogue-print.ts';
import { murmurationsZip } from '../share/murmurations/write.ts';

export const shareHandlers: Pick<Handlers, 'catalogue-print' | 'murmurations-export'> = {
  'catalogue-print': ({ network, lang }, ctx) => cataloguePrint(ctx.db, network, lang),
  'murmurations-export': ({ baseUrl }, ctx) => {
    const r = murmurationsZip(ctx.db, baseUrl);
    return { fileName: 'murmurations.zip', contentBase64: Buffer.from(r.zip).toString('base64'), written: r.written, refused: r.refused };
  },
};
