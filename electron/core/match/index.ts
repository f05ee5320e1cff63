/**
 * The one matcher (record linkage, as Open Supply Hub does it): which records are the same
 * enterprise. Blocking first (match-index.ts: an inverted index of name words, their
 * prefixes and suffixes, acronyms and identifiers), then a scored comparison of the few
 * candidates (compare.ts): names without legal-form words (legal-forms.ts) by fuzzball's
 * token-sort, token-set and word ratios, the acronym as its own field, town, postcode,
 * country and distance, and phone, e-mail, website and registry numbers as strong evidence.
 *
 * Every comparison gives a score 0–1, a decision and its reasons:
 *   score ≥ SAME_AT (0.87)   'same'   — merged without asking;
 *   score ≥ REVIEW_AT (0.7)  'review' — a person decides on the review card;
 *   below                    'new'.
 * (Open Supply Hub: automatic above 0.8, the contributor decides 0.5–0.8. Our scale is not
 * theirs: it weighs the rare words of a name, and caps pairs where a word was replaced or
 * most of the longer name was added. On the hand-labelled Open Supply Hub pairs of
 * bench/matcher.ts, names and countries only, 0.87 gave no wrong automatic merge (22 of 25
 * duplicates merged, 23 surfaced); lower, insertions of a site name ("Semarang - Demak")
 * were merged. The review band starts at 0.7 because below it the set held no duplicate.)
 *
 * Used by every import (apply.ts: within the file and against the catalogue), by
 * `teia dedupe` (one file alone) and by flow-sheet imports to resolve partner names
 * (resolvePartner below).
 */
import type { Db } from '../db/open.ts';
import type { Evidence, MatchDecision } from '../../../shared/domain/match.ts';
import { catalogueIndex } from './catalogue.ts';
import { MatchIndex } from './match-index.ts';
import type { MatchRecord } from './types.ts';

export { MatchIndex } from './match-index.ts';
export { compare, decide, SAME_AT, REVIEW_AT } from './compare.ts';
export { prepare, foldText, nameTokens } from './normalise.ts';
export { catalogueIndex, catalogueRecords, registryOf } from './catalogue.ts';
export { aliasOf, matchRecordOf } from './from-enterprise.ts';
export type { MatchRecord, Match, Comparison } from './types.ts';
export type { Evidence, MatchDecision } from '../../../shared/domain/match.ts';
export { evidenceText } from '../../../shared/domain/match.ts';

/** One pair of records of a list that the matcher would merge or send to review. */
export interface ListPair {
  a: MatchRecord;
  b: MatchRecord;
  score: number;
  decision: Exclude<MatchDecision, 'new'>;
  evidence: Evidence[];
}

/**
 * Every pair of records in one list (a file) that are the same or worth a look, each pair
 * once, `a` the earlier record. Blocking as for imports: each record is compared with the
 * earlier records sharing its rare keys.
 */
export function pairsWithin(records: readonly MatchRecord[]): ListPair[] {
  const index = new MatchIndex();
  const pairs: ListPair[] = [];
  for (const r of records) {
    for (const m of index.find(r)) {
      if (m.decision === 'new') continue;
      pairs.push({ a: m.other, b: r, score: m.score, decision: m.decision, evidence: m.evidence });
    }
    index.add(r);
  }
  return pairs;
}

/** A partner named in a supply sheet: its name cell, and where it is when the sheet says. */
export interface PartnerQuery {
  name: string;
  locality?: string | null;
  country?: string | null;
  postcode?: string | null;
}

export interface PartnerResolution {
  /** 'same': one enterprise, `ids[0]`; 'review': the candidates, best first, for a person; 'new': none. */
  decision: MatchDecision;
  ids: string[];
  /** The best candidate's score (0 when there is none). */
  score: number;
  /** The reasons for the best candidate's score. */
  evidence: Evidence[];
  /** Set when several enterprises are sure matches (namesakes): `ids` are those, for a person to choose. */
  namesakes?: true;
}

/**
 * Resolves one partner name cell ("MOINHO DE TRIGO PAULISTA S.A.", with a town or country
 * when the sheet has them) against an index of the catalogue. Build the index once per
 * sheet with `partnerResolver(db)` (or `catalogueIndex(db)`) and call this per cell: 100,000
 * cells against 100,000 enterprises is then a few dozen comparisons per cell.
 */
export function resolvePartner(index: MatchIndex, query: PartnerQuery): PartnerResolution {
  const matches = index.find({ key: '\u0000partner', name: query.name, locality: query.locality, country: query.country, postcode: query.postcode });
  const best = matches[0];
  if (!best) return { decision: 'new', ids: [], score: 0, evidence: [] };
  // Two enterprises the name fits (a shop in two towns, a name two places use): which one the
  // sheet means is a person's decision, never the matcher's pick of the slightly higher score.
  const sure = matches.filter((m) => m.decision === 'same');
  if (sure.length > 1) return { decision: 'review', ids: sure.slice(0, 10).map((m) => m.other.key), score: best.score, evidence: best.evidence, namesakes: true };
  const ids = best.decision === 'same' ? [best.other.key] : matches.filter((m) => m.decision !== 'new').slice(0, 5).map((m) => m.other.key);
  return { decision: best.decision, ids, score: best.score, evidence: best.evidence };
}

/** `resolvePartner` bound to one catalogue index, built now. */
export function partnerResolver(db: Db): (query: PartnerQuery) => PartnerResolution {
  const index = catalogueIndex(db);
  return (query) => resolvePartner(index, query);
}
