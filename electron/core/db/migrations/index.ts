import type { Migration } from './types.ts';
import { migration0001 } from './0001-initial.ts';

/** Every migration, in order. Append only: a shipped migration never changes. */
export const migrations: readonly Migration[] = [migration0001];

export const latestVersion = migrations[migrations.length - 1].version;
