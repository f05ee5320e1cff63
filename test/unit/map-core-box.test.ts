import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corePoints } from '../../renderer/src/features/map/core-box.ts';
import { repoRoot } from '../helpers/tmp.ts';

/** The first map view fits where most enterprises are (issue 15), not a far-away one. */
describe('the map’s first fit', () => {
  it('on the sample: leaves out only the enterprise in Paraíba, 2,000 km from the São Paulo network', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'sample', 'sample-catalogue.json'), 'utf8')) as { enterprises: { id: string; lat?: number; lon?: number }[] };
    const placed = pkg.enterprises.filter((e) => typeof e.lat === 'number' && typeof e.lon === 'number');
    const keep = new Set(corePoints(placed.map((e) => e.lon!), placed.map((e) => e.lat!)));
    expect(placed.filter((_, i) => !keep.has(i)).map((e) => e.id)).toEqual(['algodao-sertao']);
  });

  it('keeps every point when none is far, or when there are too few to say which are', () => {
    const lons = Array.from({ length: 30 }, (_, i) => -46.6 + (i % 6) * 0.4);
    const lats = Array.from({ length: 30 }, (_, i) => -23.5 + Math.floor(i / 6) * 0.3);
    expect(corePoints(lons, lats)).toHaveLength(30);
    expect(corePoints([-46.6, -46.5, 10, -46.7], [-23.5, -23.6, 50, -23.4])).toHaveLength(4);
    expect(corePoints([], [])).toEqual([]);
  });

  it('leaves out points far away in any direction, and keeps a town’s enterprises all in view', () => {
    const lons = [...Array.from({ length: 40 }, (_, i) => 2.35 + (i % 8) * 0.001), -74, 151.2];
    const lats = [...Array.from({ length: 40 }, (_, i) => 48.85 + Math.floor(i / 8) * 0.001), 40.7, -33.9];
    const keep = corePoints(lons, lats);
    expect(keep).toHaveLength(40);
    expect(keep).not.toContain(40);
    expect(keep).not.toContain(41);
  });
});
