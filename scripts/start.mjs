#!/usr/bin/env node
// `npm start`: the desktop window when Electron's binary is installed (fetched here by
// Electron's own installer when `npm ci` skipped it, as package.json's allowScripts asks);
// otherwise the same app in the browser through `teia serve`, with one plain sentence saying so.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
    // The package's main resolves the binary's path from path.txt, written by its installer.
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Electron's own installer, run once; quiet, and bounded so an unreachable host cannot hang start. */
function tryInstallElectron() {
  let installer;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return;
  }
  console.log('Fetching the Electron binary for the desktop window…');
  spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 });
}

run(npx, ['vite', 'build', '--logLevel', 'warn']);
let electron = electronBinary();
if (!electron) {
  tryInstallElectron();
  electron = electronBinary();
}
if (electron) {
  run(npx, ['tsc', '-p', 'tsconfig.electron.json']);
  run(npx, ['tsc', '-p', 'tsconfig.preload.json']);
  const child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron binary could not be installed on this machine, so Teia opens in your browser instead.');
  const child = spawn(process.execPath, ['bin/teia.mjs', 'serve', ...args], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
