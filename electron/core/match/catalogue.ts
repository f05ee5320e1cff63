import type { Db } from '../db/open.ts';
import type { MatchRecord } from './types.ts';
import { MatchIndex } from './match-index.ts';

/** Extra attributes that hold a registry number (Companies House, CNPJ, SIREN/SIRET, NIF, RUC…). */
export const REGISTRY_KEY = /companies ?house|registr|cnpj|cpf|siren|siret|\bnif\b|\bruc\b|\brut\b|\bcuit\b|\bvat\b|charity ?number/i;

export function registryOf(extra: Record<string, unknown> | null | undefined): string | null {
  if (!extra) return null;
  for (const [k, v] of Object.entries(extra)) if (REGISTRY_KEY.test(k) && (typeof v === 'string' || typeof v === 'number') && String(v).trim()) return String(v).trim();
  return null;
}

interface Row {
  id: string;
  name: string;
  nickname: string | null;
  locality: string | null;
  postcode: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  sourceId: string | null;
  extra: string | null;
}

/** The catalogue's enterprises as match records: ids in the catalogue are real ids. */
export function catalogueRecords(db: Db): MatchRecord[] {
  const rows = db
    .prepare('SELECT id, name, nickname, locality, postcode, country, lat, lon, phone, email, website, source_id AS sourceId, extra FROM enterprises ORDER BY rowid')
    .all() as Row[];
  return rows.map((r) => ({
    key: r.id,
    givenId: r.id,
    name: r.name,
    nickname: r.nickname,
    locality: r.locality,
    postcode: r.postcode,
    country: r.country,
    lat: r.lat,
    lon: r.lon,
    phone: r.phone,
    email: r.email,
    website: r.website,
    sourceId: r.sourceId,
    registry: r.extra && REGISTRY_KEY.test(r.extra) ? registryOf(JSON.parse(r.extra) as Record<string, unknown>) : null,
  }));
}

/** The blocking index of the catalogue as it is now; build it once, query it many times. */
export function catalogueIndex(db: Db): MatchIndex {
  const index = new MatchIndex();
  for (const r of catalogueRecords(db)) index.add(r);
  return index;
}
