import type { Db } from '../db/open.ts';
import type { Enterprise } from '../../../shared/domain/package.ts';

/**
 * Finding an incoming enterprise already in the catalogue: same id, same id in its source, or
 * the same name (normalised) either within about a kilometre or at the same postcode. The
 * catalogue is indexed once per import (id, source id, name key → candidates), so matching a
 * file of 100,000 records is a map lookup per record, not a scan.
 */
export const nearbyKm = 1;

/** Legal-form words that say nothing about which enterprise it is ("Recicla Coop Ltd" = "Recicla"). */
const legalSuffixes = new Set([
  'ltd', 'limited', 'llp', 'plc', 'cic', 'cio', 'inc', 'llc', 'gmbh', 'eg', 'ag', 'sa', 'sas', 'sarl', 'scop', 'scic',
  'ltda', 'eireli', 'me', 'epp', 'coop', 'cooperative', 'cooperativa', 'cooperativo', 'cooperatief', 'society',
  'co', 'company', 'the', 'srl', 'scrl', 'bv', 'nv', 'ev',
]);

/** Name → comparison key: accents, case, punctuation and trailing legal words do not count. */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "co-op", "co-operative", "s.a.", "s/a": join the pieces before splitting on punctuation.
    .replace(/\bco-?op(erative)?\b/g, 'coop$1')
    .replace(/\b([a-z])[./]([a-z])\b\.?/g, '$1$2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && legalSuffixes.has(words[words.length - 1])) words.pop();
  while (words.length > 1 && words[0] === 'the') words.shift();
  return words.join(' ');
}

export function postcodeKey(postcode: string | null | undefined): string | null {
  if (!postcode) return null;
  const key = postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return key || null;
}

/** Great-circle distance in km (the engine's Earth radius, ENGINE.md §2). */
export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = 6371.0088;
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Candidate {
  id: string;
  name: string;
  sourceId: string | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
}

export interface Match {
  existing: Candidate;
  reasons: string[];
}

export class DuplicateIndex {
  private readonly byId = new Map<string, Candidate>();
  private readonly bySourceId = new Map<string, Candidate>();
  private readonly byName = new Map<string, Candidate[]>();

  /** Indexes the catalogue as it is before the import: duplicates are between file and catalogue. */
  static fromCatalogue(db: Db): DuplicateIndex {
    const index = new DuplicateIndex();
    const rows = db.prepare('SELECT id, name, source_id AS sourceId, postcode, lat, lon FROM enterprises').all() as Candidate[];
    for (const c of rows) index.add(c);
    return index;
  }

  add(c: Candidate): void {
    this.byId.set(c.id, c);
    if (c.sourceId) this.bySourceId.set(c.sourceId, c);
    const key = nameKey(c.name);
    const list = this.byName.get(key);
    if (list) list.push(c);
    else this.byName.set(key, [c]);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The best match for an incoming enterprise, or null. Id beats source id beats name. */
  find(e: Enterprise, sourceId?: string): Match | null {
    const sameId = this.byId.get(e.id);
    if (sameId) return { existing: sameId, reasons: ['same id'] };
    if (sourceId) {
      const same = this.bySourceId.get(sourceId);
      if (same) return { existing: same, reasons: ['same source id'] };
    }
    const candidates = this.byName.get(nameKey(e.name));
    if (!candidates) return null;
    const postcode = postcodeKey(e.postcode);
    let best: Match | null = null;
    let bestKm = Infinity;
    for (const c of candidates) {
      if (postcode && postcode === postcodeKey(c.postcode)) return { existing: c, reasons: ['same name', 'same postcode'] };
      if (e.lat !== undefined && e.lon !== undefined && c.lat !== null && c.lon !== null) {
        const km = haversineKm(e.lat, e.lon, c.lat, c.lon);
        if (km <= nearbyKm && km < bestKm) {
          bestKm = km;
          best = { existing: c, reasons: ['same name', `${km.toFixed(2)} km apart`] };
        }
      }
    }
    return best;
  }
}
