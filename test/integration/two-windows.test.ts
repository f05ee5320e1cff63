import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { startServe } from '../helpers/serve.ts';
import { run } from '../helpers/crash-run.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * Two windows, one file: the desktop app (a second core in its own process) and `teia serve`
 * on the same catalogue. Each one's write reaches the other's event stream as
 * catalogue-changed, and the other then reads the new record.
 */
const tmp = tempDir('teia-two-windows-');
const file = path.join(tmp.dir, 'c.db');
openCore({ dbPath: file, host: 'cli', sample: true }).close();
afterAll(() => tmp.cleanup());

describe('the desktop and teia serve on one catalogue', () => {
  it('see each other’s writes through their event streams', async () => {
    const serve = await startServe(['--db', file]);
    const desktop = run(['test/helpers/second-core.ts', file], {}, { stdin: true });
    const events: string[] = [];
    let heard: (() => void) | null = null;
    const stream = http.get(new URL('events', serve.url), (res) =>
      res.on('data', (d: Buffer) => {
        events.push(d.toString());
        if (events.join('').includes('another-window')) heard?.();
      }),
    );
    const rpc = async (method: string, input: unknown) =>
      (await (await fetch(new URL(`rpc/${method}`, serve.url), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${serve.token}` }, body: JSON.stringify(input) })).json()) as { ok: boolean; value: { id: string } };
    try {
      await desktop.line('ready');
      // Desktop writes → the browser's event stream says the catalogue changed; the server reads it.
      const serverHeard = new Promise<void>((resolve) => (heard = resolve));
      desktop.child.stdin!.write('create Written on the desktop\n');
      await desktop.line('created ');
      const id = desktop.lines.find((l) => l.startsWith('created '))!.slice('created '.length);
      await serverHeard;
      expect(events.join('')).toMatch(/"type":"catalogue-changed","reason":"another-window"/);
      expect((await rpc('enterprise-get', { id })).value.id).toBe(id);

      // The browser writes through teia serve → the desktop's window is told; the desktop reads it.
      const mark = desktop.lines.length;
      const created = await rpc('enterprise-create', { name: 'Written in the browser', solidarity: true });
      expect(created.ok).toBe(true);
      await desktop.line('event {"type":"catalogue-changed","reason":"another-window"}');
      expect(desktop.lines.slice(mark).some((l) => l.includes('another-window'))).toBe(true);
      desktop.child.stdin!.write(`get ${created.value.id}\n`);
      await desktop.line(`got ${created.value.id}`);
    } finally {
      stream.destroy();
      desktop.child.stdin!.end();
      await desktop.exited;
      await serve.stop();
    }
  });
});
