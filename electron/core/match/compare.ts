import * as fuzz from 'fuzzball';
import type { Evidence } from '../../../shared/domain/match.ts';
import { haversineKm } from '../../../shared/engine/geo.ts';
import { nameLikeness, type Weigh } from './names.ts';
import type { Prepared } from './normalise.ts';
import type { Comparison, MatchDecision } from './types.ts';

/**
 * The scored comparison of two prepared records. The name gives the base score; the other
 * fields move it up or down, and a few facts cap it (different countries, different
 * acronyms, different registry numbers, different unit numbers: two records can share a long
 * name and still be two enterprises). Same phone, e-mail, website or registry number is
 * strong evidence: with a name at least half alike, the records are taken as one.
 *
 * Thresholds, on the same 0–1 scale as Open Supply Hub's (automatic above 0.8, a person
 * decides from 0.5): ours are SAME_AT and REVIEW_AT, set on the labelled pairs of
 * bench/matcher.ts so that automatic merges stay right at least 95 % of the time on names
 * alone (see index.ts and the bench output for what they give).
 */
export const SAME_AT = 0.87;
export const REVIEW_AT = 0.7;

export function decide(score: number): MatchDecision {
  return score >= SAME_AT ? 'same' : score >= REVIEW_AT ? 'review' : 'new';
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * How many records of the index carry an identifier (e.g. "d:pitchero.com"): a website,
 * e-mail or phone that several records share (a federation's site, a sports clubs' host, a
 * housing co-ops' secretariat) tells nothing about which one a record is.
 */
export type Sharing = (key: string) => number;

export function compare(a: Prepared, b: Prepared, weigh: Weigh, sharing: Sharing = () => 1): Comparison {
  const evidence: Evidence[] = [];
  const ra = a.record;
  const rb = b.record;

  // Ids are decisive when they are real ids (given by the file or the source directory).
  if (ra.givenId && ra.givenId === rb.givenId) return done(1, [{ kind: 'id', verdict: 'same', a: ra.givenId }]);
  if (ra.sourceId && ra.sourceId === rb.sourceId) return done(1, [{ kind: 'source-id', verdict: 'same', a: ra.sourceId }]);

  const name = nameLikeness(a, b, weigh);
  let nameScore = name.score;
  // A record named by the other's acronym ("COOPAVI" and "Cooperativa dos Avicultores, COOPAVI").
  const nickA = a.nickname;
  const nickB = b.nickname;
  const compact = (p: Prepared) => p.tokens.join('');
  const byAcronym = Boolean((nickA && nickA === compact(b)) || (nickB && nickB === compact(a)));
  if (byAcronym) nameScore = Math.max(nameScore, 0.9);
  let score = nameScore;
  evidence.push({ kind: 'name', verdict: nameScore >= 0.999 ? 'same' : nameScore >= REVIEW_AT ? 'similar' : 'different', value: round(nameScore), a: ra.name, b: rb.name });

  let cap = 1;
  if (nickA && nickB) {
    if (nickA === nickB) {
      score += 0.1;
      evidence.push({ kind: 'nickname', verdict: 'same', a: ra.nickname ?? nickA, b: rb.nickname ?? nickB });
    } else if (fuzz.ratio(nickA, nickB, { full_process: false }) < 80) {
      cap = Math.min(cap, 0.35);
      evidence.push({ kind: 'nickname', verdict: 'different', a: ra.nickname ?? nickA, b: rb.nickname ?? nickB });
    }
  }
  if (a.numberKey !== b.numberKey) {
    // Different unit numbers are different sites; a number on one side only may be a unit of the other.
    if (a.numbers.length && b.numbers.length) cap = Math.min(cap, 0.45);
    else score -= 0.1;
    evidence.push({ kind: 'numbers', verdict: 'different', a: a.numberKey || '–', b: b.numberKey || '–' });
  }
  if (a.country && b.country) {
    if (a.country !== b.country) {
      cap = Math.min(cap, 0.2);
      evidence.push({ kind: 'country', verdict: 'different', a: ra.country ?? a.country, b: rb.country ?? b.country });
    } else evidence.push({ kind: 'country', verdict: 'same', a: a.country });
  }
  if (a.town && b.town) {
    if (a.town === b.town || fuzz.token_set_ratio(a.town, b.town, { full_process: false }) >= 90) {
      score += 0.05;
      evidence.push({ kind: 'town', verdict: 'same', a: ra.locality ?? a.town, b: rb.locality ?? b.town });
    } else {
      score -= 0.15;
      evidence.push({ kind: 'town', verdict: 'different', a: ra.locality ?? a.town, b: rb.locality ?? b.town });
    }
  }
  if (a.postcode && b.postcode) {
    const same = a.postcode === b.postcode;
    score += same ? 0.05 : -0.05;
    evidence.push({ kind: 'postcode', verdict: same ? 'same' : 'different', a: ra.postcode ?? a.postcode, b: rb.postcode ?? b.postcode });
  }
  if (ra.lat != null && ra.lon != null && rb.lat != null && rb.lon != null) {
    const km = haversineKm(ra.lat, ra.lon, rb.lat, rb.lon);
    score += km < 0.5 ? 0.08 : km < 2 ? 0.04 : km > 100 ? -0.25 : km > 25 ? -0.1 : 0;
    evidence.push({ kind: 'distance', verdict: km < 2 ? 'same' : km > 25 ? 'different' : 'similar', value: round(km) });
  }

  // Strong evidence: identifiers two different enterprises rarely share.
  let strong = 0;
  const prefix = { phone: 't', email: 'e', website: 'd', registry: 'r' } as const;
  const exact = (kind: 'phone' | 'email' | 'website' | 'registry', x: string | null, y: string | null, shownA?: string | null, shownB?: string | null) => {
    if (!x || !y) return;
    if (x === y) {
      if (kind !== 'registry' && sharing(`${prefix[kind]}:${x}`) > 1) return;
      strong++;
      evidence.push({ kind, verdict: 'same', a: shownA ?? x });
    } else if (kind === 'registry') {
      cap = Math.min(cap, 0.3);
      evidence.push({ kind, verdict: 'different', a: shownA ?? x, b: shownB ?? y });
    }
  };
  exact('registry', a.registry, b.registry, ra.registry, rb.registry);
  exact('email', a.email, b.email, ra.email, rb.email);
  exact('phone', a.phone, b.phone, ra.phone, rb.phone);
  exact('website', a.domain, b.domain, a.domain, b.domain);
  // One record's website is the other's e-mail domain.
  if (!(a.domain && b.domain)) {
    const cross = (a.domain && a.domain === b.mailDomain) || (b.domain && b.domain === a.mailDomain) ? (a.domain ?? b.domain) : null;
    if (cross && sharing(`d:${cross}`) <= 1) {
      strong++;
      evidence.push({ kind: 'website', verdict: 'same', a: cross });
    }
  }
  if (strong) {
    score += 0.15 * strong;
    // Enough with a name half alike, unless the two are in different places.
    const apart = evidence.some((e) => (e.kind === 'town' || e.kind === 'distance') && e.verdict === 'different');
    if (nameScore >= 0.6 && !apart) score = Math.max(score, 0.9);
  } else if (nameScore < 0.999 && !byAcronym) {
    // A word replaced by another: a person decides, whatever the town says; and when the
    // names share little of what is distinctive (a word replaced in a short name, or more
    // than half of the longer name added: "Loughton Club" / "Loughton Royal British Legion
    // Club"), they are two enterprises that share a town and a trade.
    if (name.replaced) cap = Math.min(cap, nameScore < 0.8 ? REVIEW_AT - 0.01 : SAME_AT - 0.01);
    if (name.large < 0.5) cap = Math.min(cap, REVIEW_AT - 0.01);
  }
  return done(Math.max(0, Math.min(score, cap, 1)), evidence);
}

function done(score: number, evidence: Evidence[]): Comparison {
  return { score: round(score), decision: decide(score), evidence };
}
