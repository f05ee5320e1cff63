import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { enterprisesCsv, listenEvents, rpc } from '../helpers/events.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * The real `teia serve` on a real catalogue file: a long write (a 40,000-row import, one
 * transaction written in synchronous steps) must not hold up searches. The core's host answers
 * searches from its pool of read-only connections beside the writer, so they keep answering
 * while the import runs, about as fast as when nothing else happens (measured here first, on
 * the same machine and catalogue, so a busy machine slows both).
 */
const queries = ['cafe', 'verduras', 'recicla', 'pão', 'mel', 'cooperativa', 'horta', 'costura', 'feira', 'leite'];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

describe('teia serve: searches while an import writes', () => {
  const tmp = tempDir('teia-import-search-');
  const file = path.join(tmp.dir, 'c.db');
  let s: ServeProcess;
  beforeAll(async () => {
    openCore({ dbPath: file, host: 'cli', sample: true }).close();
    s = await startServe(['--db', file], process.env.TEIA_TEST_READERS ? { TEIA_READERS: process.env.TEIA_TEST_READERS } : {});
  });
  afterAll(async () => {
    await s?.stop();
    tmp.cleanup();
  });

  const search = async (i: number) => {
    const t = performance.now();
    const r = await rpc(s.url, 'search-query', { q: queries[i % queries.length], limit: 20 });
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
    return performance.now() - t;
  };

  it('answers searches during the import, with latency close to the idle one', async () => {
    for (let i = 0; i < 20; i++) await search(i); // warm: statements prepared, word list read
    const idle: number[] = [];
    for (let i = 0; i < 60; i++) idle.push(await search(i));

    const stream = listenEvents(s.url, s.token);
    await stream.connected;
    const csv = enterprisesCsv(40_000, 'Cooperativa Extensa');
    let finished = false;
    const run = rpc(s.url, 'import-run', { fileName: 'extensa.csv', contentBase64: Buffer.from(csv).toString('base64'), jobId: 'long-write' }, s.token).then((r) => {
      finished = true;
      return r;
    });
    // Wait until the writer is inside the transaction, writing rows, then search until it ends.
    await stream.waitFor((e) => e.type === 'progress' && e.jobId === 'long-write' && e.label.startsWith('Writing'));
    const during: number[] = [];
    for (let i = 0; !finished && during.length < 200; i++) {
      const ms = await search(i);
      if (!finished) during.push(ms); // answered while the import was still running
    }
    const report = await run;
    stream.close();
    expect(report.body.ok).toBe(true);
    expect(report.body.value).toMatchObject({ applied: true });
    // The import wrote in steps of 5,000 rows; without the pool each search waited for a step.
    const steps = stream.events.filter((e) => e.type === 'progress' && e.jobId === 'long-write' && e.label.startsWith('Writing')).length;
    const idleP90 = percentile(idle, 90);
    const duringP90 = percentile(during, 90);
    console.log(`searches: idle p90 ${idleP90.toFixed(1)} ms; during the import p90 ${duringP90.toFixed(1)} ms over ${during.length} searches (${steps} write steps)`);
    expect(during.length).toBeGreaterThanOrEqual(20);
    expect(duringP90).toBeLessThan(10 * idleP90);
    // And the new rows are found once the import has committed.
    const found = await rpc(s.url, 'search-query', { q: 'Cooperativa Extensa 39999', limit: 5 });
    expect(JSON.stringify(found.body)).toContain('Cooperativa Extensa 39999');
  }, 240_000);
});
