import fc from 'fast-check';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index.ts';
import { SSE_CSV_COLUMNS } from '../../electron/core/import/formats/sse-csv.ts';
import { tempDir } from '../helpers/tmp.ts';
import { hostileXlsx } from '../helpers/hostile-xlsx.ts';
import { fingerprintDb } from '../helpers/crash-state.ts';
import { checkImport as check, counts, tableSpec, writeTable, cell, trimTo, type Outcome } from '../helpers/fuzz-import.ts';

/**
 * Bad input: every importer, fed thousands of generated hostile files, either imports or
 * refuses with a row-level reason (or a sentence for the whole file); none crashes, hangs or
 * writes half. One real catalogue file (with the sample) takes every import in turn.
 * `npm run test:stress` runs ten times as many.
 */
const runs = (n: number) => (process.env.TEIA_STRESS === '1' ? n * 10 : n);
const tmp = tempDir('teia-fuzz-');
const core = openCore({ dbPath: path.join(tmp.dir, 'fuzz.db'), host: 'cli', sample: true });
const db = core.ctx.db;
afterAll(() => {
  core.close();
  tmp.cleanup();
});
const baseImport = (db.prepare('SELECT coalesce(max(id), 0) FROM imports').pluck().get() as number);
/** Each run checks one file, then the catalogue is trimmed back towards the sample. */
const checkImport = async (...args: Parameters<typeof check>) => {
  const outcome = await check(...args);
  trimTo(db, baseImport);
  return outcome;
};
const bytes = (s: string) => new Uint8Array(Buffer.from(s));
const seen = new Map<string, Set<Outcome>>();
const note = (k: string, o: Outcome) => (seen.get(k) ?? seen.set(k, new Set()).get(k)!).add(o);

describe('generated hostile files', () => {
  it('delimited text with any headers, quoting, delimiters, line endings, BOM and encoding (csv)', async () => {
    await fc.assert(
      fc.asyncProperty(tableSpec, fc.nat(), async (spec, seed) => {
        note('csv', await checkImport(db, writeTable(spec, seed), { format: 'csv', fileName: 'fuzz.csv' }));
      }),
      { numRuns: runs(300) },
    );
    expect(seen.get('csv')!.size).toBeGreaterThan(1); // the generator reaches both sides
  });

  it('SSE standard CSV with its headers among hostile ones (sse-csv)', async () => {
    const sseHeaders = fc.array(fc.constantFrom(...SSE_CSV_COLUMNS, 'Solidarity', 'Currencies', 'junk', ''), { maxLength: 10 }).map((h) => ['Identifier', 'Name', 'Geo Container', ...h]);
    await fc.assert(
      fc.asyncProperty(tableSpec, sseHeaders, fc.nat(), async (spec, headers, seed) => {
        note('sse', await checkImport(db, writeTable({ ...spec, headers }, seed), { format: 'sse-csv', fileName: 'fuzz.csv' }));
      }),
      { numRuns: runs(200) },
    );
    expect(seen.get('sse')!.has('imported')).toBe(true);
  });

  it('any JSON at all, as a package, GeoJSON, Murmurations, or left to detection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom('package', 'geojson', 'murmurations', undefined), async (doc, format) => {
        await checkImport(db, bytes(JSON.stringify(doc)), { format: format as 'package' | undefined, fileName: 'fuzz.json' });
      }),
      { numRuns: runs(300) },
    );
  });

  it('packages with numbers as strings, negative capacities, colliding ids, taxonomy cycles and dangling references', async () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'armazem', 'food', 'x');
    const num = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -100, max: 100 }), fc.constantFrom('12', '-3', '1e3', 'lots', null));
    const pkg = fc.record({
      format: fc.constantFrom('teia-package', 'teia-package', 'other'),
      version: fc.constantFrom(1, 1, 1, 2, '1'),
      products: fc.array(fc.record({ id: ids, name: fc.oneof(cell, fc.constant('')), parent: fc.option(ids) }, { requiredKeys: ['id'] }), { maxLength: 6 }),
      enterprises: fc.array(
        fc.record({ id: ids, name: cell, solidarity: fc.oneof(fc.boolean(), fc.constantFrom('yes', 1)), lat: num, lon: num, criteria: fc.dictionary(fc.constantFrom('ecological', 'decent_work', 'zzz'), num) }, { requiredKeys: ['id', 'name'] }),
        { maxLength: 6 },
      ),
      offers: fc.array(fc.record({ id: fc.option(ids, { nil: undefined }), enterprise: ids, product: ids, capacity: num, price: num }, { requiredKeys: ['enterprise', 'product'] }), { maxLength: 6 }),
      needs: fc.array(fc.record({ enterprise: ids, product: ids, quantity: num }), { maxLength: 4 }),
      flows: fc.array(fc.record({ id: fc.option(ids, { nil: undefined }), supplier: ids, buyer: ids, product: ids, quantity: num, value: num }, { requiredKeys: ['supplier', 'buyer', 'product', 'quantity'] }), { maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(pkg, async (p) => {
        note('package', await checkImport(db, bytes(JSON.stringify(p)), { format: 'package', fileName: 'fuzz.json' }));
      }),
      { numRuns: runs(250) },
    );
    expect(seen.get('package')!.size).toBe(3);
  });

  it('GeoJSON with invalid coordinates and geometries', async () => {
    const coord = fc.oneof(fc.double(), fc.constantFrom(200, -91, 181, '10', null, Number.MAX_VALUE), fc.integer({ min: -200, max: 200 }));
    const geometry = fc.oneof(
      fc.record({ type: fc.constant('Point'), coordinates: fc.array(coord, { maxLength: 4 }) }),
      fc.record({ type: fc.constantFrom('LineString', 'Polygon', 'Bogus', 'GeometryCollection'), coordinates: fc.array(fc.array(coord, { maxLength: 3 }), { maxLength: 3 }) }),
      fc.constantFrom(null, 'Point', 42, {}),
    );
    const feature = fc.oneof(
      fc.record({ type: fc.constant('Feature'), geometry, properties: fc.option(fc.dictionary(fc.constantFrom('name', 'Name', 'lat', 'capacity', 'id'), cell)), id: fc.option(fc.oneof(fc.string(), fc.integer())) }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(feature, { maxLength: 12 }), async (features) => {
        note('geojson', await checkImport(db, bytes(JSON.stringify({ type: 'FeatureCollection', features })), { format: 'geojson', fileName: 'fuzz.geojson' }));
      }),
      { numRuns: runs(200) },
    );
    expect(seen.get('geojson')!.has('imported')).toBe(true);
  });

  it('random bytes given to every format, and to detection', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('package', 'sse-csv', 'csv', 'xlsx', 'geojson', 'murmurations', undefined), async (b, format) => {
        await checkImport(db, b, { format: format as 'csv' | undefined, fileName: 'fuzz.bin' });
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('the hostile cases the issue names', () => {
  it('hostile XLSX: a zip bomb, external entities and a far-away cell are refused; 100,000 empty rows read safely', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    for (const [name, make] of [['zip bomb', hostileXlsx.zipBomb], ['external entity', hostileXlsx.externalEntity], ['far cell', hostileXlsx.farCell]] as const) {
      const file = await make();
      expect(await checkImport(db, file, { format: 'xlsx', fileName: `${name}.xlsx` }), name).toBe('refused-file');
    }
    const empty = await checkImport(db, await hostileXlsx.emptyRows(), { format: 'xlsx', fileName: 'empty-rows.xlsx' });
    expect(empty).toBe('imported');
    // Read within a memory bound: nothing near the unpacked sizes stays behind.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('10,000 columns', async () => {
    const headers = ['name', ...Array.from({ length: 9_999 }, (_, i) => `c${i}`)];
    const row = ['Cooperativa Larga', ...Array.from({ length: 9_999 }, (_, i) => String(i))];
    const outcome = await checkImport(db, bytes(`${headers.join(',')}\n${row.join(',')}\n`), { format: 'csv', fileName: 'wide.csv' });
    expect(outcome).toBe('imported');
  });

  it('a 5 MB field and an unbalanced quote that runs to the end of the file', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    expect(await checkImport(db, bytes(`name,description\nCooperativa Enorme,${huge}\n`), { format: 'csv', fileName: 'huge.csv' })).not.toBe('refused-file');
    await checkImport(db, bytes('name,locality\n"Cooperativa Aberta,Porto\nOutra,Braga\n'), { format: 'csv', fileName: 'open-quote.csv' });
  });

  it('Latin-1 text, a BOM and mixed line endings read as a person would expect', async () => {
    const latin1 = new Uint8Array(Buffer.from('name;locality\r\nCooperativa Açúcar;São João\nPadaria Pão;Évora\rHorta;Braga\r\n', 'latin1'));
    const before = counts(db).enterprises;
    // `check`, not the trimming wrapper: a trim right after the import would delete what this reads back.
    expect(await check(db, latin1, { format: 'csv', fileName: 'latin1.csv' })).toBe('imported');
    expect(counts(db).enterprises).toBe(before + 3);
    const names = db.prepare('SELECT name FROM enterprises ORDER BY rowid DESC LIMIT 3').pluck().all();
    expect(names).toEqual(expect.arrayContaining(['Cooperativa Açúcar', 'Padaria Pão', 'Horta']));
    const bom = bytes('\uFEFFname,locality\nCom BOM,Porto\n');
    expect(await check(db, bom, { format: 'csv', fileName: 'bom.csv' })).toBe('imported');
    expect(db.prepare("SELECT count(*) FROM enterprises WHERE name = 'Com BOM'").pluck().get()).toBe(1);
  });

  it('a taxonomy cycle, negative capacities, numbers as strings and colliding ids are refused row by row', async () => {
    const before = fingerprintDb(db);
    const pkg = {
      format: 'teia-package',
      version: 1,
      products: [
        { id: 'loop-a', name: 'Loop A', parent: 'loop-b' },
        { id: 'loop-b', name: 'Loop B', parent: 'loop-a' },
      ],
      enterprises: [
        { id: 'dup', name: 'First', solidarity: true },
        { id: 'dup', name: 'Second', solidarity: true },
      ],
      offers: [
        { enterprise: 'dup', product: 'loop-a', capacity: -5 },
        { enterprise: 'dup', product: 'loop-a', capacity: '12' },
      ],
    };
    const r = await core.call('import-preview', { fileName: 'bad.json', contentBase64: Buffer.from(JSON.stringify(pkg)).toString('base64'), format: 'package' });
    const reasons = r.report.rejected.map((x) => `${x.line} ${x.record ?? ''}: ${x.reason}`).join('\n');
    expect(r.report.rejected.length).toBe(5); // both looping products, the second "dup", both offers
    expect(reasons).toMatch(/loop|cycle|circular/i);
    expect(reasons).toMatch(/already used/);
    expect(r.report.accepted + r.report.rejected.length).toBe(r.report.rowsRead);
    expect(fingerprintDb(db)).toEqual(before); // a preview writes nothing
  });
});
