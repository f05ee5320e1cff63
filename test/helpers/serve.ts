import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './tmp.ts';

export interface ServeProcess {
  /** The server's base address (no token): build page and /rpc addresses from it. */
  url: string;
  /** The link `teia serve` prints to open first (`…/#token=…`): it carries the write secret. */
  link: string;
  /** The write secret in that link: send it as `authorization: Bearer …` to call write methods. */
  token: string;
  /** With --host: the attendees' read-only link and its token. */
  readLink: string | null;
  readToken: string | null;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real `teia serve` (the same entry people use) on a free port and waits for the
 * links it prints. The built renderer must exist (npm run build:renderer).
 */
export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'teia.mjs'), 'serve', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const shared = args.includes('--host');
  const printed = await new Promise<{ link: string; readLink: string | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`teia serve did not start in time:\n${out}`)), 60_000);
    const check = () => {
      const link = /Open (http:\/\/\S+)/.exec(out)?.[1];
      const readLink = /Read-only link for attendees: (http:\/\/\S+)/.exec(out)?.[1] ?? null;
      // With --host the attendees' link comes a line later; wait for the QR code after it too.
      if (link && (!shared || (readLink && /can scan this code/.test(out)))) {
        clearTimeout(timer);
        resolve({ link, readLink });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`teia serve exited with ${code}:\n${out}`));
    });
  });
  const tokenOf = (link: string) => /#token=([\w-]+)$/.exec(link)?.[1] ?? '';
  return {
    url: printed.link.replace(/#.*$/, ''),
    link: printed.link,
    token: tokenOf(printed.link),
    readLink: printed.readLink,
    readToken: printed.readLink ? tokenOf(printed.readLink) : null,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
