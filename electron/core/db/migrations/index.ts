import type { Migration } from './types.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-search.ts';
import { migration0003 } from './0003-merge-proposals.ts';
import { migration0004 } from './0004-directory-indexes.ts';
import { migration0005 } from './0005-directory-sort-keys.ts';
import { migration0006 } from './0006-classification-nickname.ts';
import { migration0007 } from './0007-currencies-acceptance.ts';
import { migration0008 } from './0008-scenario-acceptances.ts';
import { migration0009 } from './0009-redundant-indexes.ts';
import { migration0010 } from './0010-search-prefixes.ts';

/** Every migration, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010];

export const latestVersion = migrations[migrations.length - 1].version;
