// A scenario may now also say "if these enterprises accepted this currency" (ENGINE.md §3.8
// what-if): a JSON array of {currency, enterprises, share?, products?}. Scenarios saved before
// are plans only, so they get an empty list and load as they did.
import type { Migration } from './types.ts';

export const migration0008: Migration = {
  version: 8,
  name: 'scenario-acceptances',
  up: `ALTER TABLE scenarios ADD COLUMN acceptances TEXT NOT NULL DEFAULT '[]';`,
};
