import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { enterprisesCsv, listenEvents, rpc } from '../helpers/events.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * A caller without the write secret must not be able to stop an import started with it, even
 * knowing its id (the app's ids are a time and a counter; the organisers' stream carries them).
 */
describe('teia serve: who may cancel a job', () => {
  const tmp = tempDir('teia-jobs-');
  const file = path.join(tmp.dir, 'c.db');
  let s: ServeProcess;
  beforeAll(async () => {
    openCore({ dbPath: file, host: 'cli', sample: true }).close();
    s = await startServe(['--db', file]);
  });
  afterAll(async () => {
    await s?.stop();
    tmp.cleanup();
  });

  const count = async () => ((await rpc(s.url, 'catalogue-stats', {}, s.token)).body.value as { enterprises: number }).enterprises;
  const importing = (jobId: string, prefix: string) =>
    rpc(s.url, 'import-run', { fileName: `${prefix}.csv`, contentBase64: Buffer.from(enterprisesCsv(20_000, prefix)).toString('base64'), jobId }, s.token);

  it('refuses a read-only caller’s cancel of an organiser’s import, which then lands whole', async () => {
    const stream = listenEvents(s.url, s.token);
    await stream.connected;
    const before = await count();
    const run = importing('organisers-import', 'Cooperativa Lenta');
    // Once the import is running, try to stop it by its id without the secret.
    await stream.waitFor((e) => e.type === 'progress' && e.jobId === 'organisers-import');
    const cancel = await rpc(s.url, 'job-cancel', { jobId: 'organisers-import' });
    expect(cancel.body).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(cancel.body.error!.message).toMatch(/only that link can stop it/);
    const report = await run;
    stream.close();
    expect(report.body.ok).toBe(true);
    expect(report.body.value).toMatchObject({ applied: true });
    expect(await count()).toBe(before + 20_000);
  }, 180_000);

  it('lets the organisers’ link cancel its own import, which then writes nothing', async () => {
    const stream = listenEvents(s.url, s.token);
    await stream.connected;
    const before = await count();
    const run = importing('stoppable-import', 'Cooperativa Parada');
    await stream.waitFor((e) => e.type === 'progress' && e.jobId === 'stoppable-import');
    const cancel = await rpc(s.url, 'job-cancel', { jobId: 'stoppable-import' }, s.token);
    expect(cancel.body).toEqual({ ok: true, value: { cancelled: true } });
    const report = await run;
    stream.close();
    expect(report.body).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await count()).toBe(before);
  }, 180_000);
});
