// Duplicate proposals (issue 3): an import run with `propose` writes the incoming enterprise
// as its own record and leaves a question here — "is it the same as this one?" — for a person
// to answer (merge, keep both, or drop the incoming copy), as Open Supply Hub does.
import type { Migration } from './types.ts';

export const migration0003: Migration = {
  version: 3,
  name: 'merge-proposals',
  up: `
CREATE TABLE merge_proposals (
  id INTEGER PRIMARY KEY,
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  existing_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  incoming_id TEXT NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
  reasons TEXT NOT NULL DEFAULT '[]',    -- JSON array of phrases: "same name", "same postcode"
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX merge_proposals_existing ON merge_proposals(existing_id);
CREATE INDEX merge_proposals_incoming ON merge_proposals(incoming_id);
`,
};
