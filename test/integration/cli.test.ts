import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { teia } from '../helpers/cli.ts';


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
