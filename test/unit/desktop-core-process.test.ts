import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tmp.ts';

/**
 * The desktop cannot be launched here (no Electron binary), so that its main process stays
 * free is checked on the sources: nothing electron/main imports, however indirectly, loads
 * better-sqlite3 or opens the core; the core runs from the utilityProcess entry main forks.
 */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  return specs;
}

/** Every module reachable from `entry` through value imports (type-only imports load nothing). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) todo.push(path.resolve(path.dirname(file), spec));
      else seen.add(spec);
    }
  }
  return seen;
}

describe('the desktop main process', () => {
  const main = reachable(path.join(repoRoot, 'electron', 'main', 'index.ts'));
  const rel = (f: string) => (path.isAbsolute(f) ? path.relative(repoRoot, f) : f);

  it('never loads SQLite or the core itself', () => {
    const loaded = [...main].map(rel);
    expect(loaded).not.toContain('better-sqlite3');
    expect(loaded).not.toContain('electron/core/index.ts');
    expect(loaded.filter((f) => f.startsWith('electron/core/db/') || f.startsWith('electron/core/handlers/'))).toEqual([]);
  });

  it('forks the utilityProcess entry that the build produces from electron/core/host/utility.ts', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'electron', 'main', 'index.ts'), 'utf8');
    expect(text).toContain("path.join(buildDir, 'electron', 'core', 'host', 'utility.js')");
    expect(fs.existsSync(path.join(repoRoot, 'electron', 'core', 'host', 'utility.ts'))).toBe(true);
    const host = fs.readFileSync(path.join(repoRoot, 'electron', 'main', 'core-host.ts'), 'utf8');
    expect(host).toMatch(/utilityProcess\.fork\(/);
    // The entry itself must not import electron: it gets its parentPort on `process`.
    expect(reachable(path.join(repoRoot, 'electron', 'core', 'host', 'utility.ts'))).not.toContain('electron');
  });
});
