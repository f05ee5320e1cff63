#!/usr/bin/env node
// Runs a TypeScript entry file with tsx's loader: `node bin/tsx.mjs path/to/file.ts args…`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(path.resolve(entry)).href);
