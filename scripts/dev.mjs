#!/usr/bin/env node
// `npm run dev`: the core on `teia serve` (port 5177) and Vite's dev server with hot reload,
// which proxies /rpc and /events to it. Open the address Vite prints.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// The write secret of this run, so the address to open through Vite can carry it too.
const secret = crypto.randomBytes(18).toString('base64url');
console.log(`To make changes, open Vite's address below with #token=${secret} at the end.`);
const children = [
  spawn(process.execPath, ['bin/teia.mjs', 'serve', '--port', '5177', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, TEIA_WRITE_SECRET: secret } }),
  spawn(npx, ['vite'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', stop);
