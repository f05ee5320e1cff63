import type { MethodName } from '../../../shared/contract/index.ts';

/**
 * The methods a reader of the pool answers: each only reads the catalogue (no job, no event,
 * no state of the host), so it may run on any read-only connection beside the writer.
 * Everything else, every write and every job, goes to the writer in the order it came.
 * A method that tried to write here would fail on the read-only connection; the host test
 * runs each of these through the pool.
 */
export const pooledMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'search-query',
  'search-offers',
  'currency-list',
  'currency-get',
  'catalogue-stats',
  'enterprise-facets',
  'enterprise-get',
  'enterprise-list',
  'enterprise-query',
  'enterprise-relations',
  'enterprise-unclassified',
  'map-points',
  'network-graph',
  'network-labels',
  'network-list',
  'product-list',
  'vocab-get',
  'import-merges-list',
  'profile-list',
  'scenario-list',
  'scenario-get',
  'export-run',
  'catalogue-print',
]);
