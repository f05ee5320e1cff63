import crypto from 'node:crypto';
import type { Command } from '../command.ts';
import { dbOption } from '../command.ts';
import { CoreHost } from '../../core/host/host.ts';
import { rendererDir } from '../../core/paths.ts';
import { startServer } from '../../server/server.ts';
import { linkWith, shareHost, shareInfo, terminalQr } from '../../server/share.ts';
import type { TeiaEvent } from '../../../shared/contract/index.ts';

const loopback = new Set(['127.0.0.1', 'localhost', '::1']);
const secret = () => crypto.randomBytes(18).toString('base64url');

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
    // Writing always needs a secret of this run, carried by the link printed below (another
    // account on this machine can reach a loopback port too). Beyond this machine, reading
    // needs a token as well: the attendees' link carries that one.
    const shared = !loopback.has(host);
    // `npm run dev` chooses the secret itself (to print Vite's address with it): TEIA_WRITE_SECRET.
    const writeToken = process.env.TEIA_WRITE_SECRET && process.env.TEIA_WRITE_SECRET.length >= 16 ? process.env.TEIA_WRITE_SECRET : secret();
    const readToken = shared ? secret() : null;
    // The core runs in its own threads (the host: a writer and a pool of readers), never on
    // this HTTP loop. The server listens first, so the attendees' link (it names the port) can
    // be handed to the host as it opens; calls that come meanwhile wait for it.
    let opening: Promise<CoreHost> | null = null;
    const allowedHosts = [...((values['allowed-host'] as string[] | undefined) ?? []), shareHost(host)];
    const server = await startServer({
      host,
      port,
      staticDir: rendererDir(),
      dispatch: async (method, input, call) => (await opening!).dispatch(method, input, call ?? { readOnly: false }),
      token: readToken,
      writeToken,
      allowedHosts,
    });
    const base = `http://${bracket(shareHost(host))}:${server.port}/`;
    const readLink = readToken ? linkWith(base, readToken) : null;
    opening = CoreHost.start(
      {
        dbPath: values.db as string | undefined,
        host: 'server',
        readOnly: Boolean(values['read-only']),
        sample: !values['no-sample'],
        share: readLink ? shareInfo(readLink) : undefined,
        // How many read-only connections answer reads (default: 2 to 4, by the machine's cores).
        readers: readersFromEnv(),
      },
      (e: TeiaEvent) => server.broadcast(e),
    );
    let core: CoreHost;
    try {
      core = await opening;
    } catch (err) {
      await server.close();
      throw err;
    }
    stdout.write(`Teia is serving ${core.info.dbPath}${core.info.readOnly ? ' (read-only)' : ''}\n`);
    if (core.info.sample) stdout.write('The catalogue was empty, so the illustrative sample catalogue was loaded.\n');
    stdout.write(`Open ${linkWith(base, writeToken)}\n`);
    if (readLink) {
      stdout.write('Shared beyond this machine: only people with a link (it carries an access token) can use it.\n');
      stdout.write(`The link above is for organisers (it can make changes): keep it among yourselves.\n`);
      stdout.write(`Read-only link for attendees: ${readLink}\n`);
      stdout.write(await terminalQr(readLink, Boolean((stdout as NodeJS.WriteStream).isTTY)));
      stdout.write('Attendees can scan this code to open the read-only link (it is also on the Settings screen).\n');
    } else {
      stdout.write('The link carries a key for making changes; without it the app can only read.\n');
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await core.close();
    return 0;
  },
};

function readersFromEnv(): number | undefined {
  const n = Number(process.env.TEIA_READERS);
  return process.env.TEIA_READERS && Number.isInteger(n) && n >= 0 && n <= 16 ? n : undefined;
}

function bracket(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
