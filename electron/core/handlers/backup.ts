import type { Handlers } from '../dispatch.ts';
import type { CoreContext } from '../context.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { backupFolder, backupPath, createBackup, defaultKeep, listBackups, restoreFile } from '../backup.ts';
import { migrate, schemaVersion } from '../db/open.ts';

type BackupHandlers = Pick<Handlers, 'backup-list' | 'backup-create' | 'backup-restore'>;

/** A restore or backup while this connection is inside an import would wait on itself. */
function notDuringImport(ctx: CoreContext) {
  if (ctx.db.inTransaction) throw new TeiaError('conflict', 'An import is still running; wait for it to finish, then try again.');
}

/**
 * Restores the named backup into the live catalogue and brings an older one up to this
 * version's schema. Shared by the contract method and `teia restore`.
 */
export async function restoreBackup(ctx: Pick<CoreContext, 'db' | 'dbPath'>, name: string) {
  const file = backupPath(ctx.dbPath, name);
  const restored = listBackups(ctx.dbPath).find((b) => b.name === name)!;
  const { undo } = await restoreFile(ctx.db, ctx.dbPath, file);
  migrate(ctx.db, schemaVersion(ctx.db));
  return { restored, undo, schemaVersion: schemaVersion(ctx.db) };
}

export const backupHandlers: BackupHandlers = {
  'backup-list': (_input, ctx) => ({ folder: backupFolder(ctx.dbPath), keep: defaultKeep, items: listBackups(ctx.dbPath) }),
  'backup-create': async ({ reason }, ctx) => {
    notDuringImport(ctx);
    const item = await createBackup(ctx.db, ctx.dbPath, reason ?? 'manual');
    if (!item) throw new TeiaError('unsupported', 'This catalogue lives in memory only, so it has no backups.');
    return item;
  },
  'backup-restore': async ({ name }, ctx) => {
    notDuringImport(ctx);
    const result = await restoreBackup(ctx, name);
    ctx.emit({ type: 'catalogue-changed', reason: 'restore' });
    return result;
  },
};
