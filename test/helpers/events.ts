import http from 'node:http';
import type { TeiaEvent } from '../../shared/contract/index.ts';

/** A browser's event stream from `teia serve` (GET /events), kept in order, with waits for a state. */
export function listenEvents(base: string, token?: string | null) {
  const events: TeiaEvent[] = [];
  const waiters: { test: (e: TeiaEvent) => boolean; resolve: (e: TeiaEvent) => void }[] = [];
  const url = new URL('events', base);
  if (token) url.searchParams.set('token', token);
  let buffer = '';
  const stream: { req?: http.ClientRequest } = {};
  const connected = new Promise<void>((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.on('data', (d: Buffer) => {
        buffer += d.toString();
        if (buffer.includes(': connected')) resolve();
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!data) continue;
          const event = JSON.parse(data) as TeiaEvent;
          events.push(event);
          for (const w of waiters.splice(0)) {
            if (w.test(event)) w.resolve(event);
            else waiters.push(w);
          }
        }
      });
    });
    req.on('error', reject);
    stream.req = req;
  });
  return {
    events,
    connected,
    /** Resolves with the first event (already heard or still to come) that passes the test. */
    waitFor(test: (e: TeiaEvent) => boolean): Promise<TeiaEvent> {
      const seen = events.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    close: () => stream.req?.destroy(),
  };
}

/** A CSV of `count` new enterprises (names start with `prefix`), as a forum's member list. */
export function enterprisesCsv(count: number, prefix: string): string {
  const rows = ['name,locality,country,lat,lon'];
  for (let i = 0; i < count; i++) rows.push(`${prefix} ${i},Cidade ${i % 500},BR,${(-10 - (i % 20) / 10).toFixed(3)},${(-45 - (i % 30) / 10).toFixed(3)}`);
  return rows.join('\n');
}

/** POST /rpc/METHOD with the given token (none: a caller without a link), answering status and body. */
export async function rpc(base: string, method: string, input: unknown, token?: string | null) {
  const res = await fetch(new URL(`rpc/${method}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}
