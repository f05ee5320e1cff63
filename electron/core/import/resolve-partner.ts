import type { Db } from '../db/open.ts';

/**
 * Finds the enterprise a supplier/buyer cell names. This is the one place partner names are
 * resolved; it answers from ids, source ids and an exact comparison of names once accents,
 * case, punctuation and legal suffixes (Ltda, S.A., Coop…) are set aside (nameKey
 * below). Fuzzy matching belongs to the record matcher (electron/core/match/, issue 11);
 * when it lands, `resolvePartner` asks it instead, and nothing else changes.
 */
export interface PartnerCandidate {
  id: string;
  name: string;
  sourceId: string | null;
  locality: string | null;
  region: string | null;
  country: string | null;
  /** True for an enterprise of the file being imported (not yet in the catalogue). */
  inFile: boolean;
}

export type PartnerMatch =
  | { status: 'same'; id: string; reasons: string[] }
  | { status: 'review'; candidates: PartnerCandidate[]; reasons: string[] }
  | { status: 'new' };

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

const placeKey = (s: string | null | undefined) => (s ? nameKey(s) : '');

export class PartnerIndex {
  private readonly byId = new Map<string, PartnerCandidate>();
  private readonly bySourceId = new Map<string, PartnerCandidate>();
  private readonly byName = new Map<string, PartnerCandidate[]>();

  static fromCatalogue(db: Db): PartnerIndex {
    const index = new PartnerIndex();
    const rows = db.prepare('SELECT id, name, source_id AS sourceId, locality, region, country FROM enterprises').all() as Omit<PartnerCandidate, 'inFile'>[];
    for (const r of rows) index.add({ ...r, inFile: false });
    return index;
  }

  add(c: PartnerCandidate): void {
    // The file's own records come after the catalogue's and win on the same id.
    this.byId.set(c.id, c);
    if (c.sourceId && !this.bySourceId.has(c.sourceId)) this.bySourceId.set(c.sourceId, c);
    const key = nameKey(c.name);
    const list = this.byName.get(key);
    if (list) list.push(c);
    else this.byName.set(key, [c]);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): PartnerCandidate | undefined {
    return this.byId.get(id);
  }

  /** By id, then source id, then name (with the place, where given, to pick among namesakes). */
  resolvePartner(text: string, place?: string): PartnerMatch {
    const byId = this.byId.get(text);
    if (byId) return { status: 'same', id: byId.id, reasons: ['same id'] };
    const bySource = this.bySourceId.get(text);
    if (bySource) return { status: 'same', id: bySource.id, reasons: ['same source id'] };
    const all = this.byName.get(nameKey(text));
    if (!all?.length) return { status: 'new' };
    // One record of the same name in the file itself is the one meant (the sheet's own list).
    const inFile = all.filter((c) => c.inFile);
    const candidates = inFile.length === 1 ? inFile : all;
    if (candidates.length === 1) return { status: 'same', id: candidates[0].id, reasons: ['same name'] };
    if (place) {
      const p = placeKey(place);
      const here = candidates.filter((c) => [c.locality, c.region, c.country].some((x) => placeKey(x) === p));
      if (here.length === 1) return { status: 'same', id: here[0].id, reasons: ['same name', 'same place'] };
    }
    return { status: 'review', candidates: candidates.slice(0, 10), reasons: [`${candidates.length} enterprises have this name`] };
  }
}
