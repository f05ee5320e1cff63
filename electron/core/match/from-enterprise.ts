import type { Enterprise } from '../../../shared/domain/package.ts';
import { registryOf } from './catalogue.ts';
import type { MatchRecord } from './types.ts';

/**
 * An enterprise read from a file as the matcher sees it. Its id counts as evidence only when
 * the file gave it: an id made from the name says nothing the name does not.
 */
export function matchRecordOf(
  e: Enterprise,
  key: string,
  prov: { sourceId?: string | null; idFromName?: boolean; extra?: Record<string, unknown> | null } = {},
): MatchRecord {
  return {
    key,
    givenId: prov.idFromName ? null : e.id,
    sourceId: prov.sourceId ?? null,
    name: e.name,
    nickname: e.nickname ?? null,
    locality: e.locality ?? null,
    postcode: e.postcode ?? null,
    country: e.country ?? null,
    lat: e.lat ?? null,
    lon: e.lon ?? null,
    phone: e.phone ?? null,
    email: e.email ?? null,
    website: e.website ?? null,
    registry: registryOf(prov.extra),
  };
}

/**
 * Another spelling of a record already in an index (an incoming record merged into it): the
 * new name, under the record's key, with the record's fields and the incoming one's where the
 * record had none.
 */
export function aliasOf(record: MatchRecord, spelling: MatchRecord): MatchRecord {
  const out: MatchRecord = { ...record, name: spelling.name, givenId: null, sourceId: null };
  for (const [k, v] of Object.entries(spelling) as [keyof MatchRecord, unknown][]) {
    if (k === 'key' || k === 'name' || k === 'givenId' || k === 'sourceId') continue;
    if ((out[k] === null || out[k] === undefined) && v !== null && v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}
