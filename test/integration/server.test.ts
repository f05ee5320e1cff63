import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../electron/server/server.ts';
import { resolveStatic } from '../../electron/server/static.ts';
import { httpCore, testCore } from '../helpers/core.ts';
import { tempDir } from '../helpers/tmp.ts';
import fs from 'node:fs';
import path from 'node:path';

/** A raw request, so paths are sent exactly as written (fetch would normalise `..`). */
function raw(url: string, pathAndQuery: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const u = new URL(url);
    const req = http.request({ host: u.hostname, port: u.port, path: pathAndQuery, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

describe('teia serve over HTTP', () => {
  const t = testCore();
  let h: Awaited<ReturnType<typeof httpCore>>;
  beforeAll(async () => {
    h = await httpCore(t.core);
  });
  afterAll(async () => {
    await h.server.close();
    t.close();
  });

  it('listens on loopback by default', () => {
    expect(new URL(h.server.url).hostname).toBe('127.0.0.1');
  });

  it('sends no CORS permission and refuses calls from another origin', async () => {
    const r = await raw(h.server.url, '/rpc/catalogue-stats', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{}' });
    expect(r.status).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    const ok = await raw(h.server.url, '/rpc/catalogue-stats', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a non-JSON body type (so a plain HTML form cannot call it)', async () => {
    const r = await raw(h.server.url, '/rpc/enterprise-delete', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"id":"armazem"}' });
    expect(r.status).toBe(415);
    expect((await t.core.call('enterprise-get', { id: 'armazem' })).id).toBe('armazem');
  });

  it('refuses a body over the size limit', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), solidarity: true });
    const r = await raw(h.server.url, '/rpc/enterprise-create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('too-large');
  });

  it('does not serve files outside the app folder', async () => {
    for (const p of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5cpackage.json']) {
      const r = await raw(h.server.url, p);
      expect(r.body, p).not.toMatch(/"name": "teia"|root:x:0/);
    }
    const root = '/srv/app';
    expect(resolveStatic(root, '/../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveStatic(root, '/a/%2e%2e/%2e%2e/%2e%2e/x')).toBe(path.join(root, 'x'));
    expect(resolveStatic(root, '/%00')).toBeNull();
  });

  it('pushes catalogue changes to browsers as server-sent events', async () => {
    const events: string[] = [];
    const req = http.get(new URL('events', h.server.url));
    const got = new Promise<void>((resolve) => {
      req.on('response', (res) => {
        res.on('data', (d: Buffer) => {
          events.push(d.toString());
          if (events.join('').includes('catalogue-changed')) resolve();
        });
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    h.server.broadcast({ type: 'catalogue-changed', reason: 'test' });
    await got;
    req.destroy();
    expect(events.join('')).toMatch(/data: \{"type":"catalogue-changed","reason":"test"\}/);
  });
});

describe('a shared or read-only server', () => {
  it('requires the token on every call when one is set', async () => {
    const t = testCore();
    const h = await httpCore(t.core, { token: 'sesame-123' });
    try {
      const denied = await h.invoke('catalogue-stats', {});
      expect(denied.ok).toBe(false);
      if (!denied.ok) expect(denied.error.code).toBe('unauthorized');
      const wrong = await h.invoke('catalogue-stats', {}, { authorization: 'Bearer sesame-124' });
      expect(wrong.ok).toBe(false);
      const allowed = await h.invoke('catalogue-stats', {}, { authorization: 'Bearer sesame-123' });
      expect(allowed.ok).toBe(true);
    } finally {
      await h.server.close();
      t.close();
    }
  });

  it('refuses every write method in read-only mode and still answers reads', async () => {
    const first = testCore();
    const file = path.join(first.dir, 'catalogue.db');
    first.core.close();
    const { openCore } = await import('../../electron/core/index.ts');
    const core = openCore({ dbPath: file, host: 'server', readOnly: true });
    const server = await startServer({ port: 0, staticDir: tempDir().dir, dispatch: core.dispatch });
    try {
      const post = (m: string, body: unknown): Promise<{ ok: boolean }> =>
        fetch(new URL(`rpc/${m}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ ok: boolean }>);
      const write = await post('enterprise-create', { name: 'Sneaky', solidarity: true });
      expect(write).toMatchObject({ ok: false, error: { code: 'read-only' } });
      const del = await post('enterprise-delete', { id: 'armazem' });
      expect(del).toMatchObject({ ok: false, error: { code: 'read-only' } });
      const read = await post('enterprise-get', { id: 'armazem' });
      expect(read.ok).toBe(true);
    } finally {
      await server.close();
      core.close();
      fs.rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
