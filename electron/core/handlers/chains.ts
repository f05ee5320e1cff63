import type { Handlers } from '../dispatch.ts';
import type { CoreContext } from '../context.ts';
import { createFlow, createNeed, createOffer, deleteFlow, deleteNeed, deleteOffer, updateFlow, updateNeed, updateOffer } from '../catalogue/chain-records.ts';
import { createPartner, createProduct } from '../catalogue/in-place.ts';
import { addMembers, createNetwork, listProducts, deleteNetwork, mergeProducts, removeMembers, unmergeProducts, updateProduct } from '../catalogue/taxonomy-edit.ts';

type ChainHandlers = Pick<
  Handlers,
  | 'offer-create' | 'offer-update' | 'offer-delete'
  | 'need-create' | 'need-update' | 'need-delete'
  | 'flow-create' | 'flow-update' | 'flow-delete'
  | 'partner-create' | 'product-create'
  | 'product-list' | 'product-update' | 'product-merge' | 'product-unmerge'
  | 'network-create' | 'network-delete' | 'network-members-add' | 'network-members-remove'
>;

/** One write in one immediate transaction, then every window is told the catalogue changed. */
function write<T>(ctx: CoreContext, reason: string, fn: () => T): T {
  const out = ctx.db.transaction(fn).immediate();
  ctx.emit({ type: 'catalogue-changed', reason });
  return out;
}

export const chainHandlers: ChainHandlers = {
  'offer-create': (input, ctx) => write(ctx, 'offer-create', () => ({ offer: createOffer(ctx.db, input) })),
  'offer-update': ({ row, ...fields }, ctx) => write(ctx, 'offer-update', () => updateOffer(ctx.db, row, fields)),
  'offer-delete': ({ row }, ctx) => write(ctx, 'offer-delete', () => deleteOffer(ctx.db, row)),
  'need-create': (input, ctx) => write(ctx, 'need-create', () => ({ need: createNeed(ctx.db, input) })),
  'need-update': ({ row, ...fields }, ctx) => write(ctx, 'need-update', () => updateNeed(ctx.db, row, fields)),
  'need-delete': ({ row }, ctx) => write(ctx, 'need-delete', () => deleteNeed(ctx.db, row)),
  'flow-create': (input, ctx) => write(ctx, 'flow-create', () => ({ flow: createFlow(ctx.db, input) })),
  'flow-update': ({ row, ...fields }, ctx) => write(ctx, 'flow-update', () => updateFlow(ctx.db, row, fields)),
  'flow-delete': ({ row }, ctx) => write(ctx, 'flow-delete', () => deleteFlow(ctx.db, row)),
  'partner-create': ({ name }, ctx) => write(ctx, 'enterprise-create', () => createPartner(ctx.db, name)),
  'product-create': (input, ctx) => write(ctx, 'product-create', () => createProduct(ctx.db, input)),
  'product-list': ({ offset, limit }, ctx) => listProducts(ctx.db, offset, limit),
  'product-update': (input, ctx) => write(ctx, 'product-update', () => updateProduct(ctx.db, input)),
  'product-merge': ({ from, into }, ctx) => write(ctx, 'product-merge', () => mergeProducts(ctx.db, from, into)),
  'product-unmerge': (input, ctx) => write(ctx, 'product-unmerge', () => unmergeProducts(ctx.db, input)),
  'network-create': (input, ctx) => write(ctx, 'network-create', () => createNetwork(ctx.db, input)),
  'network-delete': ({ id }, ctx) => write(ctx, 'network-delete', () => deleteNetwork(ctx.db, id)),
  'network-members-add': ({ network, enterprises }, ctx) => write(ctx, 'network-members', () => addMembers(ctx.db, network, enterprises)),
  'network-members-remove': ({ network, enterprises }, ctx) => write(ctx, 'network-members', () => removeMembers(ctx.db, network, enterprises)),
};
