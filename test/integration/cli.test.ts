import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { tempDir } from '../helpers/tmp.ts';

/** Runs `teia …` in-process with captured output. */
async function teia(...argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(argv, out, err);
  return { code, stdout, stderr };
}

describe('the teia command', () => {
  it('lists its commands with --help', async () => {
    const r = await teia('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/serve/);
    expect(r.stdout).toMatch(/stats/);
  });

  it('prints counts as JSON, and an empty new catalogue has none', async () => {
    const tmp = tempDir();
    try {
      const r = await teia('stats', '--json', '--db', path.join(tmp.dir, 'c.db'));
      expect(r.code).toBe(0);
      const stats = JSON.parse(r.stdout);
      expect(stats.enterprises).toBe(0);
      expect(Object.keys(stats)).toEqual(expect.arrayContaining(['enterprises', 'products', 'offers', 'needs', 'flows', 'networks', 'currencies']));
    } finally {
      tmp.cleanup();
    }
  });

  it('names an unknown command or flag and exits non-zero', async () => {
    const unknown = await teia('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badFlag = await teia('stats', '--nope');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/Usage: teia stats/);
  });
});
