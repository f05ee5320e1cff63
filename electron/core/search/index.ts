/** Search (issue 3) and the consumer's "who offers this" (issue 5). */
export { searchQuery, type SearchInput, type SearchOutput } from './query.ts';
export { searchOffers, type OffersInput, type OffersOutput } from './offers.ts';
export { listCurrencies } from './currencies.ts';
export { deferSearchIndex, rebuildSearchIndex, isSearchIndexDeferred, optimizeSearchIndex } from './maintenance.ts';
export { tokenize, fold } from './normalize.ts';
export { haversineKm } from './geo.ts';
