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
  /** Every call goes through this (the core's dispatch); `readOnly` when the caller may only read. */
  dispatch(method: string, input: unknown, call?: { readOnly: boolean }): Promise<Result<unknown>>;
  /** A token required on every /rpc and /events request (the read link); set when sharing beyond loopback. */
  token?: string | null;
  /**
   * The write secret: when set, only calls carrying it may run a method that writes (the link
   * printed for the person who started Teia, or for organisers). It also opens reads.
   */
  writeToken?: string | null;
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
  const clients = new Map<http.ServerResponse, 'write' | 'read'>();
  const jobs = inFlightJobs();
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
      }
      const access = accessOf(req, url, options);
      if (access === 'none' && (url.pathname.startsWith('/rpc/') || url.pathname === '/events')) {
        return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'This catalogue is shared with a token: open the link printed by `teia serve`.' } });
      }
      if (url.pathname === '/events' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...securityHeaders });
        res.write(': connected\n\n');
        clients.set(res, access === 'write' ? 'write' : 'read');
        req.on('close', () => clients.delete(res));
        return;
      }
      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST for /rpc calls.' } });
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return send(res, 415, { ok: false, error: { code: 'invalid-input', message: 'Send the call as application/json.' } });
        }
        const method = url.pathname.slice('/rpc/'.length);
        // A write without the write secret is refused before its body is even read.
        if (access !== 'write' && isMethodName(method) && methods[method].write) {
          const message = options.token
            ? 'This is the read-only link: changes can only be made through the organisers’ link.'
            : 'Changes need the link Teia printed when it started (it carries a key for making changes); this page can only read.';
          return send(res, 403, { ok: false, error: { code: 'read-only', message, key: options.token ? 'read-only-link' : 'read-only-no-key' } });
        }
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
        const done = jobs.begin(input, access === 'write');
        try {
          return send(res, 200, await options.dispatch(method, input, { readOnly: access !== 'write' }));
        } finally {
          done();
        }
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
    for (const c of clients.keys()) c.write(': ping\n\n');
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
      const readers = jobs.readersMayHear(event);
      for (const [c, access] of clients) if (access === 'write' || readers) c.write(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ping);
        for (const c of clients.keys()) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Which event a read-only viewer hears. Progress events carry the organiser's file names
 * ("Writing members.csv: 15,000 of 100,000") and app-info does not even give read-only callers
 * the catalogue's folder: they hear the progress of jobs started by a read-only call still
 * running (their own analyses, whose bars show the engine's steps), not of jobs started with
 * the write secret. Catalogue changes reach everyone, so their screens still refresh after an
 * import. The event stream is not tied to the calls, so jobs are known by the ids the calls
 * carry; an id a writer's call carries too is never a reader's.
 */
function inFlightJobs() {
  const byReader = new Map<string, number>();
  const byWriter = new Map<string, number>();
  return {
    begin(input: unknown, writer: boolean): () => void {
      const jobId = (input as { jobId?: unknown } | null)?.jobId;
      if (typeof jobId !== 'string') return () => {};
      const calls = writer ? byWriter : byReader;
      calls.set(jobId, (calls.get(jobId) ?? 0) + 1);
      return () => {
        const left = (calls.get(jobId) ?? 1) - 1;
        if (left > 0) calls.set(jobId, left);
        else calls.delete(jobId);
      };
    },
    readersMayHear(event: TeiaEvent): boolean {
      return event.type !== 'progress' || (byReader.has(event.jobId) && !byWriter.has(event.jobId));
    },
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

/**
 * What a request may do: write with the write secret; read with the read token, or with
 * nothing when there is no read token (loopback); otherwise nothing. With neither set (a
 * server embedded in tests or tools) every caller may write, as before secrets existed.
 */
function accessOf(req: http.IncomingMessage, url: URL, options: ServerOptions): 'write' | 'read' | 'none' {
  const given = givenToken(req, url);
  if (options.writeToken && tokenEquals(given, options.writeToken)) return 'write';
  if (options.token && !tokenEquals(given, options.token)) return 'none';
  return options.writeToken ? 'read' : 'write';
}

/** The token comes as a bearer header (fetch) or a query parameter (EventSource, first link). */
function givenToken(req: http.IncomingMessage, url: URL): string {
  return (req.headers.authorization ?? '').replace(/^Bearer /, '') || url.searchParams.get('token') || '';
}

function tokenEquals(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
