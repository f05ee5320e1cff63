import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import type { TeiaEvent } from '../../shared/contract/index.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { enterprisesCsv, listenEvents, rpc } from '../helpers/events.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * What the event stream tells whom, under the real `teia serve` at a forum (--host): an
 * import's progress names the organiser's file ("Writing members.csv: …"), and the attendees'
 * read-only link must not learn it (app-info does not even give them the catalogue's folder).
 * They still hear that the catalogue changed, and the progress of an analysis they run.
 */
describe('teia serve at a forum: what the attendees’ event stream carries', () => {
  const tmp = tempDir('teia-events-');
  const file = path.join(tmp.dir, 'c.db');
  let s: ServeProcess;
  beforeAll(async () => {
    openCore({ dbPath: file, host: 'cli', sample: true }).close();
    s = await startServe(['--db', file, '--host', '127.0.0.2']);
    expect(s.readToken).toBeTruthy();
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    tmp.cleanup();
  });

  const streams = async () => {
    const organisers = listenEvents(s.url, s.token);
    const attendees = listenEvents(s.url, s.readToken);
    await Promise.all([organisers.connected, attendees.connected]);
    return { organisers, attendees };
  };
  const importing = (fileName: string, rows: number, jobId: string) =>
    rpc(s.url, 'import-run', { fileName, contentBase64: Buffer.from(enterprisesCsv(rows, 'Cooperativa do Fórum')).toString('base64'), jobId }, s.token);
  const imported = (e: TeiaEvent) => e.type === 'catalogue-changed' && e.reason === 'import';

  it('gives the organisers the import’s progress with its file name, and the attendees only that the catalogue changed', async () => {
    const { organisers, attendees } = await streams();
    const run = importing('members-of-the-forum.csv', 5_000, 'organisers-import');
    const heard = await organisers.waitFor((e) => e.type === 'progress' && e.jobId === 'organisers-import' && e.label.includes('members-of-the-forum.csv'));
    expect(heard).toMatchObject({ total: expect.any(Number) });
    expect((await run).body).toMatchObject({ ok: true, value: { applied: true } });
    // Events reach each stream in the order they happen: once the attendees hear of the change,
    // any progress of the import would already be on their stream.
    await attendees.waitFor(imported);
    await organisers.waitFor(imported);
    organisers.close();
    attendees.close();
    expect(attendees.events.filter((e) => e.type === 'progress')).toEqual([]);
    expect(JSON.stringify(attendees.events)).not.toContain('members-of-the-forum');
  }, 120_000);

  it('gives an attendee the progress of their own analysis, step by step', async () => {
    const { organisers, attendees } = await streams();
    const analysis = await rpc(s.url, 'engine-analyse', { network: null, plan: false, limits: { links: 5, substitutes: 1, explain: 0 }, jobId: 'attendee-analysis' }, s.readToken);
    expect(analysis.body).toMatchObject({ ok: true });
    const step = await attendees.waitFor((e) => e.type === 'progress' && e.jobId === 'attendee-analysis' && e.label === 'Shares');
    expect(step).toMatchObject({ type: 'progress', jobId: 'attendee-analysis' });
    // The organisers hear everything, their attendees' analyses too.
    await organisers.waitFor((e) => e.type === 'progress' && e.jobId === 'attendee-analysis' && e.label === 'Shares');
    organisers.close();
    attendees.close();
  }, 120_000);

  it('does not let an attendee hear an organiser’s import by asking with its job id', async () => {
    const { organisers, attendees } = await streams();
    const run = importing('board-candidates.csv', 20_000, 'borrowed-id');
    await organisers.waitFor((e) => e.type === 'progress' && e.jobId === 'borrowed-id');
    // The same id on an attendee's call while the import runs (refused as a second job of that
    // id, or run once the import is done: either way it must not open the import's progress).
    const borrowed = await rpc(s.url, 'engine-analyse', { network: null, plan: false, limits: { links: 1, substitutes: 1, explain: 0 }, jobId: 'borrowed-id' }, s.readToken);
    expect(borrowed.body.ok || borrowed.body.error?.code === 'conflict').toBe(true);
    expect((await run).body).toMatchObject({ ok: true, value: { applied: true } });
    await attendees.waitFor(imported);
    organisers.close();
    attendees.close();
    expect(JSON.stringify(attendees.events)).not.toContain('board-candidates');
  }, 180_000);
});
