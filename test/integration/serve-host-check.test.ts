import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { rawRequest, requestWithoutHost } from '../helpers/raw-http.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * DNS rebinding: a page on evil.example points its name at 127.0.0.1, so the browser sends
 * `Host: evil.example:PORT` and `Origin: http://evil.example:PORT`. The real `teia serve` must
 * refuse such requests before any method runs, on /rpc, /events and the static files alike.
 */
const tmp = tempDir('teia-host-check-');
const file = path.join(tmp.dir, 'c.db');
const app = path.join(tmp.dir, 'app');
fs.mkdirSync(path.join(app, 'assets'), { recursive: true });
fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>Teia test page</title>');
fs.writeFileSync(path.join(app, 'assets', 'app.js'), 'console.log("teia asset")');
openCore({ dbPath: file, host: 'cli', sample: true }).close();
afterAll(() => tmp.cleanup());

const json = { 'content-type': 'application/json' };

describe('teia serve answers only requests for its own address', () => {
  let s: ServeProcess;
  let port: string;
  const stats = async (): Promise<unknown> => JSON.parse((await rawRequest(s.url, '/rpc/catalogue-stats', { method: 'POST', headers: json, body: '{}' })).body);
  beforeAll(async () => {
    s = await startServe(['--db', file, '--allowed-host', 'teia.forum.lan'], { TEIA_RENDERER_DIR: app });
    port = new URL(s.url).port;
  });
  afterAll(() => s.stop());

  it('refuses a rebinding write with 403 and writes nothing', async () => {
    const before = await stats();
    const evil = { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, ...json };
    for (const m of ['enterprise-create', 'enterprise-delete', 'backup-create']) {
      const r = await rawRequest(s.url, `/rpc/${m}`, { method: 'POST', headers: evil, body: JSON.stringify({ name: 'Rebound', solidarity: true, id: 'armazem' }) });
      expect(r.status, m).toBe(403);
      expect(JSON.parse(r.body), m).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
    // The same name without Origin (a non-browser client) is refused as well.
    const noOrigin = await rawRequest(s.url, '/rpc/catalogue-stats', { method: 'POST', headers: { host: `evil.example:${port}`, ...json }, body: '{}' });
    expect(noOrigin.status).toBe(403);
    expect(await stats()).toEqual(before);
    expect(fs.readdirSync(tmp.dir).filter((f) => f.startsWith('backups'))).toEqual([]);
  });

  it('refuses the event stream and the static files for a foreign name', async () => {
    for (const p of ['/events', '/', '/index.html', '/assets/app.js', '/directory']) {
      const r = await rawRequest(s.url, p, { headers: { host: `evil.example:${port}`, origin: `http://evil.example:${port}` } });
      expect(r.status, p).toBe(403);
      expect(r.body, p).not.toMatch(/Teia test page|teia asset/);
      expect(r.headers['content-type'], p).not.toMatch(/event-stream/);
    }
  });

  it('refuses names that only look like its own, and a request with no Host at all', async () => {
    for (const host of [`127.0.0.1.evil.example:${port}`, `localhost.evil.example:${port}`, 'evil.example', `teia.forum.lan.evil.example:${port}`, `user@127.0.0.1:${port}`, '']) {
      const r = await rawRequest(s.url, '/', { headers: { host } });
      expect(r.status, host).toBe(403);
    }
    expect(await requestWithoutHost(s.url, '/')).toMatch(/^HTTP\/1\.[01] 403/);
  });

  it('answers loopback names and addresses (with or without the port) and each --allowed-host', async () => {
    for (const host of [`127.0.0.1:${port}`, '127.0.0.1', `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, `teia.forum.lan:${port}`, 'teia.forum.lan']) {
      const page = await rawRequest(s.url, '/', { headers: { host } });
      expect(page.status, host).toBe(200);
      expect(page.body).toMatch(/Teia test page/);
      const call = await rawRequest(s.url, '/rpc/catalogue-stats', { method: 'POST', headers: { host, ...json }, body: '{}' });
      expect(JSON.parse(call.body), host).toMatchObject({ ok: true });
      const events = await rawRequest(s.url, '/events', { headers: { host } });
      expect(events.status, host).toBe(200);
    }
  });
});
