// Murmurations profiles out of Teia: every file validates against the Library's schemas (checked
// here with an ajv of the test's own, built from the team folder's copy), what would not
// validate is left out and reported, and the profiles import back with the same records.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { teia } from '../helpers/cli.ts';
import { repoRoot, sharedDir, tempDir } from '../helpers/tmp.ts';
import { openCore } from '../../electron/core/index.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';

const library = path.join(sharedDir, 'data', 'murmurations');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function work() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** An independent validator: the Index checks default-v2.1.0, then each linked schema. */
function indexVerdict(): (profile: Record<string, unknown>) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const base = 'https://test-library.murmurations.network/v2/';
  for (const kind of ['fields', 'schemas']) {
    for (const f of fs.readdirSync(path.join(library, kind))) {
      const s = JSON.parse(fs.readFileSync(path.join(library, kind, f), 'utf8'));
      delete s.$schema;
      delete s.$id;
      ajv.addSchema(s, kind === 'fields' ? `${base}fields/${f}` : `${base}schemas/${f.replace(/\.json$/, '')}`);
    }
  }
  return (profile) => {
    const errors: string[] = [];
    for (const name of ['default-v2.1.0', ...(profile.linked_schemas as string[])]) {
      const v = ajv.getSchema(`${base}schemas/${name}`);
      if (!v) errors.push(`unknown schema ${name}`);
      else if (!v(profile)) errors.push(JSON.stringify(v.errors));
    }
    return errors;
  };
}

function sampleDb(dir: string): string {
  const db = path.join(dir, 'sample.db');
  openCore({ dbPath: db, host: 'cli', sample: true }).close();
  return db;
}

describe('teia export --format murmurations', () => {
  it('ships the Library schemas unchanged', () => {
    for (const kind of ['fields', 'schemas']) {
      const files = fs.readdirSync(path.join(library, kind));
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) {
        expect(fs.readFileSync(path.join(repoRoot, 'data', 'murmurations', kind, f), 'utf8'), `${kind}/${f}`).toBe(fs.readFileSync(path.join(library, kind, f), 'utf8'));
      }
    }
  });

  it('writes one valid profile per enterprise, offer, need and currency, listed in index.json', async () => {
    const dir = work();
    const db = sampleDb(dir);
    const out = path.join(dir, 'site');
    const r = await teia('export', out, '--format', 'murmurations', '--base-url', 'https://rede.example/teia', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    const pkg = readPackage(openCore({ dbPath: db, host: 'cli', sample: false, readonly: true }).ctx.db);
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8')) as { profiles: { profile_url: string; linked_schemas: string[] }[] };
    const expected = pkg.enterprises!.length + pkg.offers!.length + pkg.needs!.length + 3;
    expect(index.profiles).toHaveLength(expected);
    const verdict = indexVerdict();
    for (const entry of index.profiles) {
      expect(entry.profile_url.startsWith('https://rede.example/teia/')).toBe(true);
      const file = path.join(out, ...entry.profile_url.slice('https://rede.example/teia/'.length).split('/').map(decodeURIComponent));
      const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(verdict(profile), entry.profile_url).toEqual([]);
    }
    // A supply link is a relationship from the buyer to its supplier's profile.
    const flow = pkg.flows![0];
    const buyer = JSON.parse(fs.readFileSync(path.join(out, 'organizations', `${encodeURIComponent(flow.buyer)}.json`), 'utf8'));
    expect(buyer.relationships).toContainEqual({ predicate_url: 'https://schema.org/seller', object_url: `https://rede.example/teia/organizations/${encodeURIComponent(flow.supplier)}.json` });
  });

  it('leaves out, and names, a record whose profile would not validate', async () => {
    const dir = work();
    const db = sampleDb(dir);
    const core = openCore({ dbPath: db, host: 'cli', sample: false });
    const long = `Cooperativa ${'muito '.repeat(40)}longa`;
    core.ctx.db.prepare("UPDATE enterprises SET name = ? WHERE id = (SELECT id FROM enterprises ORDER BY id LIMIT 1)").run(long);
    const count = (core.ctx.db.prepare('SELECT count(*) AS n FROM enterprises').get() as { n: number }).n;
    core.close();
    const out = path.join(dir, 'site');
    const r = await teia('export', out, '--format', 'murmurations', '--base-url', 'https://rede.example/', '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Left out 1 that would not validate');
    expect(r.stdout).toContain(`organization ${long}: name must NOT have more than 200 characters`);
    expect(fs.readdirSync(path.join(out, 'organizations'))).toHaveLength(count - 1);
  });

  it('refuses a folder that holds other files, and a base address that is not http(s)', async () => {
    const dir = work();
    const db = sampleDb(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const r = await teia('export', dir, '--format', 'murmurations', '--base-url', 'https://rede.example/', '--db', db);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('already holds other files');
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    const bad = await teia('export', path.join(dir, 'x'), '--format', 'murmurations', '--base-url', 'ftp://rede.example/', '--db', db);
    expect(bad.stderr).toContain('must start with https://');
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });

  it('imports back into an empty catalogue with the same enterprises, offers, needs and flows', async () => {
    const dir = work();
    const db = sampleDb(dir);
    const out = path.join(dir, 'site');
    expect((await teia('export', out, '--format', 'murmurations', '--base-url', 'https://rede.example/', '--db', db)).code).toBe(0);
    const back = path.join(dir, 'back.db');
    const r = await teia('import', path.join(out, 'profiles.json'), '--db', back);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const open = (file: string) => readPackage(openCore({ dbPath: file, host: 'cli', sample: false, readonly: true }).ctx.db);
    const a = open(db);
    const b = open(back);
    const names = (p: typeof a) => p.enterprises!.map((e) => [e.id, e.name]).sort();
    expect(names(b)).toEqual(names(a));
    const offers = (p: typeof a) => p.offers!.map((o) => [o.enterprise, o.product, o.capacity, o.price]).sort();
    expect(offers(b)).toEqual(offers(a));
    const needs = (p: typeof a) => p.needs!.map((n) => [n.enterprise, n.product, n.quantity]).sort();
    expect(needs(b)).toEqual(needs(a));
    const flows = (p: typeof a) => p.flows!.map((f) => [f.supplier, f.buyer, f.product, f.quantity, f.value ?? null]).sort();
    expect(flows(b)).toEqual(flows(a));
    // Currencies come back too: their definitions and what each enterprise accepts.
    expect(b.currencies).toEqual(a.currencies);
    const accepts = (p: typeof a) => p.enterprises!.map((e) => [e.id, e.currencies ?? []]).sort();
    expect(accepts(b)).toEqual(accepts(a));
    expect(r.stdout).toContain('0 rejected');
  });
});

describe('murmurations-export (the window\'s download)', () => {
  it('answers with a zip of the same folder, Batch Importer CSV included', async () => {
    const dir = work();
    const db = sampleDb(dir);
    const { unzipSync, strFromU8 } = await import('fflate');
    const core = openCore({ dbPath: db, host: 'server', sample: false });
    const r = await core.dispatch('murmurations-export', { baseUrl: 'https://rede.example/teia/' });
    core.close();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = r.value as { contentBase64: string; written: number };
    const files = unzipSync(Buffer.from(out.contentBase64, 'base64'));
    const index = JSON.parse(strFromU8(files['murmurations/index.json'])) as { profiles: unknown[] };
    expect(index.profiles).toHaveLength(out.written);
    const csv = strFromU8(files['murmurations/batch/organizations-1.csv']).split('\r\n');
    expect(csv[0].startsWith('oid,')).toBe(true);
    expect(csv[0]).toContain('geolocation.lat');
    expect(csv[0]).toContain('relationships[0].predicate_url');
    const pkg = readPackage(openCore({ dbPath: db, host: 'cli', sample: false, readonly: true }).ctx.db);
    expect(csv.filter(Boolean)).toHaveLength(pkg.enterprises!.length + 1);
    const bad = await openCore({ dbPath: db, host: 'server', sample: false }).dispatch('murmurations-export', { baseUrl: 'ftp://nowhere.example' });
    expect(bad.ok ? '' : bad.error.message).toContain('must start with https://');
  });
});
