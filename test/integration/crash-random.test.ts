import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { generatePackage } from '../../electron/core/catalogue/generate.ts';
import { stringifyPackage } from '../../electron/core/catalogue/package-json.ts';
import { seededRandom } from '../../shared/engine/random.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fingerprintFile, type Fingerprint } from '../helpers/crash-state.ts';
import { run } from '../helpers/crash-run.ts';

/**
 * Killed at any moment: an import and a scenario save, each SIGKILLed at 20 random moments of
 * its write (seeded, so a failure repeats). After every kill the reopened catalogue passes
 * integrity_check and is exactly as before the write or exactly as after it, never between.
 * Each kill costs a child process (seconds here), so this runs in `npm run test:stress` only;
 * `npm test` keeps its four chosen kill points (crash-safety.test.ts).
 */
const stress = process.env.TEIA_STRESS === '1';
if (!stress) console.log('[crash-random] skipped here: the 20 random kills per write run in `npm run test:stress`.');
const kills = 20;

describe.runIf(stress)('killed at 20 random moments', () => {
  const tmp = tempDir('teia-crash-random-');
  const template = path.join(tmp.dir, 'template.db');
  const bigFile = path.join(tmp.dir, 'big.json');
  let before: Fingerprint;
  beforeAll(() => {
    openCore({ dbPath: template, host: 'cli', sample: true }).close();
    fs.writeFileSync(bigFile, stringifyPackage(generatePackage({ enterprises: 3000, seed: 7, flowsPerEnterprise: 3 })));
    before = fingerprintFile(template);
  });
  afterAll(() => tmp.cleanup());

  /**
   * One write run to its end on a copy (its fingerprint is "after" and its length the window),
   * then `kills` runs, each killed a random time after `start` is printed, within 1.2 windows
   * (so a few kills land after the write ended: those must show "after", whole).
   */
  async function randomKills(name: string, args: (file: string) => string[], start: string, end: string, seed: number) {
    const copy = (i: number | string) => {
      const file = path.join(tmp.dir, `${name}-${i}.db`);
      fs.copyFileSync(template, file);
      return file;
    };
    const refFile = copy('whole');
    const ref = run(args(refFile), { TEIA_CRASH_SMALL_CACHE: '1' });
    await ref.line(start);
    const t0 = performance.now();
    await ref.line(end);
    const window = performance.now() - t0;
    expect(await ref.exited).toBe(0);
    const after = fingerprintFile(refFile);
    expect(after.hash).not.toBe(before.hash);

    const rnd = seededRandom(seed);
    const tally = { before: 0, after: 0 };
    for (let i = 0; i < kills; i++) {
      const file = copy(i);
      const r = run(args(file), { TEIA_CRASH_SMALL_CACHE: '1' });
      await r.line(start);
      await new Promise((res) => setTimeout(res, rnd() * window * 1.2));
      r.child.kill('SIGKILL');
      const code = await r.exited;
      const got = fingerprintFile(file);
      expect(got.integrity, `kill ${i}`).toBe('ok');
      if (got.hash === before.hash) {
        expect(got, `kill ${i}`).toEqual(before);
        expect(r.lines.some((l) => l.startsWith(end)), `kill ${i}: said it ended yet nothing is there`).toBe(false);
        tally.before++;
      } else {
        expect(got, `kill ${i} (exit ${code}) left the catalogue between before and after`).toEqual(after);
        tally.after++;
      }
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}-wal`, { force: true });
      fs.rmSync(`${file}-shm`, { force: true });
    }
    console.log(`[crash-random] ${name}: window ${Math.round(window)} ms; ${tally.before} kills left it as before, ${tally.after} as after`);
    // Most moments fall inside the write: the test has really killed writes mid-way.
    expect(tally.before).toBeGreaterThanOrEqual(kills / 2);
  }

  it('an import (parse done → committed)', async () => {
    await randomKills('import', (file) => ['test/helpers/crash-writer.ts', 'import', file, bigFile], 'parsed', 'committed', 12);
  });

  it('a scenario save (saving → saved)', async () => {
    await randomKills('scenario', (file) => ['test/helpers/crash-writer.ts', 'scenario', file, '150000'], 'saving', 'saved', 34);
  });
});
