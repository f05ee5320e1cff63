// Keeps a core busy for the e2e stress runs, as a second app on a loaded machine would:
//   node bin/tsx.mjs test/helpers/busy-core.ts [SECONDS]
// Loops engine analyses (with the plan) and searches on its own sample catalogue until its
// stdin closes (the runner is done, or died) or SECONDS pass (default 45 minutes): bounded,
// it stops by itself either way.
import path from 'node:path';
import { openCore } from '../../electron/core/index.ts';
import { tempDir } from './tmp.ts';

const limit = Number(process.argv[2] ?? 2700) * 1000;
const tmp = tempDir('teia-busy-');
const core = openCore({ dbPath: path.join(tmp.dir, 'busy.db'), host: 'cli', sample: true });
let stop = false;
process.stdin.on('close', () => (stop = true)).on('end', () => (stop = true)).resume();
const timer = setTimeout(() => (stop = true), limit);
let rounds = 0;
const started = Date.now();
process.stdout.write('busy\n');
while (!stop) {
  await core.call('engine-analyse', { network: null, plan: true, limits: { links: 100000, substitutes: 10, explain: 0 } });
  for (const q of ['cafe', 'verduras', 'recicla', 'pão']) await core.call('search-query', { q });
  rounds++;
}
clearTimeout(timer);
core.close();
tmp.cleanup();
process.stdout.write(`busy core stopped after ${rounds} rounds in ${Math.round((Date.now() - started) / 1000)} s\n`);
