#!/usr/bin/env node
// `npm run test:stress`: the longer reliability checks. First the stress config (more crash
// points, 20 random kills per write, ten times the hostile files, more concurrent writers);
// then the end-to-end suite three times in a row while another process keeps a core busy
// (analyses and searches in a loop), as on a loaded machine. The busy process stops when this
// script closes its stdin, or by itself after 45 minutes.
import { spawn, spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const step = (name, cmd, args) => {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(`${r.status === 0 ? '✔' : '✘'} ${name}`);
  return r.status === 0;
};

let ok = step('stress checks (crash points, random kills, hostile files, concurrency)', npx, ['vitest', 'run', '--config', 'vitest.stress.config.ts']);
if (ok) ok = step('build the renderer', npx, ['vite', 'build', '--logLevel', 'warn']);
if (ok) {
  const busy = spawn(process.execPath, ['bin/tsx.mjs', 'test/helpers/busy-core.ts', '2700'], { stdio: ['pipe', 'pipe', 'inherit'] });
  // Start once it is working (it prints "busy"); pass its last line on when it stops.
  await new Promise((resolve, reject) => {
    busy.stdout.on('data', (d) => (/^busy$/m.test(String(d)) ? resolve() : process.stdout.write(d)));
    busy.once('exit', (code) => reject(new Error(`the busy core stopped at once (${code})`)));
  });
  for (let i = 1; i <= 3 && ok; i++) ok = step(`end-to-end suite, run ${i} of 3, with a busy core beside it`, npx, ['vitest', 'run', '--config', 'vitest.e2e.config.ts']);
  busy.stdin.end();
  await new Promise((resolve) => busy.once('exit', resolve));
}
console.log(ok ? '\nThe stress checks passed.' : '\nA stress check failed (see above).');
process.exit(ok ? 0 : 1);
