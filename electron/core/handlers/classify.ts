import type { Handlers } from '../dispatch.ts';
import { classifyEnterprises, listUnclassified } from '../catalogue/classify.ts';

type ClassifyHandlers = Pick<Handlers, 'enterprise-unclassified' | 'enterprise-classify'>;

export const classifyHandlers: ClassifyHandlers = {
  'enterprise-unclassified': ({ offset, limit }, ctx) => listUnclassified(ctx.db, offset, limit),
  'enterprise-classify': ({ ids, solidarity }, ctx) => {
    const result = classifyEnterprises(ctx.db, ids, solidarity);
    if (result.updated) ctx.emit({ type: 'catalogue-changed', reason: 'enterprise-classify' });
    return result;
  },
};
