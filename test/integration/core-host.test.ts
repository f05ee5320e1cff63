import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { CoreHost } from '../../electron/core/host/host.ts';
import { HostClient } from '../../electron/core/host/client.ts';
import { pooledMethods } from '../../electron/core/host/pool.ts';
import type { ToHost } from '../../electron/core/host/protocol.ts';
import { methods, type Result, type TeiaEvent } from '../../shared/contract/index.ts';
import { enterprisesCsv } from '../helpers/events.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';

/**
 * The core's host (a writer and a pool of read-only readers in worker threads) against the
 * core in this process, on two copies of the sample catalogue: the same calls give the same
 * answers, the pool's methods included (any that tried to write would fail on its read-only
 * connection), writes are seen by the next read, and a cancelled call stops its job.
 */
const tmp = tempDir('teia-host-');
const fileA = path.join(tmp.dir, 'a.db');
const fileB = path.join(tmp.dir, 'b.db');
openCore({ dbPath: fileA, host: 'server', sample: true }).close();
fs.copyFileSync(fileA, fileB);
afterAll(() => tmp.cleanup());

/** Every pooled method with an input that does real work on the sample. */
const pooledCalls: [string, unknown][] = [
  ['search-query', { q: 'cafe', limit: 10 }],
  ['search-offers', { product: 'coffee' }],
  ['currency-list', {}],
  ['currency-get', { id: 'ipe' }],
  ['catalogue-stats', {}],
  ['enterprise-facets', {}],
  ['enterprise-get', { id: 'armazem' }],
  ['enterprise-list', { offset: 0, limit: 5 }],
  ['enterprise-query', { limit: 5 }],
  ['enterprise-relations', { id: 'armazem' }],
  ['enterprise-unclassified', {}],
  ['map-points', {}],
  ['network-graph', {}],
  ['network-labels', { enterprises: ['armazem'], products: ['coffee'] }],
  ['network-list', {}],
  ['product-list', {}],
  ['vocab-get', { lang: 'pt' }],
  ['import-merges-list', {}],
  ['profile-list', {}],
  ['scenario-list', {}],
  ['scenario-get', { id: 1 }],
  ['export-run', { format: 'package' }],
  ['catalogue-print', { lang: 'en' }],
];

const normalise = (r: Result<unknown>) =>
  JSON.parse(JSON.stringify(r), (k, v) => (k === 'createdAt' || k === 'updatedAt' || k === 'databasePath' || k === 'generatedAt' || k === 'tookMs' ? '<varies>' : v)) as unknown;

describe('the core host: a writer and a pool of readers', () => {
  let core: Core;
  let host: CoreHost;
  const events: TeiaEvent[] = [];
  beforeAll(async () => {
    core = openCore({ dbPath: fileA, host: 'server', sample: false });
    host = await CoreHost.start({ dbPath: fileB, host: 'server', sample: false, readers: 2 }, (e) => events.push(e));
  });
  afterAll(async () => {
    core?.close();
    await host?.close();
  });

  it('lists only read methods for the pool, and every one of them here', () => {
    for (const m of pooledMethods) expect(methods[m].write, m).toBe(false);
    expect(new Set(pooledCalls.map(([m]) => m))).toEqual(new Set(pooledMethods));
    expect(host.info.readers).toBe(2);
  });

  it('answers every pooled method from a read-only connection as the in-process core does', async () => {
    for (const [method, input] of pooledCalls) {
      const [a, b] = [await core.dispatch(method, input), await host.dispatch(method, input, { readOnly: false })];
      if (method !== 'scenario-get') expect(b.ok, `${method}: ${JSON.stringify(b)}`.slice(0, 300)).toBe(true);
      expect(normalise(b), method).toEqual(normalise(a));
    }
  });

  it('sends writes to the writer, whose commit the next pooled read sees, and its events out', async () => {
    const created = await host.dispatch('enterprise-create', { name: 'Written through the host', solidarity: true }, { readOnly: false });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    expect(await host.dispatch('enterprise-get', { id }, { readOnly: false })).toMatchObject({ ok: true, value: { id } });
    expect(events).toContainEqual({ type: 'catalogue-changed', reason: 'enterprise-create' });
    // A caller that may only read is refused a write at the writer's door, as before.
    expect(await host.dispatch('enterprise-delete', { id }, { readOnly: true })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(await host.dispatch('enterprise-get', { id, extra: 1 }, { readOnly: false })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('stops the job of a call its caller cancels, and keeps nothing of it', async () => {
    const before = (await host.dispatch('catalogue-stats', {}, { readOnly: false })) as { value: { enterprises: number } };
    const controller = new AbortController();
    const heard = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (events.some((e) => e.type === 'progress' && e.jobId === 'protocol-cancel')) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    const input = { fileName: 'm.csv', contentBase64: Buffer.from(enterprisesCsv(20_000, 'Cancelada')).toString('base64'), jobId: 'protocol-cancel' };
    const running = host.dispatch('import-run', input, { readOnly: false, signal: controller.signal });
    await heard;
    controller.abort();
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await host.dispatch('catalogue-stats', {}, { readOnly: false })).toMatchObject({ value: { enterprises: before.value.enterprises } });
  }, 120_000);
});

describe('the desktop’s core process (the utilityProcess entry, under a stand-in for Electron)', () => {
  it('opens the catalogue, answers calls, sends events and closes when asked', async () => {
    const child = fork(path.join(repoRoot, 'bin', 'tsx.mjs'), [path.join(repoRoot, 'test', 'helpers', 'utility-stand-in.ts')], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // Electron queues messages until the entry listens; the stand-in says when it does.
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => child.once('message', () => resolve())); // stand-in-ready
    const events: TeiaEvent[] = [];
    const client = new HostClient(
      {
        post: (m: ToHost) => child.send(m),
        onMessage: (l) => void child.on('message', l),
        onExit: (l) => void child.on('exit', (code) => l(`exit ${code}`)),
      },
      (e) => events.push(e),
    );
    const info = await client.open({ dbPath: fileA, host: 'desktop', sample: false, readers: 1 });
    expect(info).toMatchObject({ dbPath: fileA, readOnly: false, readers: 1 });
    expect(await client.dispatch('search-query', { q: 'cafe' })).toMatchObject({ ok: true });
    expect(await client.dispatch('enterprise-create', { name: 'Written on the desktop', solidarity: true })).toMatchObject({ ok: true });
    expect(events).toContainEqual({ type: 'catalogue-changed', reason: 'enterprise-create' });
    expect(await client.dispatch('no-such-method', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    await client.close();
    expect(await exited).toBe(0);
  }, 120_000);
});
