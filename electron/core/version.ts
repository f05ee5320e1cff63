import fs from 'node:fs';
import path from 'node:path';
import { dataPath } from './paths.ts';

let cached: string | undefined;

/** The version in package.json, read once. */
export function appVersion(): string {
  if (cached) return cached;
  const pkgFile = path.join(path.dirname(dataPath()), 'package.json');
  cached = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version: string }).version;
  return cached;
}
