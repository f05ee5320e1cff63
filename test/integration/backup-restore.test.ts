import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { backupFolder, createBackup, listBackups } from '../../electron/core/backup.ts';
import { migrate, openDatabase } from '../../electron/core/db/open.ts';
import { migrations, latestVersion } from '../../electron/core/db/migrations/index.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fingerprintDb, fingerprintFile } from '../helpers/crash-state.ts';
import { teia } from '../helpers/cli.ts';

const dirs: { cleanup(): void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) d.cleanup();
});

function freshCore(sample = true) {
  const tmp = tempDir();
  dirs.push(tmp);
  const dbPath = path.join(tmp.dir, 'teia.db');
  const core = openCore({ dbPath, host: 'server', sample });
  cores.push(core);
  return { core, dbPath, dir: tmp.dir };
}

const csv = (rows: string[]) => Buffer.from(['name,locality', ...rows].join('\n')).toString('base64');


describe('rolling backups', () => {
  it('takes a backup before an import that holds the catalogue as it was before it', async () => {
    const { core, dbPath } = freshCore();
    const before = fingerprintDb(core.ctx.db);
    const report = await core.call('import-run', { fileName: 'new.csv', contentBase64: csv(['Padaria Nova,Porto', 'Horta Viva,Braga']), mapping: { name: 'name', locality: 'locality' } });
    expect(report.applied).toBe(true);
    const list = await core.call('backup-list', {});
    expect(list.folder).toBe(backupFolder(dbPath));
    expect(list.items).toHaveLength(1);
    expect(list.items[0].reason).toBe('before-import');
    const copy = fingerprintFile(path.join(list.folder, list.items[0].name));
    expect(copy).toEqual(before);
    expect(fingerprintDb(core.ctx.db).counts.enterprises).toBe(before.counts.enterprises + 2);
  });

  it('restores a backup into the open catalogue, and the restore itself can be undone', async () => {
    const { core, dbPath } = freshCore();
    const original = fingerprintDb(core.ctx.db);
    const kept = await core.call('backup-create', { reason: 'Before my edits!' });
    expect(kept.reason).toBe('before-my-edits');
    const created = await core.call('enterprise-create', { name: 'Cooperativa Depois', solidarity: true });
    const changed = fingerprintDb(core.ctx.db);
    expect(changed.hash).not.toBe(original.hash);

    // A second window (another connection) has the same file open throughout.
    const other = openCore({ dbPath, host: 'desktop', sample: false });
    cores.push(other);
    await other.call('catalogue-stats', {});

    const r = await core.call('backup-restore', { name: kept.name });
    expect(r.restored.name).toBe(kept.name);
    expect(r.undo?.reason).toBe('before-restore');
    expect(r.schemaVersion).toBe(latestVersion);
    expect(fingerprintDb(core.ctx.db)).toEqual(original);
    expect(fingerprintDb(other.ctx.db)).toEqual(original);
    await expect(core.call('enterprise-get', { id: created.id })).rejects.toMatchObject({ code: 'not-found' });
    // Search still works on the restored content (its index came back with it).
    const hits = await other.call('search-query', { q: 'armazem' });
    expect(hits).toBeTruthy();

    await core.call('backup-restore', { name: r.undo!.name });
    expect(fingerprintDb(core.ctx.db)).toEqual(changed);
  });

  it('names backups only from the list: no paths, no other files', async () => {
    const { core, dir } = freshCore();
    fs.writeFileSync(path.join(dir, 'secret.db'), 'x');
    for (const name of ['../secret.db', '/etc/passwd', 'teia.db', '..']) {
      await expect(core.call('backup-restore', { name })).rejects.toMatchObject({ code: 'not-found' });
    }
  });

  it('keeps only the newest ten', async () => {
    const { core, dbPath } = freshCore(false);
    for (let i = 0; i < 13; i++) await createBackup(core.ctx.db, dbPath, `step-${i}`);
    const items = listBackups(dbPath);
    expect(items).toHaveLength(10);
    expect(items[0].reason).toBe('step-12');
    expect(items.at(-1)!.reason).toBe('step-3');
    expect(fs.readdirSync(backupFolder(dbPath)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses to create or restore backups on a read-only server', async () => {
    const { core, dbPath } = freshCore();
    const kept = await core.call('backup-create', {});
    const ro = openCore({ dbPath, host: 'server', readOnly: true, sample: false });
    cores.push(ro);
    expect((await ro.dispatch('backup-create', {})).ok).toBe(false);
    expect(await ro.dispatch('backup-restore', { name: kept.name })).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });
});

describe('a backup before every migration', () => {
  it('copies a catalogue written at an earlier schema aside before migrating it', () => {
    const tmp = tempDir();
    dirs.push(tmp);
    const file = path.join(tmp.dir, 'old.db');
    const raw = new Database(file);
    migrate(raw, 0, migrations.slice(0, 1));
    raw.prepare("INSERT INTO enterprises (id, name, solidarity) VALUES ('e1', 'Antiga', 1)").run();
    raw.close();
    const db = openDatabase(file);
    db.close();
    const [b] = listBackups(file);
    expect(b.reason).toBe('before-migration-v1');
    const copy = new Database(path.join(backupFolder(file), b.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM enterprises').pluck().all()).toEqual(['Antiga']);
    copy.close();
    // A new, empty file and an up-to-date one are not copied.
    openDatabase(path.join(tmp.dir, 'new.db')).close();
    openDatabase(path.join(tmp.dir, 'new.db')).close();
    expect(listBackups(path.join(tmp.dir, 'new.db'))).toEqual([]);
  });

  it('`teia restore` lists backups and puts an old-schema one back, migrated forward', async () => {
    const tmp = tempDir();
    dirs.push(tmp);
    const file = path.join(tmp.dir, 'teia.db');
    const raw = new Database(file);
    migrate(raw, 0, migrations.slice(0, 1));
    raw.prepare("INSERT INTO enterprises (id, name, solidarity) VALUES ('e1', 'Padaria Antiga', 1)").run();
    raw.close();
    const core = openCore({ dbPath: file, host: 'cli', sample: false });
    await core.call('enterprise-create', { name: 'Nova Depois da Migração', solidarity: false });
    core.close();

    const listed = await teia('restore', '--list', '--db', file);
    expect(listed.code).toBe(0);
    const name = listBackups(file)[0].name;
    expect(listed.stdout).toContain(name);

    const r = await teia('restore', name, '--db', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/teia restore .*before-restore/);
    const after = openCore({ dbPath: file, host: 'cli', sample: false });
    cores.push(after);
    const names = (await after.call('search-query', { q: 'padaria' })) as unknown;
    expect(JSON.stringify(names)).toContain('Padaria Antiga');
    expect(after.ctx.db.prepare('SELECT name FROM enterprises ORDER BY name').pluck().all()).toEqual(['Padaria Antiga']);
    expect(after.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');

    const missing = await teia('restore', 'nope.db', '--db', file);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no backup "nope.db"/);
  });
});
