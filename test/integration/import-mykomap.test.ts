import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { ImportReport } from '../../shared/contract/import.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';
import { teia } from '../helpers/cli.ts';
import { httpCore, testCore } from '../helpers/core.ts';

/** Issue 11: a Mykomap dataset (config.json and its items) imports, labels from its vocabularies. */
const dataset = path.join(repoRoot, 'test', 'fixtures', 'mykomap-powys');

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = path.join(tmp.dir, 'teia.db');
});
afterEach(() => tmp.cleanup());

function zipOf(dir: string): Buffer {
  const entries: Record<string, Uint8Array> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) entries[`powys/${rel.split(path.sep).join('/')}`] = fs.readFileSync(full);
  }
  return Buffer.from(zipSync(entries));
}

describe('Mykomap datasets', () => {
  it('imports the folder: fields, ESSGLOBAL codes, other vocabularies as labels, the item without a name rejected', async () => {
    const r = await teia('import', dataset, '--db', db, '--json', '--solidarity', 'column:organisational_structure');
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as ImportReport;
    expect(report.format).toBe('mykomap');
    expect([report.rowsRead, report.accepted]).toEqual([6, 5]);
    expect(report.rejected).toEqual([{ line: 5, record: 'powys.pfn.0005', reason: 'It has no name.', key: 'row-no-name' }]);
    expect(report.solidarity).toEqual({ yes: 3, no: 1, unknown: 1, stated: 0 });
    const raw = new Database(db, { readonly: true });
    try {
      const rows = raw.prepare('SELECT id, name, organisational_structure AS os, country, street, website, lat, lon, solidarity, classified, extra FROM enterprises ORDER BY position').all() as Record<string, unknown>[];
      expect(rows.map((e) => [e.id, e.os, e.solidarity, e.classified])).toEqual([
        ['powys.pfn.0001', 'OS80', 1, 1],
        ['powys.pfn.0002', 'OS90', 1, 1],
        ['powys.pfn.0003', 'OS50', 0, 1],
        ['powys.pfn.0004', 'OS60', 1, 1],
        ['powys.pfn.0006', null, 0, 0],
      ]);
      const [cegin, tyfu] = rows;
      expect(cegin).toMatchObject({ country: 'GB', street: 'Station Crescent, Llandrindod Wells, LD1 5BB', website: 'https://cegin.example.cymru', lat: 52.2415, lon: -3.3794 });
      // The postcode centroid stands in when the exact position is missing.
      expect(tyfu).toMatchObject({ lat: 52.5903, lon: -3.8521 });
      expect(JSON.parse(tyfu.extra as string)).toMatchObject({ typology: 'Producers', data_sources: 'Powys Food Network; Co-operatives UK', website: ['https://tyfu.example.cymru', 'https://shop.tyfu.example.cymru'] });
      const activities = raw.prepare('SELECT enterprise_id, code FROM enterprise_activities ORDER BY enterprise_id').raw().all();
      expect(activities).toEqual([['powys.pfn.0001', 'ICA140'], ['powys.pfn.0002', 'ICA10'], ['powys.pfn.0003', 'ICA140'], ['powys.pfn.0004', 'ICA10'], ['powys.pfn.0006', 'ICA10']]);
    } finally {
      raw.close();
    }
  });

  it('is detected from a zip uploaded to the Import screen, its folder inside', async () => {
    const t = testCore({ sample: false });
    const { server, invoke } = await httpCore(t.core);
    try {
      const res = (await invoke('import-preview', { fileName: 'powys.zip', contentBase64: zipOf(dataset).toString('base64') })) as { ok: true; value: { format: string; report: ImportReport } };
      expect(res.value.format).toBe('mykomap');
      expect(res.value.report.accepted).toBe(5);
      const notZip = (await invoke('import-preview', { fileName: 'x.zip', contentBase64: Buffer.from(zipSync({ 'readme.txt': new TextEncoder().encode('hi') })).toString('base64'), format: 'mykomap' })) as { ok: false; error: { message: string } };
      expect(notZip.error.message).toBe('This zip has no config.json, so it is not a Mykomap dataset.');
    } finally {
      await server.close();
      t.close();
    }
  });
});
