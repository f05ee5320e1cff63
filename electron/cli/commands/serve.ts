import crypto from 'node:crypto';
import type { Command } from '../command.ts';
import { dbOption } from '../command.ts';
import { openCore } from '../../core/index.ts';
import { rendererDir } from '../../core/paths.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import type { TeiaEvent } from '../../../shared/contract/index.ts';

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serves the app and its catalogue in the browser (127.0.0.1 unless --host is given).',
  usage: 'teia serve [--db PATH] [--port N] [--host ADDRESS] [--allowed-host NAME]… [--read-only] [--no-sample]',
  options: {
    ...dbOption,
    port: { type: 'string' },
    host: { type: 'string' },
    'allowed-host': { type: 'string', multiple: true },
    'read-only': { type: 'boolean' },
    'no-sample': { type: 'boolean' },
  },
  async run({ values, stdout, stderr }) {
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const port = values.port === undefined ? 5177 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      stderr.write(`teia serve: --port must be a number from 0 to 65535, not "${values.port}".\n`);
      return 2;
    }
    // Beyond this machine, every call needs the token printed in the link below.
    const token = loopback.has(host) ? null : crypto.randomBytes(18).toString('base64url');
    // The core is opened before the server exists; events go to it once it listens.
    const live: { server?: RunningServer } = {};
    const core = openCore({
      dbPath: values.db as string | undefined,
      host: 'server',
      readOnly: Boolean(values['read-only']),
      sample: !values['no-sample'],
      emit: (e: TeiaEvent) => live.server?.broadcast(e),
    });
    const server = await startServer({ host, port, staticDir: rendererDir(), dispatch: core.dispatch, token, allowedHosts: (values['allowed-host'] as string[] | undefined) ?? [] });
    live.server = server;
    const link = token ? `${server.url}#token=${token}` : server.url;
    stdout.write(`Teia is serving ${core.ctx.dbPath}${core.ctx.readOnly ? ' (read-only)' : ''}\n`);
    if (core.ctx.sample) stdout.write('The catalogue was empty, so the illustrative sample catalogue was loaded.\n');
    stdout.write(`Open ${link}\n`);
    if (token) stdout.write('Shared beyond this machine: only people with this link (it carries the access token) can use it.\n');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    core.close();
    return 0;
  },
};
