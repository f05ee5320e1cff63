import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { teia } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

/** `teia currency` on a real catalogue file (the sample): list, show, accept in bulk, refusals in a sentence. */
const tmp = tempDir('teia-currency-cli-');
const db = path.join(tmp.dir, 'c.db');
openCore({ dbPath: db, host: 'cli', sample: true }).close();
afterAll(() => tmp.cleanup());

describe('teia currency', () => {
  it('lists, shows who accepts a currency, and sets acceptance for several enterprises at once', async () => {
    const listed = await teia('currency', '--db', db);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^ipe\s+Ipê \(social-currency\)$/m);

    const set = await teia('currency', 'ipe', '--accept', 'armazem,consumo', '--share', '0.4', '--for', 'coffee', '--db', db);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('2 changed.\n');
    const shown = await teia('currency', 'ipe', '--json', '--db', db);
    const page = JSON.parse(shown.stdout) as { acceptors: { enterprise: { id: string }; share: number | null; products: { id: string }[] | null }[] };
    for (const id of ['armazem', 'consumo']) {
      expect(page.acceptors.find((a) => a.enterprise.id === id)).toMatchObject({ share: 0.4, products: [{ id: 'coffee' }] });
    }
    expect((await teia('currency', 'ipe', '--db', db)).stdout).toMatch(/Armazém Solidário do Ipê \(armazem\): up to 40 %, for Coffee/);

    const share = await teia('currency', 'ipe', '--accept', 'armazem', '--share', '1.5', '--db', db);
    expect(share.code).toBe(1);
    expect(share.stderr).toMatch(/A share is at most 1 \(the whole price\)/);
    const nobody = await teia('currency', 'ipe', '--accept', 'armazem,nobody', '--db', db);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toBe('teia currency: One of the chosen enterprises is not in the catalogue ("nobody"); nothing was changed.\n');
  });
});
