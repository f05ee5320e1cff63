import type { Evidence, MatchDecision } from '../../../shared/domain/match.ts';

export type { Evidence, MatchDecision } from '../../../shared/domain/match.ts';

/** What the matcher reads of a record: an enterprise, a row of a file, a partner named in a flow sheet. */
export interface MatchRecord {
  /** The record's key where it lives: a catalogue id, a file row's id or line. */
  key: string;
  name: string;
  nickname?: string | null;
  locality?: string | null;
  postcode?: string | null;
  country?: string | null;
  lat?: number | null;
  lon?: number | null;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  /** A registry number (Companies House, CNPJ, SIREN…). */
  registry?: string | null;
  /** The id the record has in its source directory, with the source, e.g. "coops-uk:R001". */
  sourceId?: string | null;
  /** An id given by the file (not made from the name): the same one is decisive. */
  givenId?: string | null;
}

export interface Comparison {
  score: number;
  decision: MatchDecision;
  evidence: Evidence[];
}

export interface Match extends Comparison {
  /** The record matched in the index. */
  other: MatchRecord;
}
