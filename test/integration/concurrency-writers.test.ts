import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { startServe } from '../helpers/serve.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';
import { fingerprintFile } from '../helpers/crash-state.ts';

/**
 * Two windows, or the desktop app and `teia serve`, on the same file: separate processes write
 * at the same time (SQLite's busy timeout makes each wait its turn; every write is one
 * transaction), and every write lands, none is lost, none surfaces SQLITE_BUSY.
 */
const tmp = tempDir('teia-concurrency-');
afterAll(() => tmp.cleanup());
const stress = process.env.TEIA_STRESS === '1';
const perWriter = stress ? 300 : 40;

function writer(file: string, tag: string, go: string) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'tsx.mjs'), 'test/helpers/crash-writer.ts', 'writes', file, tag, String(perWriter), go], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise<{ tag: string; ok: number; errors: string[] }>((resolve, reject) =>
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`writer ${tag} exited with ${code}:\n${out}`));
      else resolve(JSON.parse(line));
    }),
  );
}

describe('several processes writing one catalogue', () => {
  // Three processes start (tsx), write 120 times and import: on a loaded machine that takes
  // longer than the default bound; the test waits for the writes, not for a time.
  it('two desktop-like writers and `teia serve` all land every write', async () => {
    const file = path.join(tmp.dir, 'shared.db');
    openCore({ dbPath: file, host: 'desktop', sample: true }).close();
    const before = fingerprintFile(file).counts;
    const go = path.join(tmp.dir, 'go');
    const serve = await startServe(['--db', file, '--no-sample']);
    try {
      const writers = [writer(file, 'A', go), writer(file, 'B', go)];
      // Let both children start (tsx) before the gun; the server writes meanwhile too.
      await new Promise((r) => setTimeout(r, 1500));
      fs.writeFileSync(go, '');
      const post = async (method: string, input: unknown) => {
        const res = await fetch(new URL(`rpc/${method}`, serve.url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${serve.token}` }, body: JSON.stringify(input) });
        return (await res.json()) as { ok: boolean; value?: { id: string }; error?: { message: string } };
      };
      const serverErrors: string[] = [];
      for (let i = 0; i < perWriter; i++) {
        const r = await post('enterprise-create', { name: `Writer S number ${i}`, solidarity: true });
        if (!r.ok) serverErrors.push(r.error!.message);
      }
      const results = await Promise.all(writers);
      expect(serverErrors).toEqual([]);
      for (const r of results) {
        expect(r.errors, `writer ${r.tag}`).toEqual([]);
        expect(r.ok).toBe(perWriter);
      }
    } finally {
      await serve.stop();
    }
    const after = fingerprintFile(file);
    expect(after.integrity).toBe('ok');
    const imports = Math.ceil(perWriter / 10);
    // Every create, every imported row (2 writers × imports × 20 rows), every scenario is there.
    expect(after.counts.enterprises).toBe(before.enterprises + 3 * perWriter + 2 * imports * 20);
    expect(after.counts.scenarios).toBe(before.scenarios + 2 * imports);
    expect(after.counts.imports).toBe(before.imports + 2 * imports);
    const core = openCore({ dbPath: file, host: 'cli', sample: false });
    try {
      // Each writer's update of its own records landed (no lost update).
      const described = core.ctx.db.prepare("SELECT count(*) FROM enterprises WHERE description IN ('written by A', 'written by B')").pluck().get();
      expect(described).toBe(2 * perWriter);
    } finally {
      core.close();
    }
  }, 180_000);
});
