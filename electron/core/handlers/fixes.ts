import type { Handlers } from '../dispatch.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { loadSample } from '../catalogue/sample.ts';
import { priceProductFlows, restoreFlowValues, unvaluedProducts } from '../catalogue/flow-prices.ts';

type FixHandlers = Pick<Handlers, 'catalogue-load-sample' | 'flows-unvalued' | 'product-flows-price' | 'flow-values-restore'>;

export const fixHandlers: FixHandlers = {
  'catalogue-load-sample': (_input, ctx) => {
    const loaded = ctx.db
      .transaction(() => {
        const n = ctx.db.prepare('SELECT count(*) FROM enterprises').pluck().get() as number;
        if (n > 0) throw new TeiaError('conflict', 'The sample goes only into an empty catalogue: this one already has enterprises.');
        return loadSample(ctx.db);
      })
      .immediate();
    ctx.emit({ type: 'catalogue-changed', reason: 'sample' });
    return { loaded };
  },
  'flows-unvalued': ({ network }, ctx) => unvaluedProducts(ctx.db, network),
  'product-flows-price': (input, ctx) => {
    const out = ctx.db.transaction(() => priceProductFlows(ctx.db, input)).immediate();
    ctx.emit({ type: 'catalogue-changed', reason: 'flow-update' });
    return out;
  },
  'flow-values-restore': ({ flows }, ctx) => {
    const out = ctx.db.transaction(() => restoreFlowValues(ctx.db, flows)).immediate();
    ctx.emit({ type: 'catalogue-changed', reason: 'flow-update' });
    return out;
  },
};
