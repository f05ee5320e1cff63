import fs from 'node:fs';
import path from 'node:path';
import * as fuzz from 'fuzzball';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { mayBeAlike } from '../../electron/core/match/names.ts';
import { nameTokens } from '../../electron/core/match/normalise.ts';
import { sharedDir } from '../helpers/tmp.ts';

// The matcher skips fuzzball's ratio for word pairs mayBeAlike rules out: that must never
// hide a pair the ratio would have called alike (80 or more).
it('rules out only word pairs whose fuzzball ratio is under 80, on the words of Co-ops UK names', () => {
  const csv = fs.readFileSync(path.join(sharedDir, 'data', 'directories', 'coops-uk-2023q2-standard.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const words = [...new Set(rows.flatMap((r) => nameTokens(r.Name)))].filter((w) => w.length >= 4).slice(0, 500);
  // Typo twins too, so that pairs near the threshold are tried.
  const typos = words.slice(0, 100).flatMap((w) => [w.slice(1), w + 's', w.slice(0, -1) + 'x', [...w].reverse().join('')]);
  const all = [...words, ...typos];
  let ruledOut = 0;
  const wrong: string[] = [];
  for (const a of all) {
    for (const b of all) {
      if (mayBeAlike(a, b)) continue;
      ruledOut++;
      if (fuzz.ratio(a, b, { full_process: false }) >= 80) wrong.push(`${a} / ${b}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(ruledOut).toBeGreaterThan(all.length * all.length * 0.9);
  expect(mayBeAlike('cooperative', 'cooperatives')).toBe(true);
});
