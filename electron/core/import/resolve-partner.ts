import type { Db } from '../db/open.ts';
import { catalogueRecords, evidenceText, foldText, MatchIndex, resolvePartner, type Evidence, type MatchRecord } from '../match/index.ts';

/**
 * Finds the enterprise a supplier/buyer cell names. Ids and source ids are looked up as
 * they are; a name goes to the record matcher (electron/core/match/, `resolvePartner`), the
 * same one every import uses for its enterprises, so a name is never judged by two rules:
 * - confident ('same') → that enterprise;
 * - the middle band, or several enterprises it is sure of (namesakes) → the review list,
 *   unless exactly one of the namesakes is the file's own or is at the place the sheet gives;
 * - no candidate → a new enterprise (resolve.ts creates it not yet classified).
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
  | { status: 'review'; candidates: PartnerCandidate[]; reasons: string[]; score: number; evidence: Evidence[] }
  | { status: 'new' };

const placeKey = (s: string | null | undefined) => (s ? foldText(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : '');

export class PartnerIndex {
  private readonly byId = new Map<string, PartnerCandidate>();
  private readonly bySourceId = new Map<string, PartnerCandidate>();
  private readonly names = new MatchIndex();

  static fromCatalogue(db: Db): PartnerIndex {
    const index = new PartnerIndex();
    const regions = new Map(
      (db.prepare('SELECT id, region FROM enterprises WHERE region IS NOT NULL').all() as { id: string; region: string }[]).map((r) => [r.id, r.region]),
    );
    for (const r of catalogueRecords(db)) {
      index.addRecord(r, { id: r.key, name: r.name, sourceId: r.sourceId ?? null, locality: r.locality ?? null, region: regions.get(r.key) ?? null, country: r.country ?? null, inFile: false });
    }
    return index;
  }

  /** An enterprise of the file (or one created for a name): found by id, source id and name. */
  add(c: PartnerCandidate): void {
    this.addRecord({ key: c.id, givenId: c.id, name: c.name, locality: c.locality, country: c.country, sourceId: c.sourceId }, c);
  }

  private addRecord(record: MatchRecord, c: PartnerCandidate): void {
    // The file's own records come after the catalogue's and win on the same id.
    this.byId.set(c.id, c);
    if (c.sourceId && !this.bySourceId.has(c.sourceId)) this.bySourceId.set(c.sourceId, c);
    this.names.add(record);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): PartnerCandidate | undefined {
    return this.byId.get(id);
  }

  /** By id, then source id, then the matcher on the name (with the place, where given). */
  resolvePartner(text: string, place?: string): PartnerMatch {
    const byId = this.byId.get(text);
    if (byId) return { status: 'same', id: byId.id, reasons: ['same id'] };
    const bySource = this.bySourceId.get(text);
    if (bySource) return { status: 'same', id: bySource.id, reasons: ['same source id'] };
    const country = place && /^[a-z]{2}$/i.test(place) ? place.toUpperCase() : null;
    const r = resolvePartner(this.names, { name: text, locality: place && !country ? place : null, country });
    const reasons = r.evidence.map(evidenceText);
    if (r.decision === 'new') return { status: 'new' };
    if (r.decision === 'same') return { status: 'same', id: this.byId.get(r.ids[0])?.id ?? r.ids[0], reasons };
    const candidates = [...new Set(r.ids)].map((id) => this.byId.get(id)).filter((c): c is PartnerCandidate => c !== undefined);
    if (r.namesakes) {
      // One record of that name in the file itself is the one meant (the sheet's own list).
      const inFile = candidates.filter((c) => c.inFile);
      if (inFile.length === 1) return { status: 'same', id: inFile[0].id, reasons: [...reasons, 'in the same file'] };
      if (place) {
        const p = placeKey(place);
        const here = candidates.filter((c) => [c.locality, c.region, c.country].some((x) => placeKey(x) === p));
        if (here.length === 1) return { status: 'same', id: here[0].id, reasons: [...reasons, 'same place'] };
      }
    }
    const why = r.namesakes ? [`${candidates.length} enterprises have this name`, ...reasons] : reasons;
    return { status: 'review', candidates, reasons: why, score: r.score, evidence: r.evidence };
  }
}
