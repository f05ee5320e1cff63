import type { Db } from '../db/open.ts';
import type { DirectoryFilters } from '../../../shared/contract/directory.ts';
import { filterWhere } from './query.ts';

/**
 * Every matching enterprise with coordinates, as parallel arrays: at 100,000 points an array
 * of objects would repeat each key 100,000 times in the JSON.
 */
export function mapPoints(db: Db, filters: DirectoryFilters) {
  const where = filterWhere(filters);
  const located = `e.lat IS NOT NULL AND e.lon IS NOT NULL`;
  const and = (cond: string) => (where.sql ? `${where.sql} AND ${cond}` : `WHERE ${cond}`);
  const rows = db
    .prepare(`SELECT e.id, e.name, e.solidarity, e.lat, e.lon FROM enterprises e ${and(located)} ORDER BY e.position`)
    .raw()
    .all(...where.params) as [string, string, number, number, number][];
  const withoutCoordinates = db
    .prepare(`SELECT count(*) FROM enterprises e ${and(`NOT (${located})`)}`)
    .pluck()
    .get(...where.params) as number;
  const out = { ids: [] as string[], names: [] as string[], solidarity: [] as number[], lat: [] as number[], lon: [] as number[], withoutCoordinates };
  for (const [id, name, solidarity, lat, lon] of rows) {
    out.ids.push(id);
    out.names.push(name);
    out.solidarity.push(solidarity);
    // Six decimals is ~10 cm: enough for a map, and a third of the JSON of full doubles.
    out.lat.push(Math.round(lat * 1e6) / 1e6);
    out.lon.push(Math.round(lon * 1e6) / 1e6);
  }
  return out;
}
