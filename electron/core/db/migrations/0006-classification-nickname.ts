// Solidarity is decided by a person, never assumed: an imported enterprise can be "not yet
// classified" (solidarity 0 for the engine, which keeps the flag a boolean, and listed to
// classify). And the short name or acronym by which a co-op is known (Murmurations'
// `nickname`), which the matcher compares as its own field.
import type { Migration } from './types.ts';

export const migration0006: Migration = {
  version: 6,
  name: 'classification-nickname',
  up: `
ALTER TABLE enterprises ADD COLUMN classified INTEGER NOT NULL DEFAULT 1 CHECK (classified IN (0, 1));
ALTER TABLE enterprises ADD COLUMN nickname TEXT;
CREATE INDEX enterprises_unclassified ON enterprises(classified) WHERE classified = 0;
`,
};
