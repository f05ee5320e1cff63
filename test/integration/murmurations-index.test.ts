// Teia against a Murmurations Index: a local server on 127.0.0.1 answers as the documented
// Index API v2 does (paged GET /v2/nodes, POST /v2/nodes, GET /v2/nodes/{id}, POST /v2/validate)
// and hosts the profiles: one gone, one invalid, one that never answers, one deleted.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teia } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openCore } from '../../electron/core/index.ts';
import { validateProfile } from '../../electron/core/share/murmurations/schemas.ts';

interface Fake {
  url: string;
  searches: URLSearchParams[];
  registered: string[];
  close(): Promise<void>;
}

const org = (name: string, extra: Record<string, unknown> = {}) => ({ linked_schemas: ['organizations_schema-v1.0.0'], name, country_iso_3166: 'BR', ...extra });

async function fakeIndex(): Promise<Fake> {
  const searches: URLSearchParams[] = [];
  const registered: string[] = [];
  const hanging = new Set<http.ServerResponse>();
  let base = '';
  const profiles: Record<string, unknown> = {
    '/profiles/a.json': org('Cooperativa Mel do Sertão', { geolocation: { lat: -9.4, lon: -40.5 } }),
    '/profiles/b.json': org('Armazém do Campo', { contact_details: { email: 'contato@armazem.example' } }),
    '/profiles/d.json': { linked_schemas: ['organizations_schema-v1.0.0'], name: 'x'.repeat(250) },
  };
  const nodes = () => [
    { profile_url: `${base}/profiles/a.json`, status: 'posted' },
    { profile_url: `${base}/profiles/b.json`, status: 'posted' },
    { profile_url: `${base}/profiles/c.json`, status: 'posted' },
    { profile_url: `${base}/profiles/d.json`, status: 'posted' },
    { profile_url: `${base}/profiles/slow.json`, status: 'posted' },
    { profile_url: `${base}/profiles/e.json`, status: 'deleted' },
  ];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/v2/nodes') {
      searches.push(url.searchParams);
      const size = Number(url.searchParams.get('page_size'));
      const page = Number(url.searchParams.get('page'));
      const all = nodes();
      const pages = Math.ceil(all.length / size);
      const links: Record<string, string> = { first: `${base}/v2/nodes?page=1` };
      if (page < pages) links.next = `${base}/v2/nodes?page=${page + 1}`;
      return json(200, { data: all.slice((page - 1) * size, page * size), links, meta: { number_of_results: all.length, total_pages: pages } });
    }
    if (req.method === 'POST' && (url.pathname === '/v2/nodes' || url.pathname === '/v2/validate')) {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const input = JSON.parse(body) as Record<string, unknown>;
        if (url.pathname === '/v2/validate') {
          const problems = validateProfile(input);
          return problems.length ? json(400, { errors: problems.map((p) => ({ title: 'Invalid', detail: p })) }) : json(200, { data: {}, status: 200 });
        }
        registered.push(String(input.profile_url));
        json(200, { data: { node_id: crypto.createHash('sha256').update(String(input.profile_url)).digest('hex'), profile_url: input.profile_url, status: 'received' } });
      });
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/v2/nodes/')) return json(200, { data: { node_id: url.pathname.slice(10), status: 'posted' } });
    if (url.pathname === '/profiles/slow.json') {
      hanging.add(res); // never answers: the client's own time limit must end the wait
      return;
    }
    if (profiles[url.pathname]) return json(200, profiles[url.pathname]);
    json(404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    searches,
    registered,
    close: () =>
      new Promise<void>((r) => {
        for (const h of hanging) h.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let fake: Fake;
const tmp = tempDir();
beforeAll(async () => {
  fake = await fakeIndex();
});
afterAll(async () => {
  await fake.close();
  tmp.cleanup();
});

const names = (db: string) => (openCore({ dbPath: db, host: 'cli', sample: false, readonly: true }).ctx.db.prepare('SELECT name FROM enterprises ORDER BY name').all() as { name: string }[]).map((r) => r.name);

describe('teia pull from a Murmurations Index', () => {
  it('follows the pages of a search, imports the profiles it can read and reports each one it cannot', async () => {
    const db = path.join(tmp.dir, 'pulled.db');
    const r = await teia('pull', '--index', `${fake.url}/v2`, '--country', 'BR', '--near=-23.5,-46.6', '--range', '500km', '--page-size', '2', '--timeout', '5', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(fake.searches.length).toBeGreaterThanOrEqual(1);
    const first = fake.searches[0];
    expect([first.get('schema'), first.get('country'), first.get('lat'), first.get('lon'), first.get('range')]).toEqual(['organizations_schema-v1.0.0', 'BR', '-23.5', '-46.6', '500km']);
    expect(fake.searches.map((s) => s.get('page'))).toEqual(['1', '2', '3']);
    expect(names(db)).toEqual(['Armazém do Campo', 'Cooperativa Mel do Sertão']);
    // The Index does not say who is a solidarity enterprise: pulled profiles wait to be classified.
    expect(openCore({ dbPath: db, host: 'cli', sample: false, readonly: true }).ctx.db.prepare('SELECT sum(classified), sum(solidarity) FROM enterprises').raw().get()).toEqual([0, 0]);
    expect(r.stdout).toContain('Found 6 nodes; read 2 profiles.');
    expect(r.stdout).toContain('2 accepted, 4 rejected');
    expect(r.stdout).toContain('c.json: The profile is gone from its host (HTTP 404).');
    expect(r.stdout).toMatch(/d\.json: The profile does not validate: name must NOT have more than 200 characters/);
    expect(r.stdout).toContain('slow.json: The host of');
    expect(r.stdout).toContain('did not answer within 5 s.');
    expect(r.stdout).toContain('e.json: The Index lists it as deleted.');
  });

  it('reads a saved Index answer the same way, and a dry run writes nothing', async () => {
    const answer = path.join(tmp.dir, 'answer.json');
    const res = await fetch(`${fake.url}/v2/nodes?schema=organizations_schema-v1.0.0&page=1&page_size=3`);
    fs.writeFileSync(answer, await res.text());
    const db = path.join(tmp.dir, 'answer.db');
    const r = await teia('pull', '--answer', answer, '--dry-run', '--timeout', '5', '--db', db);
    expect(r.stdout).toContain('Found 3 nodes; read 2 profiles.');
    expect(r.stdout).toContain('Dry run: nothing was written.');
    expect(names(db)).toEqual([]);
  });
});

describe('teia publish to a Murmurations Index', () => {
  it('validates with the Index, registers every profile of an export and shows each status', async () => {
    const db = path.join(tmp.dir, 'sample.db');
    openCore({ dbPath: db, host: 'cli', sample: true }).close();
    const folder = path.join(tmp.dir, 'site');
    expect((await teia('export', folder, '--format', 'murmurations', '--base-url', 'https://rede.example/teia/', '--db', db)).code).toBe(0);
    const listed = (JSON.parse(fs.readFileSync(path.join(folder, 'index.json'), 'utf8')) as { profiles: { profile_url: string }[] }).profiles.map((p) => p.profile_url);
    const r = await teia('publish', folder, '--index', `${fake.url}/v2`, '--validate');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toContain('invalid');
    expect(fake.registered).toEqual(listed);
    expect(r.stdout.trim().split('\n')).toHaveLength(listed.length);
    expect(r.stdout.trim().split('\n').every((l) => l.startsWith('posted'))).toBe(true);
  });

  it('says so when the Index cannot be reached, and keeps the folder', async () => {
    const folder = path.join(tmp.dir, 'site');
    const before = fs.readdirSync(folder).sort();
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const r = await teia('publish', folder, '--index', `http://127.0.0.1:${port}/v2`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('could not be reached');
    expect(r.stderr).toContain('is kept as it is');
    expect(fs.readdirSync(folder).sort()).toEqual(before);
  });
});
