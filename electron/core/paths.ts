import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository (or packaged app) root: the nearest folder up with a package.json. Searching
 * rather than counting folders keeps it right both from source and from the compiled build/.
 */
const root = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return dir;
  }
}

/** Where the app's shipped data lives (vocabularies, sample catalogue, world map). */
export function dataPath(...parts: string[]): string {
  return path.join(process.env.TEIA_DATA_DIR ?? path.join(root, 'data'), ...parts);
}

/** The built renderer that `teia serve` and the desktop window load. */
export function rendererDir(): string {
  return process.env.TEIA_RENDERER_DIR ?? path.join(root, 'build', 'renderer');
}

/**
 * The platform's user-data folder, the same one Electron's app.getPath('userData') gives for
 * an app named Teia, so the desktop app and `teia serve` open the same catalogue by default.
 */
export function userDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Teia');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Teia');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Teia');
}

/** `--db PATH` wins, then TEIA_DB, then teia.db in the user-data folder. */
export function defaultDatabasePath(explicit?: string): string {
  return explicit ?? process.env.TEIA_DB ?? path.join(userDataDir(), 'teia.db');
}
