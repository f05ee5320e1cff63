import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from '../command.ts';
import { dbOption, jsonOption } from '../command.ts';
import { defaultDatabasePath } from '../../core/paths.ts';
import { backupFolder, listBackups, restoreFile } from '../../core/backup.ts';
import { migrate, schemaVersion } from '../../core/db/open.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { BackupItem } from '../../../shared/contract/backup.ts';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);

function listing(dbPath: string, items: BackupItem[]): string {
  if (!items.length) return `No backups of ${dbPath} yet (they are taken before every import and migration, in ${backupFolder(dbPath)}).\n`;
  const lines = items.map((b) => `  ${b.name}  ${b.reason.padEnd(22)} ${size(b.bytes)}`);
  return `Backups of ${dbPath}, newest first (in ${backupFolder(dbPath)}):\n${lines.join('\n')}\n`;
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Lists the catalogue\'s backups, or puts one back (after backing up the current state).',
  usage: 'teia restore [BACKUP] [--db PATH] [--list] [--json]   (BACKUP: a name from --list, or a backup file)',
  options: { ...dbOption, ...jsonOption, list: { type: 'boolean' } },
  async run({ values, positionals, stdout, stderr }) {
    const dbPath = defaultDatabasePath(values.db as string | undefined);
    const items = listBackups(dbPath);
    if (values.list || positionals.length === 0) {
      if (values.json) stdout.write(JSON.stringify({ folder: backupFolder(dbPath), items }) + '\n');
      else stdout.write(listing(dbPath, items));
      if (positionals.length === 0 && !values.list) stderr.write('Give the backup to restore: teia restore NAME\n');
      return positionals.length === 0 && !values.list ? 2 : 0;
    }
    if (positionals.length > 1) {
      stderr.write(`teia restore: give one backup.\nUsage: ${this.usage}\n`);
      return 2;
    }
    const given = positionals[0];
    const named = items.find((b) => b.name === given);
    const file = named ? path.join(backupFolder(dbPath), named.name) : given;
    if (!named && !fs.existsSync(file)) {
      throw new TeiaError('not-found', `There is no backup "${given}" for ${dbPath}. List them with \`teia restore --list\`.`);
    }
    if (!fs.existsSync(dbPath)) throw new TeiaError('not-found', `There is no catalogue at ${dbPath} to restore into.`);
    // Opened without migrating: the live file may be from another version; the restored one
    // is brought up to date below.
    const db = new Database(dbPath);
    try {
      db.pragma('busy_timeout = 5000');
      const { undo } = await restoreFile(db, dbPath, path.resolve(file));
      migrate(db, schemaVersion(db));
      const result = { restored: named?.name ?? path.resolve(file), undo: undo?.name ?? null, schemaVersion: schemaVersion(db) };
      if (values.json) stdout.write(JSON.stringify(result) + '\n');
      else {
        stdout.write(`Restored ${result.restored} into ${dbPath}.\n`);
        if (undo) stdout.write(`The state before the restore was kept as ${undo.name}: \`teia restore ${undo.name}\` undoes it.\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
