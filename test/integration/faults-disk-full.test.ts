import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { generatePackage } from '../../electron/core/catalogue/generate.ts';
import { stringifyPackage } from '../../electron/core/catalogue/package-json.ts';
import { fingerprintFile } from '../helpers/crash-state.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * Disk full, on a real small file system: a tmpfs the test mounts (it needs root). The write
 * fails, the catalogue stays exactly as it was, and the person gets one sentence saying so.
 */
const tmp = tempDir('teia-diskfull-');
const mnt = path.join(tmp.dir, 'disk');
let reason = '';
if (process.getuid?.() !== 0) reason = 'not running as root, so no tmpfs can be mounted';
else {
  fs.mkdirSync(mnt);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mnt], { stdio: 'pipe' });
  } catch (err) {
    reason = `mounting a tmpfs failed (${String((err as Error).message).split('\n')[0]})`;
  }
}
if (reason) console.log(`[disk-full] skipped: ${reason}.`);
afterAll(() => {
  if (!reason) execFileSync('umount', [mnt]);
  tmp.cleanup();
});

const filler = path.join(mnt, 'filler');
/** Fills the disk, then gives back `leave` bytes. */
function fillDisk(leave: number) {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const fd = fs.openSync(filler, 'w');
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - leave));
}

const sentence = /^The disk is full, so the change was not saved; nothing was lost\. Free some space and try again\.$/;

describe.skipIf(Boolean(reason))('a full disk', () => {
  const template = path.join(tmp.dir, 'template.db');
  let bigImport: string;
  beforeAll(() => {
    openCore({ dbPath: template, host: 'cli', sample: true }).close();
    bigImport = Buffer.from(stringifyPackage(generatePackage({ enterprises: 3000, seed: 11, flowsPerEnterprise: 3 }))).toString('base64');
  });

  /** A catalogue on the small disk, opened, with its fingerprint taken before. */
  function onDisk(name: string): { file: string; core: Core; before: ReturnType<typeof fingerprintFile> } {
    const file = path.join(mnt, name);
    fs.copyFileSync(template, file);
    const before = fingerprintFile(file);
    return { file, before, core: openCore({ dbPath: file, host: 'server', sample: false }) };
  }
  function cleanUp(file: string) {
    fs.rmSync(filler, { force: true });
    for (const f of fs.readdirSync(mnt)) if (f.startsWith(path.basename(file))) fs.rmSync(path.join(mnt, f), { force: true });
    fs.rmSync(path.join(mnt, 'backups'), { recursive: true, force: true });
  }

  it('during an import’s write (the backup fits, the import does not): refused, catalogue unchanged', async () => {
    const { file, core, before } = onDisk('import.db');
    try {
      // Room for the backup copy and a little more, far from enough for 3,000 enterprises.
      fillDisk(fs.statSync(file).size + 512 * 1024);
      const r = await core.dispatch('import-run', { fileName: 'big.json', contentBase64: bigImport });
      expect(r).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringMatching(sentence) } });
      expect(fs.readdirSync(path.join(mnt, 'backups')).filter((f) => !f.endsWith('.partial')).length).toBe(1);
      core.close();
      fs.rmSync(filler);
      expect(fingerprintFile(file)).toEqual(before);
    } finally {
      core.close();
      cleanUp(file);
    }
  });

  it('before an import’s backup can even be written: refused, no half backup left', async () => {
    const { file, core, before } = onDisk('import2.db');
    try {
      fillDisk(64 * 1024);
      const r = await core.dispatch('import-run', { fileName: 'big.json', contentBase64: bigImport });
      expect(r).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringMatching(sentence) } });
      expect(fs.readdirSync(path.join(mnt, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
      core.close();
      fs.rmSync(filler);
      expect(fingerprintFile(file)).toEqual(before);
    } finally {
      core.close();
      cleanUp(file);
    }
  });

  it('during a scenario save: refused, catalogue unchanged, and it saves once there is room', async () => {
    const { file, core, before } = onDisk('scenario.db');
    try {
      const changes = Array.from({ length: 20_000 }, (_, i) => ({ line: `f${i}`, buyer: `buyer-${i % 977}`, product: `p${i % 31}`, from: `s${i % 13}`, to: `t${i % 17}`, quantity: i % 1000 }));
      fillDisk(0);
      const r = await core.dispatch('scenario-save', { name: 'Big what-if', network: null, changes });
      expect(r).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringMatching(sentence) } });
      fs.rmSync(filler);
      expect(fingerprintFile(file)).toEqual(before);
      expect((await core.dispatch('scenario-save', { name: 'Big what-if', network: null, changes })).ok).toBe(true);
      core.close();
      const after = fingerprintFile(file);
      expect(after.integrity).toBe('ok');
      expect(after.counts.scenarios).toBe(before.counts.scenarios + 1);
    } finally {
      core.close();
      cleanUp(file);
    }
  });
});
