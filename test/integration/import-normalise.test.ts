import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { ImportReport } from '../../shared/contract/import.ts';
import { tempDir } from '../helpers/tmp.ts';
import { teia } from '../helpers/cli.ts';

/** Issue 11: countries and vocabulary values are normalised on the way in, whatever the format. */
let tmp: ReturnType<typeof tempDir>;
let db: string;
const file = (name: string) => path.join(tmp.dir, name);
beforeEach(() => {
  tmp = tempDir();
  db = file('teia.db');
});
afterEach(() => tmp.cleanup());

const rows = (sql: string) => {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare(sql).raw().all();
  } finally {
    raw.close();
  }
};

async function importJson(f: string): Promise<ImportReport> {
  const r = await teia('import', f, '--db', db, '--json', '--solidarity', 'unknown');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as ImportReport;
}

describe('normalised on the way in', () => {
  it('turns typed countries into ISO codes; an unknown one is kept as typed and reported with its line', async () => {
    fs.writeFileSync(
      file('list.csv'),
      'Name,Country\nA,Brasil\nB,Cameroun\nC,Rawanda\nD,Democratic Republic of Congo\nE,République démocratique du Congol\nF,Patagonia\nG,br\n',
    );
    const report = await importJson(file('list.csv'));
    expect(rows('SELECT name, country FROM enterprises ORDER BY name')).toEqual([
      ['A', 'BR'], ['B', 'CM'], ['C', 'RW'], ['D', 'CD'], ['E', 'CD'], ['F', 'Patagonia'], ['G', 'BR'],
    ]);
    expect(report.warnings.join('\n')).toMatch(/Country "Patagonia" is neither an ISO 3166 code nor a country name Teia knows.*kept as written \(1 row: line 7\)/);
  });

  it('stores a package’s vocabulary labels and country names as codes, like a CSV’s', async () => {
    fs.writeFileSync(
      file('p.json'),
      JSON.stringify({
        format: 'teia-package',
        version: 1,
        enterprises: [
          { id: 'a', name: 'A', solidarity: true, activities: ['Agriculture'], country: 'Argentina', organisationalStructure: 'Cooperativas de consumo' },
          { id: 'b', name: 'B', solidarity: true, activities: ['ICA10', 'Tecelagem artesanal'], country: 'AR' },
        ],
      }),
    );
    const report = await importJson(file('p.json'));
    expect(rows('SELECT id, country, organisational_structure FROM enterprises ORDER BY id')).toEqual([['a', 'AR', 'OS80'], ['b', 'AR', null]]);
    // One Activity filter entry for Agriculture, however it was written.
    expect(rows('SELECT code, count(*) FROM enterprise_activities GROUP BY code ORDER BY code')).toEqual([['ICA10', 2], ['Tecelagem artesanal', 1]]);
    expect(report.warnings.join('\n')).toMatch(/Activity "Tecelagem artesanal" is not an ESSGLOBAL code or label; kept as written \(1 row: line \d+\)/);
  });
});

describe('format errors for people, in each host’s words', () => {
  it('the core names no flag (the window says it in its own words); the CLI adds the flag that fixes it', async () => {
    const { testCore, httpCore } = await import('../helpers/core.ts');
    const t = testCore({ sample: false });
    const { server, invoke } = await httpCore(t.core);
    try {
      const garbage = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]).toString('base64');
      const r = (await invoke('import-preview', { fileName: 'mystery.bin', contentBase64: garbage })) as { ok: false; error: { message: string; details: { problem: string; formats: string[] } } };
      expect(r.ok).toBe(false);
      expect(r.error.message).toMatch(/^Teia could not tell what kind of file "mystery\.bin" is\. Say which format it is \(one of [a-z, -]*csv[a-z, -]*\)\.$/);
      expect(r.error.details).toMatchObject({ problem: 'unknown-format', formats: expect.arrayContaining(['csv', 'geojson']) });
      const noName = (await invoke('import-preview', { fileName: 'a.csv', contentBase64: Buffer.from('Cidade,Estado\nRecife,PE\n').toString('base64') })) as { ok: false; error: { message: string; details: unknown } };
      expect(noName.error.message).not.toMatch(/--/);
      expect(noName.error.details).toEqual({ problem: 'no-name-column', columns: ['Cidade', 'Estado'] });
    } finally {
      await server.close();
      t.close();
    }
    fs.writeFileSync(file('mystery.bin'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]));
    const cli = await teia('import', file('mystery.bin'), '--db', db);
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/could not tell what kind of file "mystery.bin" is\. .* Give it with --format package\|/);
    fs.writeFileSync(file('a.csv'), 'Cidade,Estado\nRecife,PE\n');
    expect((await teia('import', file('a.csv'), '--db', db)).stderr).toMatch(/Say which column holds the names\. Map one, e\.g\. --map name="Cidade"\./);
  });
});
