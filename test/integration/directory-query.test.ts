import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { directorySql } from '../../electron/core/catalogue/query.ts';
import { tempDir } from '../helpers/tmp.ts';

const N = 100_000;
const countries = ['BR', 'GB', 'FR', 'ES', 'PT', 'AR', 'MX', 'CO', 'IT', 'DE'];

/**
 * A 100,000-enterprise catalogue written with SQL (the import path is tested elsewhere; here
 * only the directory's reads matter): every 3rd enterprise is solidarity, countries cycle,
 * every 7th has the activity a01, every 5th belongs to the network "rede".
 */
function fill(core: Core) {
  const db = core.ctx.db;
  db.transaction(() => {
    // The search index is not what this test reads: defer it, as bulk imports do.
    db.exec(`
      INSERT INTO meta (key, value) VALUES ('search-deferred', '1');
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
      INSERT INTO enterprises (id, name, solidarity, locality, region, country, organisational_structure, lat, lon, position)
      SELECT printf('e%06d', i), printf('Coop %06d %s', (i * 7919) % ${N}, CASE WHEN i % 11 = 0 THEN 'Padaria' ELSE 'Oficina' END),
             CASE WHEN i % 3 = 0 THEN 1 ELSE 0 END, printf('Town %d', i % 500), printf('Region %d', i % 20),
             json_extract('${JSON.stringify(countries)}', printf('$[%d]', i % ${countries.length})),
             CASE WHEN i % 2 = 0 THEN 'OS60' ELSE 'OS10' END, (i % 170) - 85, (i % 350) - 175, i
      FROM n;
      INSERT INTO enterprise_activities (enterprise_id, code, position) SELECT id, 'a01', 0 FROM enterprises WHERE position % 7 = 0;
      INSERT INTO networks (id, name) VALUES ('rede', 'Rede Teste');
      INSERT INTO memberships (network_id, enterprise_id, position) SELECT 'rede', id, 0 FROM enterprises WHERE position % 5 = 0;
    `);
  })();
}

/** Median of a few runs, in ms: one slow run on a busy 2-core machine should not fail the test. */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return runs.sort((a, b) => a - b)[2];
}

describe('the directory at 100,000 enterprises', () => {
  const tmp = tempDir();
  let core: Core;
  beforeAll(() => {
    core = openCore({ dbPath: path.join(tmp.dir, 'big.db'), host: 'cli', sample: false });
    fill(core);
    core.ctx.db.exec('ANALYZE');
  }, 120_000);
  afterAll(() => {
    core?.close();
    tmp.cleanup();
  });

  it('filters and counts as SQL says, in a total order that windows never repeat', async () => {
    const all = await core.call('enterprise-query', { filters: {}, offset: 0, limit: 1 });
    expect(all.total).toBe(N);
    const sol = await core.call('enterprise-query', { filters: { solidarity: true }, sort: { by: 'name', dir: 'asc' }, offset: 0, limit: 50 });
    expect(sol.total).toBe(Math.floor(N / 3));
    expect(sol.items.every((e) => e.solidarity)).toBe(true);
    const names = sol.items.map((e) => e.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    // Accents do not push a name to the end: "Ação" sorts between "Acre" and "Adega".
    const db = core.ctx.db;
    db.prepare("INSERT INTO enterprises (id, name, solidarity) VALUES ('x1', 'Adega', 1), ('x2', 'Ação Coletiva', 1), ('x3', 'Acre Coop', 1), ('x4', 'ÉCOLE', 1)").run();
    const accents = await core.call('enterprise-query', { filters: { text: 'a', solidarity: true }, sort: { by: 'name', dir: 'asc' }, offset: 0, limit: 1000 });
    const order = accents.items.map((e) => e.name).filter((n) => ['Adega', 'Ação Coletiva', 'Acre Coop'].includes(n));
    expect(order).toEqual(['Ação Coletiva', 'Acre Coop', 'Adega']);
    const e = await core.call('enterprise-query', { filters: { solidarity: true }, sort: { by: 'name', dir: 'asc' }, offset: 0, limit: 3 });
    expect(e.items.map((i) => i.name)).not.toContain('ÉCOLE'); // É folds to e: after the C… names
    db.prepare("DELETE FROM enterprises WHERE id IN ('x1', 'x2', 'x3', 'x4')").run();
    // Two adjacent windows join without a gap or a repeat.
    const w1 = await core.call('enterprise-query', { filters: { country: 'BR' }, sort: { by: 'locality', dir: 'desc' }, offset: 0, limit: 100 });
    const w2 = await core.call('enterprise-query', { filters: { country: 'BR' }, sort: { by: 'locality', dir: 'desc' }, offset: 50, limit: 100 });
    expect(w2.items.slice(0, 50).map((e) => e.id)).toEqual(w1.items.slice(50).map((e) => e.id));
    expect(w1.total).toBe(N / countries.length);
    const combined = await core.call('enterprise-query', { filters: { activity: 'a01', network: 'rede', solidarity: true }, offset: 0, limit: 1000 });
    // Multiples of 3, 5 and 7 up to N: multiples of 105.
    expect(combined.total).toBe(Math.floor(N / 105));
    expect(combined.items.every((e) => Number(e.id.slice(1)) % 105 === 0)).toBe(true);
    const text = await core.call('enterprise-query', { filters: { text: 'padaria' }, offset: 0, limit: 10 });
    expect(text.total).toBe(Math.floor(N / 11));
    const wild = await core.call('enterprise-query', { filters: { text: '%' }, offset: 0, limit: 10 });
    expect(wild.total).toBe(0);
    // A write changes the count at once (the remembered count is keyed by the catalogue's version).
    const before = (await core.call('enterprise-query', { filters: { country: 'BR' }, offset: 0, limit: 1 })).total;
    await core.call('enterprise-create', { name: 'Nova', solidarity: true, country: 'BR' });
    expect((await core.call('enterprise-query', { filters: { country: 'BR' }, offset: 0, limit: 1 })).total).toBe(before + 1);
    const nova = (await core.call('enterprise-query', { filters: { text: 'Nova' }, offset: 0, limit: 5 })).items[0];
    await core.call('enterprise-delete', { id: nova.id });
    expect((await core.call('enterprise-query', { filters: { country: 'BR' }, offset: 0, limit: 1 })).total).toBe(before);
  });

  it('answers windows in well under 100 ms (typically under 50), at the start and deep in the list', async () => {
    const cases = [
      { filters: {}, sort: { by: 'name' as const, dir: 'asc' as const }, offset: 0 },
      { filters: { solidarity: true }, sort: { by: 'name' as const, dir: 'asc' as const }, offset: 20_000 },
      { filters: {}, sort: { by: 'locality' as const, dir: 'desc' as const }, offset: 90_000 },
      { filters: { country: 'GB' }, sort: { by: 'name' as const, dir: 'asc' as const }, offset: 5_000 },
      { filters: { activity: 'a01' }, sort: { by: 'country' as const, dir: 'asc' as const }, offset: 0 },
      { filters: { activity: 'a01' }, sort: { by: 'name' as const, dir: 'desc' as const }, offset: 14_000 },
      { filters: { network: 'rede', solidarity: true }, sort: { by: 'locality' as const, dir: 'asc' as const }, offset: 3_000 },
      { filters: { text: 'padaria' }, sort: { by: 'name' as const, dir: 'asc' as const }, offset: 0 },
    ];
    for (const c of cases) {
      // The first call counts the matches; later windows of the same view reuse the count.
      const t0 = performance.now();
      await core.call('enterprise-query', { ...c, limit: 100 });
      const first = performance.now() - t0;
      const ms = await timed(() => core.call('enterprise-query', { ...c, offset: c.offset + 100, limit: 100 }));
      console.log(`enterprise-query ${JSON.stringify(c)}: first ${first.toFixed(1)} ms, next windows ${ms.toFixed(1)} ms`);
      // A first window deep in a large list-filtered selection sorts all its matches once
      // (measured 50–320 ms on a loaded 2-core machine); the windows after it reuse that order.
      expect(first).toBeLessThan(600);
      expect(ms).toBeLessThan(80);
    }
    const facetsMs = await timed(() => core.call('enterprise-facets', {}));
    const mapMs = await timed(() => core.call('map-points', { filters: {} }));
    console.log(`enterprise-facets: ${facetsMs.toFixed(1)} ms; map-points (${N}): ${mapMs.toFixed(1)} ms`);
    expect(facetsMs).toBeLessThan(500);
    expect(mapMs).toBeLessThan(3000); // ~190 ms on a quiet machine; this one is shared
  });

  it('reads the hot filter (solidarity, sorted by name) from an index, without a sort step', () => {
    const q = directorySql({ solidarity: true }, { by: 'name', dir: 'asc' });
    const plan = core.ctx.db
      .prepare(`EXPLAIN QUERY PLAN ${q.page.sql}`)
      .all(...q.page.params, 100, 0) as { detail: string }[];
    const text = plan.map((p) => p.detail).join('\n');
    expect(text).toMatch(/USING (COVERING )?INDEX enterprises_solidarity_name_key/);
    expect(text).not.toMatch(/TEMP B-TREE/);
    for (const by of ['name', 'locality', 'country'] as const) {
      const p = directorySql({}, { by, dir: 'desc' });
      const d = (core.ctx.db.prepare(`EXPLAIN QUERY PLAN ${p.page.sql}`).all(100, 0) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(d, `sort by ${by}`).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('gives facets and map points that agree with the filters', async () => {
    const f = await core.call('enterprise-facets', {});
    expect(f.total).toBe(N);
    expect(f.solidarity.yes).toBe(Math.floor(N / 3));
    expect(f.country.map((c) => c.value).sort()).toEqual([...countries].sort());
    expect(f.network).toEqual([{ value: 'rede', label: 'Rede Teste', count: N / 5 }]);
    const regionsBr = await core.call('enterprise-facets', { country: 'BR' });
    expect(regionsBr.region.reduce((s, r) => s + r.count, 0)).toBe(N / countries.length);
    const pts = await core.call('map-points', { filters: { country: 'FR' } });
    expect(pts.ids.length).toBe(N / countries.length);
    expect(pts.lat.length).toBe(pts.ids.length);
    expect(pts.withoutCoordinates).toBe(0);
  });
});
