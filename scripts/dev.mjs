#!/usr/bin/env node
// `npm run dev`: the core on `teia serve` (port 5177) and Vite's dev server with hot reload,
// which proxies /rpc and /events to it. Open the address Vite prints.
import { spawn } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const children = [
  spawn(process.execPath, ['bin/teia.mjs', 'serve', '--port', '5177', ...process.argv.slice(2)], { stdio: 'inherit' }),
  spawn(npx, ['vite'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', stop);
