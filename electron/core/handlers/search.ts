import type { Handlers } from '../dispatch.ts';
import { listCurrencies, searchOffers, searchQuery } from '../search/index.ts';

export const searchHandlers: Pick<Handlers, 'search-query' | 'search-offers' | 'currency-list'> = {
  'search-query': (input, ctx) => searchQuery(ctx.db, input),
  'search-offers': (input, ctx) => searchOffers(ctx.db, input),
  'currency-list': (_input, ctx) => ({ currencies: listCurrencies(ctx.db) }),
};
