import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/contract/import.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';
import { teia } from '../helpers/cli.ts';


let tmp: ReturnType<typeof tempDir>;
let db: string;
const file = (name: string) => path.join(tmp.dir, name);
beforeEach(() => {
  tmp = tempDir();
  db = file('teia.db');
});
afterEach(() => tmp.cleanup());

const records = (p: TeiaPackage) => [p.products, p.enterprises, p.offers, p.needs, p.flows, p.networks];

describe('teia generate / import / export', () => {
  it('generate is deterministic by seed; import then export gives the package back', async () => {
    expect((await teia('generate', '--enterprises', '40', '--seed', '9', '--out', file('a.json'))).code).toBe(0);
    const again = await teia('generate', '--enterprises', '40', '--seed', '9');
    expect(again.stdout).toBe(fs.readFileSync(file('a.json'), 'utf8'));

    const imp = await teia('import', file('a.json'), '--db', db);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/accepted, 0 rejected/);
    expect((await teia('export', file('out.json'), '--db', db)).code).toBe(0);
    const original = JSON.parse(fs.readFileSync(file('a.json'), 'utf8')) as TeiaPackage;
    const exported = JSON.parse(fs.readFileSync(file('out.json'), 'utf8')) as TeiaPackage;
    expect(records(exported)).toEqual(records(original));
  });

  it('prints each rejected row with its line and reason; --json gives the report; --dry-run writes nothing', async () => {
    const text = [
      '{"format": "teia-package", "version": 1,',
      '"products": [{"id": "p", "name": "P", "parent": null}],',
      '"enterprises": [',
      '{"id": "a", "name": "A", "solidarity": true},',
      '{"id": "b", "name": "B"}',
      '],',
      '"flows": [{"supplier": "a", "buyer": "ghost", "product": "p", "quantity": 1}]}',
    ].join('\n');
    fs.writeFileSync(file('bad.json'), text);
    const dry = await teia('import', file('bad.json'), '--db', db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/line 5 enterprise "b".*solidarity/);
    expect(dry.stdout).toMatch(/line 7 flow .*"ghost"/);
    expect(dry.stdout).toMatch(/Dry run: nothing was written/);
    const stats = JSON.parse((await teia('stats', '--db', db, '--json')).stdout) as Record<string, number>;
    expect(stats.enterprises).toBe(0);

    const real = await teia('import', file('bad.json'), '--db', db, '--json');
    const report = JSON.parse(real.stdout) as ImportReport;
    expect(real.code).toBe(0);
    expect(report.rowsRead).toBe(4);
    expect(report.accepted + report.rejected.length).toBe(4);
    expect(report.rejected.map((r) => r.line)).toEqual([5, 7]);
  });

  it('exits 1 when the file is refused, and leaves the catalogue alone', async () => {
    fs.writeFileSync(file('broken.json'), '{"format": "teia-package", "version": 1, "enterprises": [');
    const r = await teia('import', file('broken.json'), '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON/);
    fs.writeFileSync(file('unknown.txt'), 'hello');
    expect((await teia('import', file('unknown.txt'), '--db', db)).code).toBe(1);
    expect((await teia('import', file('nope.json'), '--db', db)).code).toBe(1);
    expect((await teia('import', file('broken.json'), '--db', db, '--on-duplicate', 'eat')).code).toBe(2);
  });

  it('--on-duplicate decides what a second import of the same file does', async () => {
    const example = path.join(sharedDir, 'spec', 'example-network.json');
    await teia('import', example, '--db', db);
    const skip = JSON.parse((await teia('import', example, '--db', db, '--on-duplicate', 'skip', '--json')).stdout) as ImportReport;
    expect(skip.duplicates).toHaveLength(9);
    expect(skip.duplicates.every((d) => d.action === 'skipped' && d.reasons[0] === 'same id')).toBe(true);
    // Offers and needs without ids of those enterprises are the same rows, updated, not doubled.
    const once = JSON.parse((await teia('stats', '--db', db, '--json')).stdout) as Record<string, number>;
    expect(once).toMatchObject({ enterprises: 9, offers: 7, needs: 2, flows: 7 });
    const both = JSON.parse((await teia('import', example, '--db', db, '--on-duplicate', 'keep-both', '--json')).stdout) as ImportReport;
    expect(both.written.enterprises).toBe(9);
    const stats = JSON.parse((await teia('stats', '--db', db, '--json')).stdout) as Record<string, number>;
    expect(stats.enterprises).toBe(18);
  });

  it('maps columns of a generic CSV with --map, and exports other formats by extension', async () => {
    fs.writeFileSync(file('list.csv'), 'Nome,Cidade,Latitude,Longitude\nCoop Um,Recife,-8.05,-34.9\nCoop Dois,Natal,-5.79,-35.21\n');
    const r = await teia('import', file('list.csv'), '--db', db, '--format', 'csv', '--map', 'name=Nome,locality=Cidade,lat=Latitude,lon=Longitude', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ImportReport;
    expect(report.written.enterprises).toBe(2);
    for (const [ext, start] of [['gexf', /^<\?xml/], ['graphml', /^<\?xml/], ['geojson', /^\{/]] as const) {
      const e = await teia('export', file(`net.${ext}`), '--db', db);
      expect(e.code).toBe(0);
      expect(fs.readFileSync(file(`net.${ext}`), 'utf8')).toMatch(start);
    }
  });
});
