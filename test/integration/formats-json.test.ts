import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { geojsonParser } from '../../electron/core/import/formats/geojson.ts';
import { murmurationsParser } from '../../electron/core/import/formats/murmurations.ts';
import { detectFormat } from '../../electron/core/import/formats/index.ts';
import { repoRoot } from '../helpers/tmp.ts';

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const profileBytes = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'formats', 'murmurations-profile.json'));

describe('GeoJSON', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [-46.63, -23.55] }, properties: { title: 'Feira Agroecológica', cidade: 'São Paulo', horario: 'sábado' } },
      { type: 'Feature', id: 42, geometry: null, properties: { name: 'Sem lugar', solidarity: false } },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: { name: 'A region' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [10, 50] }, properties: { label: '' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [200, 50] }, properties: { label: 'Off the globe', activities: ['ICA10', 'http://purl.org/essglobal/standard/activities-ica/ICA60'] } },
    ],
  };

  it('makes Point features enterprises and reports what it cannot use', async () => {
    const bytes = json(collection);
    expect(geojsonParser.detect(bytes)).toBe(true);
    expect(detectFormat(bytes, 'map.geojson')).toBe('geojson');
    const parsed = await geojsonParser.parse(bytes, {});
    expect(parsed.rowsRead).toBe(5);
    expect(parsed.enterprises.length + parsed.rejected.length).toBe(5);
    const [feira, semLugar, off] = parsed.enterprises;
    expect(feira.value).toMatchObject({ name: 'Feira Agroecológica', locality: 'São Paulo', lat: -23.55, lon: -46.63, solidarity: false });
    // The file does not say: the per-file decision will (import-solidarity.test.ts).
    expect(feira.solidarityStated).toBeUndefined();
    expect(semLugar.solidarityStated).toBe(true);
    expect(feira.extra).toEqual({ horario: 'sábado' });
    expect(semLugar.value).toMatchObject({ id: '42', name: 'Sem lugar', solidarity: false });
    expect(semLugar.value.lat).toBeUndefined();
    expect(off.value.lat).toBeUndefined();
    expect(off.value.activities).toEqual(['ICA10', 'ICA60']);
    expect(parsed.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'Its geometry is Polygon, not a Point: only places can be enterprises.'],
      [4, 'It has no name.'],
    ]);
    expect(parsed.warnings.join('\n')).toMatch(/no geometry.*line 2/);
    expect(parsed.warnings.join('\n')).toMatch(/out of range.*line 5/);
  });

  it('is not mistaken for Murmurations when its properties carry Murmurations fields', () => {
    const layer = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 1] }, properties: { name: 'N', profile_url: 'https://p.example' } }] };
    expect(detectFormat(json(layer))).toBe('geojson');
  });

  it('reads a single Feature and refuses a document without features', async () => {
    const one = await geojsonParser.parse(json(collection.features[0]), {});
    expect(one.enterprises).toHaveLength(1);
    expect(() => geojsonParser.parse(json({ type: 'Point', coordinates: [0, 1] }), {})).toThrow(/no features/);
    expect(() => geojsonParser.parse(new TextEncoder().encode('{"type": "FeatureCollection", '), {})).toThrow(/not valid JSON/);
  });
});

describe('Murmurations', () => {
  it('reads an organizations_schema profile, keeping fields the package has no place for', async () => {
    expect(murmurationsParser.detect(profileBytes)).toBe(true);
    expect(geojsonParser.detect(profileBytes)).toBe(false);
    expect(detectFormat(profileBytes, 'profile.json')).toBe('murmurations');
    const parsed = await murmurationsParser.parse(profileBytes, {});
    expect(parsed.rowsRead).toBe(1);
    const [e] = parsed.enterprises;
    expect(e.value).toMatchObject({
      id: 'bemviver-example-org',
      name: 'Cooperativa de Consumo Bem Viver',
      description: 'Consumer co-operative buying from family farms.',
      website: 'https://bemviver.example.org',
      country: 'BR',
      lat: -30.0346,
      lon: -51.2177,
      email: 'contato@bemviver.example.org',
      phone: '+55 51 3333-0000',
      street: 'Rua das Flores 10, Porto Alegre, RS, Brasil',
      solidarity: false,
      nickname: 'Bem Viver',
    });
    expect(e.solidarityStated).toBeUndefined();
    expect(e.sourceId).toBe('https://bemviver.example.org');
    expect(e.extra).toMatchObject({
      tags: ['food', 'cooperative', 'agroecology'],
      mission: 'Fair food for all.',
      contact_form: 'https://bemviver.example.org/contato',
      status: 'active',
      linked_schemas: ['organizations_schema-v1.0.0'],
    });
    expect(e.extra?.relationships).toHaveLength(1);
  });

  it('reads an array of profiles, rejecting non-organisations and nameless ones', async () => {
    const profile = JSON.parse(profileBytes.toString('utf8')) as Record<string, unknown>;
    const parsed = await murmurationsParser.parse(
      json([
        profile,
        { linked_schemas: ['people_schema-v0.1.0'], name: 'A Person' },
        { linked_schemas: ['organizations_schema-v1.0.0'], primary_url: 'https://noname.example.org' },
        { linked_schemas: ['organizations_schema-v1.0.0'], nickname: 'Only Nick' },
      ]),
      {},
    );
    expect(parsed.rowsRead).toBe(4);
    expect(parsed.enterprises.map((e) => [e.line, e.value.name])).toEqual([
      [1, 'Cooperativa de Consumo Bem Viver'],
      [4, 'Only Nick'],
    ]);
    expect(parsed.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(parsed.rejected[0].reason).toMatch(/people_schema.*not an organisation/);
    expect(parsed.rejected[1].reason).toBe('It has no name.');
  });

  it('reads an index page {data: [...]} with top-level coordinates and skips deleted nodes', async () => {
    const page = {
      data: [
        { profile_url: 'https://x.example/p/1.json', primary_url: 'x.example', name: 'Node One', tags: ['coop'], locality: 'Lisboa', country: 'PT', latitude: 38.72, longitude: -9.14, last_updated: 1700000000 },
        { profile_url: 'https://x.example/p/2.json', name: 'Gone', status: 'deleted' },
      ],
      meta: { number_of_results: 2 },
    };
    const bytes = json(page);
    expect(murmurationsParser.detect(bytes)).toBe(true);
    const parsed = await murmurationsParser.parse(bytes, {});
    expect(parsed.enterprises[0].value).toMatchObject({ name: 'Node One', locality: 'Lisboa', country: 'PT', lat: 38.72, lon: -9.14 });
    expect(parsed.enterprises[0].sourceId).toBe('https://x.example/p/1.json');
    expect(parsed.rejected).toEqual([{ line: 2, record: 'Gone', reason: 'It is marked as deleted in the Murmurations index.' }]);
  });
});
