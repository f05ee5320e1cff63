import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './tmp.ts';

export interface Run {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
  /** Resolves when the child has printed a line starting with `prefix` (rejects if it exits first). */
  line(prefix: string): Promise<void>;
}

/** A writer child (`node bin/tsx.mjs ARGS`) whose printed lines the test follows; -9 when killed. */
export function run(args: string[], env: NodeJS.ProcessEnv = {}, options: { stdin?: boolean } = {}): Run {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'tsx.mjs'), ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { prefix: string; resolve(): void }[] = [];
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
    for (const w of [...waiters]) {
      if (!parts.some((l) => l.startsWith(w.prefix))) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  child.stderr!.on('data', (d: Buffer) => lines.push(`stderr: ${d.toString().trim()}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal === 'SIGKILL' ? -9 : code)));
  const line = (prefix: string) =>
    new Promise<void>((resolve, reject) => {
      if (lines.some((l) => l.startsWith(prefix))) return resolve();
      waiters.push({ prefix, resolve });
      void exited.then(() => reject(new Error(`The writer ended before printing "${prefix}":\n${lines.join('\n')}`)));
    });
  return { child, lines, exited, line };
}

export const walSize = (file: string) => {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};
