#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first red step: type checks of each side,
// lint (with the layer rules), unit and integration tests, then the renderer build and the
// end-to-end tests in real Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const report = (name) => path.join(os.tmpdir(), `teia-vitest-${process.pid}-${name}.json`);
const steps = [
  ['type check: core, CLI and tests', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['type check: renderer and browser-safe shared/ (no Node types)', ['tsc', '-p', 'tsconfig.renderer.json', '--noEmit']],
  ['type check: Electron main against Electron\'s types', ['tsc', '-p', 'tsconfig.electron.json', '--noEmit']],
  ['type check: preload', ['tsc', '-p', 'tsconfig.preload.json', '--noEmit']],
  ['type check: end-to-end tests (Node and page code)', ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']],
  ['lint (including layer boundaries)', ['eslint', '.']],
  ['unit and integration tests', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report('unit')}`]],
  ['build the renderer', ['vite', 'build', '--logLevel', 'warn']],
  ['end-to-end tests in Chromium', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report('e2e')}`]],
];

let passed = 0;
let failed = 0;
let skipped = 0;
function count(file) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  fs.rmSync(file);
}

const started = Date.now();
let status = 0;
for (const [name, args] of steps) {
  console.log(`\n▶ ${name}`);
  const t = Date.now();
  const r = spawnSync(npx, args, { stdio: 'inherit' });
  console.log(`${r.status === 0 ? '✔' : '✘'} ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  if (r.status !== 0) {
    status = r.status ?? 1;
    if (!args.includes('vitest')) failed += 1; // a red check counts as a failure even without tests
    break;
  }
}
count(report('unit'));
count(report('e2e'));
console.log(`\nAll checks took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status);
