import type { Handlers } from '../dispatch.ts';
import { catalogueStats } from '../catalogue/stats.ts';
import { listEnterprises, newEnterpriseId, readEnterprise, requireEnterprise, storedProvenance, writeEnterprise } from '../catalogue/enterprises.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { enterpriseSchema } from '../../../shared/domain/package.ts';
import { classifyEnterprises } from '../catalogue/classify.ts';

type CatalogueHandlers = Pick<
  Handlers,
  'catalogue-stats' | 'enterprise-list' | 'enterprise-get' | 'enterprise-create' | 'enterprise-update' | 'enterprise-delete'
>;

export const catalogueHandlers: CatalogueHandlers = {
  'catalogue-stats': (_input, ctx) => catalogueStats(ctx.db),
  'enterprise-list': ({ offset, limit }, ctx) => listEnterprises(ctx.db, offset, limit),
  'enterprise-get': ({ id }, ctx) => requireEnterprise(ctx.db, id),
  'enterprise-create': (input, ctx) => {
    const id = ctx.db.transaction(() => {
      const id = input.id ?? newEnterpriseId(ctx.db, input.name);
      if (readEnterprise(ctx.db, id)) throw new TeiaError('conflict', `An enterprise with the id "${id}" already exists.`);
      writeEnterprise(ctx.db, { ...input, id }, { sourceId: null });
      return id;
    }).immediate();
    ctx.emit({ type: 'catalogue-changed', reason: 'enterprise-create' });
    return { id };
  },
  'enterprise-update': ({ id, changes }, ctx) => {
    ctx.db.transaction(() => {
      const { importId: _i, sourceRow: _r, createdAt: _c, updatedAt: _u, classified: _k, ...current } = requireEnterprise(ctx.db, id);
      // Keys given replace their value; absent keys keep it (enterprise-replace clears them).
      const next = enterpriseSchema.parse({ ...current, ...changes, id });
      writeEnterprise(ctx.db, next, storedProvenance(ctx.db, id));
      // Saying solidarity yes or no is the decision an import may have left open.
      if (changes.solidarity !== undefined) classifyEnterprises(ctx.db, [id], changes.solidarity);
    }).immediate();
    ctx.emit({ type: 'catalogue-changed', reason: 'enterprise-update' });
    return { id };
  },
  'enterprise-delete': ({ id }, ctx) => {
    const deleted = ctx.db.prepare('DELETE FROM enterprises WHERE id = ?').run(id).changes > 0;
    if (deleted) ctx.emit({ type: 'catalogue-changed', reason: 'enterprise-delete' });
    return { deleted };
  },
};
