import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { contentSecurityPolicy } from '../../electron/core/csp.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { rawRequest, type RawAnswer } from '../helpers/raw-http.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * Every kind of answer the real `teia serve` gives, with the headers it carries: all keep the
 * app's Content-Security-Policy and the other security headers, and none opens a CORS door.
 */
const tmp = tempDir('teia-headers-');
const file = path.join(tmp.dir, 'c.db');
const app = path.join(tmp.dir, 'app');
fs.mkdirSync(path.join(app, 'assets'), { recursive: true });
fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>Teia</title>');
fs.writeFileSync(path.join(app, 'assets', 'app-1234.js'), 'export {}');
openCore({ dbPath: file, host: 'cli', sample: true }).close();
afterAll(() => tmp.cleanup());

/** Headers every answer has whatever its kind (transport bookkeeping left out). */
const security = ['content-security-policy', 'cross-origin-opener-policy', 'referrer-policy', 'x-content-type-options', 'x-frame-options'];
const transport = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

describe('the headers of each kind of answer', () => {
  let s: ServeProcess;
  let port: string;
  beforeAll(async () => {
    s = await startServe(['--db', file, '--host', '127.0.0.2'], { TEIA_RENDERER_DIR: app });
    port = new URL(s.url).port;
  });
  afterAll(() => s.stop());

  const rpc = (method: string, body: string, token: string | null, extra: Record<string, string> = {}) =>
    rawRequest(s.url, `/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra }, body });

  it('lists them, and all carry the CSP and no CORS header', async () => {
    const answers: [string, number, Promise<RawAnswer>, string[]][] = [
      ['static page', 200, rawRequest(s.url, '/directory'), ['cache-control', 'content-type']],
      ['static asset', 200, rawRequest(s.url, '/assets/app-1234.js'), ['cache-control', 'content-type']],
      ['static missing asset', 404, rawRequest(s.url, '/assets/nope.js'), ['content-type']],
      ['rpc ok', 200, rpc('catalogue-stats', '{}', s.readToken), ['cache-control', 'content-type']],
      ['rpc error (as data)', 200, rpc('enterprise-get', '{"id":"no-such"}', s.readToken), ['cache-control', 'content-type']],
      ['rpc invalid JSON', 400, rpc('catalogue-stats', '{', s.readToken), ['cache-control', 'content-type']],
      ['403 foreign host', 403, rawRequest(s.url, '/rpc/catalogue-stats', { method: 'POST', headers: { host: `evil.example:${port}`, 'content-type': 'application/json' }, body: '{}' }), ['cache-control', 'content-type']],
      ['403 foreign host, page', 403, rawRequest(s.url, '/', { headers: { host: `evil.example:${port}` } }), ['cache-control', 'content-type']],
      ['403 cross-origin', 403, rpc('catalogue-stats', '{}', s.readToken, { origin: 'http://evil.example' }), ['cache-control', 'content-type']],
      ['403 write through the read link', 403, rpc('enterprise-create', '{"name":"x","solidarity":true}', s.readToken), ['cache-control', 'content-type']],
      ['401 no token', 401, rpc('catalogue-stats', '{}', null), ['cache-control', 'content-type']],
      ['413 body too large', 413, rpc('enterprise-create', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), s.token), ['cache-control', 'content-type']],
      ['415 not JSON', 415, rpc('catalogue-stats', '{}', s.readToken, { 'content-type': 'text/plain' }), ['cache-control', 'content-type']],
      ['events', 200, rawRequest(s.url, `/events?token=${s.readToken}`), ['cache-control', 'content-type']],
    ];
    for (const [kind, status, pending, own] of answers) {
      const r = await pending;
      expect(r.status, kind).toBe(status);
      const names = Object.keys(r.headers).filter((h) => !transport.has(h)).sort();
      expect(names, kind).toEqual([...security, ...own].sort());
      expect(r.headers['content-security-policy'], kind).toBe(contentSecurityPolicy);
      expect(r.headers['x-frame-options'], kind).toBe('DENY');
      expect(r.headers['x-content-type-options'], kind).toBe('nosniff');
      expect(names.filter((h) => h.startsWith('access-control-')), kind).toEqual([]);
    }
    const events = await answers.at(-1)![2];
    expect(events.headers['content-type']).toBe('text/event-stream');
  });
});
