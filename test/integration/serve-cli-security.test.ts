import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { startServe } from '../helpers/serve.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * Nobody in: the real `teia serve` command (a child process, as people start it). Traffic goes
 * to 127.0.0.1 only, even when the server is bound to every interface.
 */
const tmp = tempDir('teia-serve-cli-');
const file = path.join(tmp.dir, 'c.db');
openCore({ dbPath: file, host: 'cli', sample: true }).close();
afterAll(() => tmp.cleanup());

const rpc = (base: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`rpc/${method}`, base), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('teia serve, the command', () => {
  it('with --host 0.0.0.0 prints a link carrying a token and refuses every call without it', async () => {
    const s = await startServe(['--db', file, '--host', '0.0.0.0']);
    try {
      const link = new URL(s.link);
      // People cannot open 0.0.0.0: the link names an address of this machine instead.
      expect(link.hostname).not.toBe('0.0.0.0');
      const token = s.readToken ?? '';
      expect(token.length).toBeGreaterThanOrEqual(24);
      expect(s.output()).toMatch(/only people with a link/);
      const local = `http://127.0.0.1:${link.port}/`;

      const none = await rpc(local, 'catalogue-stats', {});
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect((await rpc(local, 'enterprise-create', { name: 'Intruder', solidarity: true })).status).toBe(401);
      expect((await rpc(local, 'catalogue-stats', {}, { authorization: `Bearer ${token}x` })).status).toBe(401);
      expect((await rpc(local, 'catalogue-stats', {}, { authorization: `Bearer ${token.slice(0, -1)}` })).status).toBe(401);
      expect((await fetch(new URL('events', local))).status).toBe(401);

      const ok = await rpc(local, 'catalogue-stats', {}, { authorization: `Bearer ${token}` });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
      const viaQuery = await rpc(`${local}`, `catalogue-stats?token=${token}`, {});
      expect(viaQuery.status).toBe(200);
      // No CORS door even with the token.
      const cross = await rpc(local, 'catalogue-stats', {}, { authorization: `Bearer ${token}`, origin: 'http://evil.example' });
      expect(cross.status).toBe(403);
      expect(cross.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await s.stop();
    }
  });

  it('listens on 127.0.0.1 by default; with --read-only refuses every write method', async () => {
    const before = fs.statSync(file).size;
    const s = await startServe(['--db', file, '--read-only']);
    try {
      expect(new URL(s.url).hostname).toBe('127.0.0.1');
      expect(s.output()).not.toMatch(/attendees/);
      expect(s.output()).toMatch(/read-only/);
      const { methods } = await import('../../shared/contract/index.ts');
      const writers = Object.entries(methods).filter(([, d]) => d.write).map(([m]) => m);
      expect(writers.length).toBeGreaterThan(5);
      for (const m of writers) {
        // Even with the write secret of the link: the catalogue itself is open read-only.
        const r = await rpc(s.url, m, {}, { authorization: `Bearer ${s.token}` });
        expect(await r.json(), m).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringMatching(/open read-only/) } });
      }
      expect(((await (await rpc(s.url, 'catalogue-stats', {})).json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      await s.stop();
    }
    expect(fs.statSync(file).size).toBe(before);
  });
});
