import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/tmp.ts';

/** Runs the real `teia` command with its output read by nobody: the reader closed at once (like `| head` done reading). */
function teiaIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'teia.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('teia … | head: a closed pipe ends quietly', () => {
  it('stats and search print no EPIPE stack trace and exit 0', async () => {
    const tmp = tempDir();
    try {
      const db = path.join(tmp.dir, 'teia.db');
      for (const args of [['stats', '--db', db], ['search', '--db', db, 'coffee']]) {
        const r = await teiaIntoClosedPipe(args);
        expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
        expect(r.code).toBe(0);
      }
    } finally {
      tmp.cleanup();
    }
  }, 60_000);
});
