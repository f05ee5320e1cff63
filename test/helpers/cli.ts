import { PassThrough } from 'node:stream';
import { main } from '../../electron/cli/main.ts';

/** Runs `teia …` in-process through the real CLI entry, with its output captured. */
export async function teia(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(argv, out, err);
  return { code, stdout, stderr };
}
