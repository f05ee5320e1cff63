import type { Handlers } from '../dispatch.ts';
import { queryEnterprises } from '../catalogue/query.ts';
import { enterpriseFacets } from '../catalogue/facets.ts';
import { enterpriseRelations } from '../catalogue/relations.ts';
import { restoreEnterprise } from '../catalogue/relations-restore.ts';
import { mapPoints } from '../catalogue/map-points.ts';
import { requireEnterprise, storedProvenance, writeEnterprise } from '../catalogue/enterprises.ts';
import { classifyEnterprises } from '../catalogue/classify.ts';
import { enterpriseSchema } from '../../../shared/domain/package.ts';

type DirectoryHandlers = Pick<
  Handlers,
  'enterprise-query' | 'enterprise-facets' | 'enterprise-relations' | 'map-points' | 'enterprise-replace' | 'enterprise-restore'
>;

export const directoryHandlers: DirectoryHandlers = {
  'enterprise-query': ({ filters, sort, offset, limit }, ctx) => queryEnterprises(ctx.db, filters, sort, offset, limit),
  'enterprise-facets': ({ country }, ctx) => enterpriseFacets(ctx.db, country),
  'enterprise-relations': ({ id }, ctx) => {
    requireEnterprise(ctx.db, id);
    return enterpriseRelations(ctx.db, id);
  },
  'map-points': ({ filters }, ctx) => mapPoints(ctx.db, filters),
  'enterprise-replace': ({ id, record }, ctx) => {
    ctx.db.transaction(() => {
      // Unlike enterprise-update, a field left out is cleared: JSON cannot carry "undefined",
      // so a form (or an undo) that empties a field says so by leaving it out.
      const before = requireEnterprise(ctx.db, id);
      writeEnterprise(ctx.db, enterpriseSchema.parse({ ...record, id }), storedProvenance(ctx.db, id));
      // A form always sends solidarity; changing it is a decision, leaving it as it was is not.
      if (record.solidarity !== before.solidarity) classifyEnterprises(ctx.db, [id], record.solidarity);
    }).immediate();
    ctx.emit({ type: 'catalogue-changed', reason: 'enterprise-update' });
    return { id };
  },
  'enterprise-restore': ({ enterprise, offers, needs, flows }, ctx) => {
    const { skippedFlows } = ctx.db.transaction(() => restoreEnterprise(ctx.db, enterprise, offers, needs, flows)).immediate();
    ctx.emit({ type: 'catalogue-changed', reason: 'enterprise-create' });
    return { id: enterprise.id, skippedFlows };
  },
};
