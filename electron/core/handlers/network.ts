import type { Handlers } from '../dispatch.ts';
import { networkGraph, networkLabels, networkList } from '../network/graph.ts';

type NetworkHandlers = Pick<Handlers, 'network-list' | 'network-graph' | 'network-labels'>;

export const networkHandlers: NetworkHandlers = {
  'network-list': (_input, ctx) => networkList(ctx.db),
  'network-graph': (input, ctx) => networkGraph(ctx.db, input),
  'network-labels': ({ enterprises, products, offers }, ctx) => networkLabels(ctx.db, enterprises, products, offers),
};
