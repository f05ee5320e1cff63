import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { tempDir } from '../helpers/tmp.ts';
import { teia } from '../helpers/cli.ts';

const dirs: { cleanup(): void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
  for (const d of dirs.splice(0)) d.cleanup();
});

/** What lies in the backups folder beside the backup files themselves. */
const sidecars = (folder: string) => fs.readdirSync(folder).filter((n) => /-(wal|shm|journal)$|\.partial$/.test(n));

describe('backups leave no SQLite side files (-wal, -shm) beside them', () => {
  it('after a restore from the window and from teia restore', async () => {
    const tmp = tempDir();
    dirs.push(tmp);
    const dbPath = path.join(tmp.dir, 'teia.db');
    const core = openCore({ dbPath, host: 'server', sample: true });
    cores.push(core);
    const kept = await core.call('backup-create', { reason: 'manual' });
    await core.call('enterprise-create', { name: 'Cooperativa Depois', solidarity: true });
    const folder = (await core.call('backup-list', {})).folder;
    expect(sidecars(folder)).toEqual([]);

    await core.call('backup-restore', { name: kept.name });
    expect(fs.readdirSync(folder).filter((n) => n.endsWith('.db')).length).toBe(2); // the backup and the undo point
    expect(sidecars(folder)).toEqual([]);
    // The catalogue itself stays in WAL mode (a second window keeps reading while one writes).
    expect(core.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    const reopened = openCore({ dbPath, host: 'desktop', sample: false });
    cores.push(reopened);
    expect(reopened.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');

    const r = await teia('restore', '--db', dbPath, kept.name);
    expect(r.stderr).toBe('');
    expect(sidecars(folder)).toEqual([]);
  });
});
