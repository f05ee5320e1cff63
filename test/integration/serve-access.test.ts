import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { methods } from '../../shared/contract/index.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * Who may change the catalogue through the real `teia serve`: on loopback only the person with
 * the printed link (its write secret), since another account on the machine can reach the port
 * too; at a forum (--host) attendees get a read-only link and organisers a link that writes.
 */
const writers = Object.entries(methods).filter(([, d]) => d.write).map(([m]) => m);

function catalogueFile() {
  const tmp = tempDir('teia-access-');
  const file = path.join(tmp.dir, 'c.db');
  openCore({ dbPath: file, host: 'cli', sample: true }).close();
  return { ...tmp, file };
}

const call = async (base: string, method: string, body: unknown, token?: string | null) => {
  const res = await fetch(new URL(`rpc/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } } };
};

/** What the catalogue holds, as a hash of its counts and every enterprise's record. */
async function contentHash(base: string, token: string): Promise<string> {
  const stats = await call(base, 'catalogue-stats', {}, token);
  const list = await call(base, 'enterprise-list', { limit: 1000 }, token);
  const backups = await call(base, 'backup-list', {}, token);
  return crypto.createHash('sha256').update(JSON.stringify([stats.body, list.body, backups.body])).digest('hex');
}

/** Calls that would succeed if they were let through (so a refusal is the access check's doing). */
const realistic: Record<string, unknown> = {
  'enterprise-create': { name: 'Written through the wrong door', solidarity: true },
  'enterprise-delete': { id: 'armazem' },
  'backup-create': { reason: 'sneaky' },
};

describe('teia serve on loopback: a write secret in the printed link', () => {
  const c = catalogueFile();
  let s: ServeProcess;
  beforeAll(async () => {
    s = await startServe(['--db', c.file]);
  });
  afterAll(async () => {
    await s.stop();
    c.cleanup();
  });

  it('prints one link, on 127.0.0.1, carrying a fresh secret in its fragment', async () => {
    expect(s.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{24}$/);
    expect(s.readLink).toBeNull();
    const again = await startServe(['--db', c.file]);
    try {
      expect(again.token).not.toBe(s.token);
    } finally {
      await again.stop();
    }
  });

  it('answers reads without the secret, and says the page is read-only', async () => {
    const stats = await call(s.url, 'catalogue-stats', {});
    expect(stats.body.ok).toBe(true);
    const reader = (await call(s.url, 'app-info', {})).body.value as { readOnly: boolean; databasePath: string };
    const writer = (await call(s.url, 'app-info', {}, s.token)).body.value as { readOnly: boolean; databasePath: string };
    expect(reader.readOnly).toBe(true);
    expect(writer.readOnly).toBe(false);
    // The organiser sees where the file lives; a reader only its name.
    expect(writer.databasePath).toMatch(/[\\/]/);
    expect(reader.databasePath).not.toMatch(/[\\/]/);
    expect(writer.databasePath.endsWith(reader.databasePath)).toBe(true);
    expect((await fetch(new URL('events', s.url))).status).toBe(200);
  });

  it('refuses every write method without the secret (or with a wrong one), with a sentence, and writes nothing', async () => {
    const before = await contentHash(s.url, s.token);
    for (const token of [null, `${s.token}x`, s.token.slice(0, -1)]) {
      for (const m of writers) {
        const r = await call(s.url, m, realistic[m] ?? {}, token);
        expect(r.status, m).toBe(403);
        expect(r.body.error?.code, m).toBe('read-only');
        expect(r.body.error?.message, m).toMatch(/^Changes need the link Teia printed when it started/);
      }
    }
    expect(await contentHash(s.url, s.token)).toBe(before);
    const created = await call(s.url, 'enterprise-create', realistic['enterprise-create'], s.token);
    expect(created.body.ok).toBe(true);
    expect(await contentHash(s.url, s.token)).not.toBe(before);
  });
});

describe('teia serve --host: a read-only link for attendees and one for organisers', () => {
  const c = catalogueFile();
  let s: ServeProcess;
  // 127.0.0.2 is loopback on Linux but not one of the names Teia treats as "this machine only",
  // so the server shares as it would on a LAN address, without opening a port to the network.
  beforeAll(async () => {
    s = await startServe(['--db', c.file, '--host', '127.0.0.2']);
  });
  afterAll(async () => {
    await s.stop();
    c.cleanup();
  });

  it('prints two links with different tokens, and the QR code of the read link', async () => {
    expect(s.link).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/#token=[\w-]{24}$/);
    expect(s.readLink).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/#token=[\w-]{24}$/);
    expect(s.readToken).not.toBe(s.token);
    expect(s.output()).toMatch(/for organisers/);
    expect(s.output()).toContain(await QRCode.toString(s.readLink!, { type: 'utf8' }));
    expect(s.output()).not.toContain(await QRCode.toString(s.link, { type: 'utf8' }));
  });

  it('the read link reads every page’s data but can reach no write method', async () => {
    const before = await contentHash(s.url, s.token);
    for (const m of ['catalogue-stats', 'enterprise-query', 'map-points', 'network-list', 'search-query']) {
      const input = m === 'search-query' ? { q: 'café' } : {};
      expect((await call(s.url, m, input, s.readToken)).body, m).toMatchObject({ ok: true });
    }
    expect((await call(s.url, 'app-info', {}, s.readToken)).body.value).toMatchObject({ readOnly: true });
    expect(writers.length).toBeGreaterThanOrEqual(13);
    for (const m of writers) {
      const r = await call(s.url, m, realistic[m] ?? {}, s.readToken);
      expect(r.status, m).toBe(403);
      expect(r.body.error, m).toMatchObject({ code: 'read-only', message: expect.stringMatching(/read-only link/) });
    }
    // The token as a query parameter (how the event stream carries it) opens no more.
    const viaQuery = await call(s.url, `enterprise-create?token=${s.readToken}`, realistic['enterprise-create']);
    expect(viaQuery.status).toBe(403);
    expect(await contentHash(s.url, s.token)).toBe(before);
    expect(fs.existsSync(path.join(c.dir, 'backups'))).toBe(false);
  });

  it('the organisers’ link writes; no link at all gets nothing', async () => {
    expect((await call(s.url, 'catalogue-stats', {})).status).toBe(401);
    expect((await call(s.url, 'enterprise-create', realistic['enterprise-create'])).status).toBe(401);
    expect((await fetch(new URL('events', s.url))).status).toBe(401);
    expect((await fetch(new URL(`events?token=${s.readToken}`, s.url))).status).toBe(200);
    const created = await call(s.url, 'enterprise-create', realistic['enterprise-create'], s.token);
    expect(created.body.ok).toBe(true);
    expect((await call(s.url, 'backup-create', { reason: 'organiser' }, s.token)).body.ok).toBe(true);
  });

  it('share-info gives the read link and its QR code, never the organisers’ token', async () => {
    const info = await call(s.url, 'share-info', {}, s.readToken);
    expect(info.body.value?.readLink).toBe(s.readLink);
    const qr = info.body.value?.qr as { size: number; cells: string };
    const expected = QRCode.create(s.readLink!, { errorCorrectionLevel: 'M' }).modules;
    expect(qr.size).toBe(expected.size);
    expect(qr.cells).toBe(Array.from(expected.data, (d) => (d ? '1' : '0')).join(''));
    expect(JSON.stringify(info.body)).not.toContain(s.token);
  });
});

describe('share-info where nothing is shared', () => {
  it('is empty on loopback', async () => {
    const c = catalogueFile();
    const s = await startServe(['--db', c.file]);
    try {
      expect((await call(s.url, 'share-info', {})).body).toEqual({ ok: true, value: { readLink: null, qr: null } });
    } finally {
      await s.stop();
      c.cleanup();
    }
  });
});
