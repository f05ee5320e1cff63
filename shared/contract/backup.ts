import { z } from 'zod';
import { defineMethod } from './define.ts';

/** One rolling backup of the catalogue, kept beside it in `backups/`. */
export const backupItemSchema = z.object({
  /** The file name in the backups folder; the only way to name a backup (never a path). */
  name: z.string(),
  /** When it was taken (ISO 8601, UTC). */
  createdAt: z.string(),
  /** Why: before-import, before-migration-v2, before-restore, manual… */
  reason: z.string(),
  bytes: z.number().int(),
});
export type BackupItem = z.infer<typeof backupItemSchema>;

const backupName = z.string().min(1).max(300);

/** Backups: taken before every import, migration and restore; listed and restored from the window. */
export const backupMethods = {
  'backup-list': defineMethod({
    summary: 'The catalogue\'s rolling backups, newest first, and the folder they are kept in.',
    write: false,
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), keep: z.number().int(), items: z.array(backupItemSchema) }),
  }),
  'backup-create': defineMethod({
    summary: 'Takes a backup of the catalogue now (SQLite\'s online backup: others keep working meanwhile).',
    // Not a change to the catalogue, but it writes to the disk: a read-only server refuses it.
    write: true,
    input: z.object({ reason: z.string().max(40).optional() }).strict(),
    output: backupItemSchema,
  }),
  'backup-restore': defineMethod({
    summary: 'Puts a backup back as the catalogue, first backing up the current state so the restore can be undone.',
    write: true,
    input: z.object({ name: backupName }).strict(),
    output: z.object({ restored: backupItemSchema, undo: backupItemSchema.nullable(), schemaVersion: z.number().int() }),
  }),
};
