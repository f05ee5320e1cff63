import path from 'node:path';
import { openCore, type Core } from '../../electron/core/index.ts';
import { startServer, type RunningServer } from '../../electron/server/server.ts';
import { rendererDir } from '../../electron/core/paths.ts';
import type { Result } from '../../shared/contract/errors.ts';
import { tempDir } from './tmp.ts';

/** A core on a fresh catalogue file (with the sample unless told otherwise). */
export function testCore(options: { sample?: boolean; readOnly?: boolean; name?: string } = {}) {
  const tmp = tempDir();
  const core = openCore({ dbPath: path.join(tmp.dir, options.name ?? 'catalogue.db'), host: 'server', sample: options.sample ?? true, readOnly: options.readOnly });
  return { core, dir: tmp.dir, close: () => (core.close(), tmp.cleanup()) };
}

/** The real HTTP server in front of a core, and a caller that speaks its wire format. */
export async function httpCore(core: Core, options: { token?: string } = {}) {
  const server: RunningServer = await startServer({ port: 0, staticDir: rendererDir(), dispatch: core.dispatch, token: options.token });
  const invoke = async (method: string, input: unknown, headers: Record<string, string> = {}): Promise<Result<unknown>> => {
    const res = await fetch(new URL(`rpc/${method}`, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Result<unknown>;
  };
  return { server, invoke };
}
