#!/usr/bin/env node
// `npm start`: the desktop window when Electron's binary is installed; otherwise the same app
// in the browser through `teia serve`, with one plain sentence saying so.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const args = process.argv.slice(2);

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws when it is missing
    return typeof path === 'string' && fs.existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

run(npx, ['vite', 'build', '--logLevel', 'warn']);
const electron = electronBinary();
if (electron) {
  run(npx, ['tsc', '-p', 'tsconfig.electron.json']);
  run(npx, ['tsc', '-p', 'tsconfig.preload.json']);
  const child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron binary is not installed on this machine, so Teia opens in your browser instead.');
  const child = spawn(process.execPath, ['bin/teia.mjs', 'serve', ...args], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
