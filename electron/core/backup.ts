import fs from 'node:fs';
import { isDiskFull, diskFullError } from './disk-full.ts';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TeiaError } from '../../shared/contract/errors.ts';
import type { BackupItem } from '../../shared/contract/backup.ts';
import type { Db } from './db/open.ts';
import { latestVersion } from './db/migrations/index.ts';

/**
 * Rolling backups of a catalogue file, kept in a `backups/` folder beside it and named
 * `<catalogue>.<ISO time>.<reason>.db`, newest `keep` kept. Taken before every import, every
 * migration and every restore, so each of them can be undone from the window or `teia restore`.
 */
export const defaultKeep = 10;

const namePattern = /^(.+)\.(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z)(?:-(\d+))?\.([a-z0-9-]+)\.db$/;

export function backupFolder(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

const stemOf = (dbPath: string) => path.basename(dbPath).replace(/\.[^.]*$/, '') || 'catalogue';

/** Backups only make sense for a file (a test's in-memory catalogue has none). */
export function canBackUp(dbPath: string): boolean {
  return dbPath !== ':memory:' && dbPath !== '';
}

/** The catalogue's backups, newest first. */
export function listBackups(dbPath: string): BackupItem[] {
  const folder = backupFolder(dbPath);
  if (!canBackUp(dbPath) || !fs.existsSync(folder)) return [];
  const stem = stemOf(dbPath);
  const items: BackupItem[] = [];
  for (const name of fs.readdirSync(folder)) {
    const m = namePattern.exec(name);
    if (!m || m[1] !== stem) continue;
    const iso = m[2].replace(/T(\d\d)-(\d\d)-(\d\d)/, 'T$1:$2:$3');
    let bytes: number;
    try {
      bytes = fs.statSync(path.join(folder, name)).size;
    } catch {
      continue; // removed meanwhile by another window's pruning
    }
    items.push({ name, createdAt: iso, reason: m[4], bytes });
  }
  return items.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** A fresh, unused file name for a backup taken now. */
function nextName(dbPath: string, reason: string): string {
  const folder = backupFolder(dbPath);
  fs.mkdirSync(folder, { recursive: true });
  const clean = reason.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'manual';
  const stamp = new Date().toISOString().replace(/:/g, '-');
  for (let i = 1; ; i++) {
    const name = `${stemOf(dbPath)}.${stamp}${i === 1 ? '' : `-${i}`}.${clean}.db`;
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

function itemFor(dbPath: string, name: string): BackupItem {
  const found = listBackups(dbPath).find((b) => b.name === name);
  if (!found) throw new TeiaError('internal', `The backup ${name} was written but cannot be found again.`);
  return found;
}

/** Removes all but the newest `keep` backups of this catalogue. */
export function pruneBackups(dbPath: string, keep = defaultKeep): void {
  for (const old of listBackups(dbPath).slice(Math.max(1, keep))) {
    fs.rmSync(path.join(backupFolder(dbPath), old.name), { force: true });
  }
}

/**
 * A backup file is a plain rollback-journal database: a copy of a WAL catalogue keeps WAL in
 * its header, and opening it (to check or restore it) would leave -wal and -shm files beside
 * it in the backups folder.
 */
function settle(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * Opens a backup read-only for `use`, then removes the -wal/-shm files that opening it made
 * (a read-only connection cannot remove them itself; older backups were written in WAL mode).
 * Files that were there before are left alone.
 */
function readBackup<T>(file: string, use: (src: Db) => T): T {
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  const src = new Database(file, { readonly: true, fileMustExist: true });
  const done = () => {
    src.close();
    for (const f of sidecars) {
      try {
        if (f.endsWith('-shm') || fs.statSync(f).size === 0) fs.rmSync(f, { force: true });
      } catch {
        // not created: nothing to remove
      }
    }
  };
  let result: T;
  try {
    result = use(src);
  } catch (err) {
    done();
    throw err;
  }
  // An async use (the restore's backup steps) keeps the file open until it settles.
  if (result instanceof Promise) return result.finally(done) as T;
  done();
  return result;
}

/**
 * A consistent copy taken with SQLite's online backup API: other windows keep reading and
 * writing meanwhile, and the copy is the catalogue as of one moment. Written under a temporary
 * name and renamed, so a crash never leaves a half backup that looks whole.
 */
export async function createBackup(db: Db, dbPath: string, reason: string, keep = defaultKeep): Promise<BackupItem | null> {
  if (!canBackUp(dbPath)) return null;
  const name = nextName(dbPath, reason);
  const final = path.join(backupFolder(dbPath), name);
  const partial = `${final}.partial`;
  try {
    await db.backup(partial);
    settle(partial);
    fs.renameSync(partial, final);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (isDiskFull(err)) throw diskFullError();
    throw new TeiaError('internal', `Teia could not back up the catalogue before going on (${(err as Error).message}); nothing was changed.`);
  }
  pruneBackups(dbPath, keep);
  return itemFor(dbPath, name);
}

/**
 * The same, synchronously, for the moment before a migration (opening a file is synchronous).
 * VACUUM INTO is SQLite's own consistent copy of a live database.
 */
export function createBackupSync(db: Db, dbPath: string, reason: string, keep = defaultKeep): BackupItem | null {
  if (!canBackUp(dbPath)) return null;
  const name = nextName(dbPath, reason);
  const final = path.join(backupFolder(dbPath), name);
  const partial = `${final}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    settle(partial);
    fs.renameSync(partial, final);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw new TeiaError('internal', `Teia could not back up the catalogue before updating it (${(err as Error).message}); the file was left untouched.`);
  }
  pruneBackups(dbPath, keep);
  return itemFor(dbPath, name);
}

/** The file of a backup given by its name in the list (never a path: nothing outside the folder). */
export function backupPath(dbPath: string, name: string): string {
  if (!listBackups(dbPath).some((b) => b.name === name)) {
    throw new TeiaError('not-found', `There is no backup called "${name.slice(0, 200)}" for this catalogue. List them with \`teia restore --list\`.`, undefined, { key: 'backup-not-found', args: { name: name.slice(0, 200) } });
  }
  return path.join(backupFolder(dbPath), name);
}

/** Refuses a file that is not a whole Teia catalogue this version can open. */
export function checkBackupFile(file: string): number {
  try {
    return readBackup(file, (src) => {
      const version = src.pragma('user_version', { simple: true }) as number;
      const ok = src.pragma('quick_check', { simple: true });
      const hasCatalogue = src.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enterprises'").get();
      if (ok !== 'ok' || !hasCatalogue) throw new TeiaError('invalid-input', `${path.basename(file)} is not a whole Teia catalogue, so it was not restored.`);
      if (version > latestVersion) {
        throw new TeiaError('newer-database', `${path.basename(file)} was written by a newer version of Teia (schema ${version}); update Teia to restore it.`, undefined, { key: 'newer-database', args: { version } });
      }
      return version;
    });
  } catch (err) {
    if (err instanceof TeiaError) throw err;
    throw new TeiaError('invalid-input', `${path.basename(file)} could not be read as a Teia catalogue (${(err as Error).message}).`);
  }
}

/**
 * Puts a backup's content back into the live catalogue, after backing up the current state
 * (so a restore can itself be undone). It runs the online backup API in reverse — from the
 * backup file into the catalogue file — so the copy lands in one write transaction through
 * SQLite's locks: every open connection (this core's, another window's, `teia serve`'s) stays
 * valid and simply sees the restored content; a crash midway leaves the catalogue as it was.
 * An older backup is then migrated forward by the caller (see restoreInto).
 */
export async function restoreFile(db: Db, dbPath: string, file: string): Promise<{ undo: BackupItem | null }> {
  checkBackupFile(file);
  const undo = await createBackup(db, dbPath, 'before-restore');
  await readBackup(file, async (src) => {
    // All pages in one step (one transaction on the catalogue). A first step that met a busy
    // catalogue reports no pages at all: try again rather than report a restore that did not happen.
    for (let attempt = 0; ; attempt++) {
      const progress = await src.backup(path.resolve(dbPath), { progress: () => 0x7fffffff });
      if (progress.totalPages > 0) break;
      if (attempt > 50) throw new TeiaError('conflict', 'The catalogue stayed busy (another window is writing); try the restore again in a moment.');
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  return { undo };
}
