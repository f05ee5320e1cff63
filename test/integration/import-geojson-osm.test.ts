import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { ImportReport } from '../../shared/contract/import.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';
import { teia } from '../helpers/cli.ts';
import { httpCore, testCore } from '../helpers/core.ts';

/**
 * Issue 11: GeoJSON from OpenStreetMap keeps its addresses and contacts (`addr:*`,
 * `contact:*`), and takes a column mapping like CSV. The fixture has the shape of an
 * Overpass export (420 places, many sharing a name).
 */
const fixture = path.join(repoRoot, 'test', 'fixtures', 'formats', 'osm-solidarity-places.geojson');
type Feature = { id: string; properties: Record<string, string> };
const features = (JSON.parse(fs.readFileSync(fixture, 'utf8')) as { features: Feature[] }).features;

let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = path.join(tmp.dir, 'teia.db');
});
afterEach(() => tmp.cleanup());

function stored() {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT id, name, description, street, locality, region, postcode, country, email, phone, website, extra FROM enterprises').all() as Record<string, string | null>[];
  } finally {
    raw.close();
  }
}

describe('OSM-style GeoJSON', () => {
  it('keeps towns, streets with house numbers, postcodes, countries, e-mails, phones and websites', async () => {
    const r = await teia('import', fixture, '--db', db, '--json', '--solidarity', 'unknown', '--on-duplicate', 'keep-both');
    const report = JSON.parse(r.stdout) as ImportReport;
    expect(report.accepted).toBe(features.length);
    const byId = new Map(stored().map((e) => [e.id, e]));
    expect(byId.size).toBe(features.length);
    let emails = 0;
    let towns = 0;
    for (const f of features) {
      const p = f.properties;
      const e = byId.get(f.id)!;
      expect(e.name).toBe(p.name);
      expect(e.locality).toBe(p['addr:city'] ?? p['addr:town'] ?? null);
      expect(e.street).toBe(p['addr:street'] ? [p['addr:street'], p['addr:housenumber']].filter(Boolean).join(' ') : null);
      expect(e.postcode).toBe(p['addr:postcode'] ?? null);
      expect(e.region).toBe(p['addr:state'] ?? null);
      expect(e.country).toBe(p['addr:country'] ?? null);
      expect(e.email).toBe(p['contact:email'] ?? p.email ?? null);
      expect(e.phone).toBe(p['contact:phone'] ?? p.phone ?? null);
      expect(e.website).toBe(p['contact:website'] ?? p.website ?? null);
      const extra = JSON.parse(e.extra ?? '{}') as Record<string, unknown>;
      // Tags with no field are kept, the ones read into fields are not repeated.
      if (p.opening_hours) expect(extra.opening_hours).toBe(p.opening_hours);
      expect(extra['addr:city']).toBeUndefined();
      expect(extra['addr:housenumber']).toBeUndefined();
      if (e.email) emails++;
      if (e.locality) towns++;
    }
    // Not vacuous: the fixture has hundreds of both.
    expect(emails).toBeGreaterThan(200);
    expect(towns).toBeGreaterThan(380);
  });

  it('takes a mapping (--map) before the defaults', async () => {
    const r = await teia('import', fixture, '--db', db, '--json', '--solidarity', 'no', '--map', 'description=opening_hours,region=organic,street=addr:street,name=name');
    expect((JSON.parse(r.stdout) as ImportReport).accepted).toBe(features.length);
    const byId = new Map(stored().map((e) => [e.id, e]));
    const withHours = features.filter((f) => f.properties.opening_hours);
    expect(withHours.length).toBeGreaterThan(50);
    for (const f of withHours) expect(byId.get(f.id)!.description).toBe(f.properties.opening_hours);
    for (const f of features.filter((x) => x.properties.organic)) expect(byId.get(f.id)!.region).toBe(f.properties.organic);
    // A mapped addr:street keeps its house number, as the default does.
    const numbered = features.find((f) => f.properties['addr:housenumber'])!;
    expect(byId.get(numbered.id)!.street).toBe(`${numbered.properties['addr:street']} ${numbered.properties['addr:housenumber']}`);
  });

  it('gives the Import screen a table of its properties to map', async () => {
    const t = testCore({ sample: false });
    const { server, invoke } = await httpCore(t.core);
    try {
      const res = (await invoke('import-preview', { fileName: 'places.geojson', contentBase64: fs.readFileSync(fixture).toString('base64') })) as {
        ok: true;
        value: { format: string; table: { headers: string[]; rows: string[][] } };
      };
      expect(res.value.format).toBe('geojson');
      expect(res.value.table.headers).toEqual(expect.arrayContaining(['name', 'addr:city', 'contact:email', 'addr:housenumber']));
      expect(res.value.table.rows.length).toBe(10);
      expect(res.value.table.rows[0][res.value.table.headers.indexOf('name')]).toBe(features[0].properties.name);
    } finally {
      await server.close();
      t.close();
    }
  });
});
