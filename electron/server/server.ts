import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { methods, isMethodName, type TeiaEvent, type Result } from '../../shared/contract/index.ts';
import { securityHeaders } from '../core/csp.ts';
import { serveStatic } from './static.ts';
import { readBody, BodyTooLargeError } from './body.ts';
import { allowedHosts, hostAllowed } from './hosts.ts';

export interface ServerOptions {
  host?: string;
  port?: number;
  /** Where the built renderer is. */
  staticDir: string;
  /** Every call goes through this (the core's dispatch). */
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  /** A token required on every /rpc and /events request; set when sharing beyond loopback. */
  token?: string | null;
  /** Limit of a request body, and of a body for methods marked `large` (imports). */
  maxBody?: number;
  maxLargeBody?: number;
  /** Names besides the listen address and loopback that may appear in `Host` (--allowed-host). */
  allowedHosts?: string[];
}

export interface RunningServer {
  url: string;
  port: number;
  /** Pushes an event to every connected browser (server-sent events). */
  broadcast(event: TeiaEvent): void;
  close(): Promise<void>;
}

/** `teia serve`: the built renderer and the contract at POST /rpc/:method, progress at GET /events. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBody = options.maxBody ?? 1024 * 1024;
  const maxLargeBody = options.maxLargeBody ?? 200 * 1024 * 1024;
  const clients = new Set<http.ServerResponse>();
  const hosts = allowedHosts(host, options.allowedHosts);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      // First of all, before any method runs or any file is read: is this request for us?
      if (!hostAllowed(req.headers.host, hosts)) return refuseHost(req, res, url);
      if (url.pathname.startsWith('/rpc/') || url.pathname === '/events') {
        // No CORS headers are ever sent, so other origins cannot read answers; a cross-origin
        // POST would also fail the content-type and token checks below.
        if (req.headers.origin && !sameOrigin(req)) return send(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Cross-origin requests are not allowed.' } });
        if (options.token && !tokenMatches(options.token, req, url)) {
          return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'This catalogue is shared with a token: open the link printed by `teia serve`.' } });
        }
      }
      if (url.pathname === '/events' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...securityHeaders });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST for /rpc calls.' } });
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return send(res, 415, { ok: false, error: { code: 'invalid-input', message: 'Send the call as application/json.' } });
        }
        const method = url.pathname.slice('/rpc/'.length);
        const limit = isMethodName(method) && methods[method].large ? maxLargeBody : maxBody;
        let input: unknown;
        try {
          const body = await readBody(req, limit);
          input = body.length ? JSON.parse(body) : {};
        } catch (err) {
          if (err instanceof BodyTooLargeError) {
            return send(res, 413, { ok: false, error: { code: 'too-large', message: `The request is larger than ${Math.round(limit / 1024 / 1024)} MB.` } });
          }
          return send(res, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
        }
        const result = await options.dispatch(method, input);
        return send(res, 200, result);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'invalid-input', message: 'Method not allowed.' } });
      serveStatic(options.staticDir, url.pathname, res, securityHeaders);
    } catch (err) {
      console.error('[teia] request failed', err);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'The server failed to answer.' } });
      else res.end();
    }
  });

  // Keep-alive pings stop proxies and browsers from dropping an idle event stream.
  const ping = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 25_000);
  ping.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    broadcast(event) {
      const data = `data: ${JSON.stringify(event)}\n\n`;
      for (const c of clients) c.write(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ping);
        for (const c of clients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...securityHeaders });
  res.end(text);
}

function refuseHost(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const shown = String(req.headers.host ?? '').slice(0, 100);
  const sentence = `This address (${shown || 'no host name'}) is not one Teia serves. Open the link Teia printed when it started.`;
  if (url.pathname.startsWith('/rpc/') || url.pathname === '/events') return send(res, 403, { ok: false, error: { code: 'unauthorized', message: sentence } });
  res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...securityHeaders });
  res.end(sentence);
}

function sameOrigin(req: http.IncomingMessage): boolean {
  try {
    return new URL(String(req.headers.origin)).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The token comes as a bearer header (fetch) or a query parameter (EventSource, first link). */
function tokenMatches(token: string, req: http.IncomingMessage, url: URL): boolean {
  const given = (req.headers.authorization ?? '').replace(/^Bearer /, '') || url.searchParams.get('token') || '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
