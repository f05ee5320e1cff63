import type { Db } from '../db/open.ts';
import type { EnterpriseHit, MatchKind, Near, ProductHit } from '../../../shared/contract/search.ts';
import { asTerms, tokenize, type Term } from './normalize.ts';
import { stmt } from './statements.ts';
import { enterpriseCandidates, offeringAny, productsByText, type EnterpriseCandidate } from './candidates.ts';
import { fuzzyFilter } from './fuzzy.ts';
import { compareRanked, matchOrder, nameMatch, type Ranked } from './rank.ts';
import { distanceOrNull } from './geo.ts';
import { localName, productPath, withDescendants } from './taxonomy.ts';
import { acceptedCurrencies, enterpriseDetails, offersOf } from './details.ts';
import { acceptancesOf, acceptingFor } from './acceptance.ts';
import { corrections, isKnownPrefix } from './vocabulary.ts';

export interface SearchInput {
  q: string;
  near?: Near;
  limit: number;
  lang?: string;
  currency?: string;
}

export interface SearchOutput {
  enterprises: EnterpriseHit[];
  products: ProductHit[];
  tookMs: number;
}

/** Rows per index query (up to nine queries: 3 kinds of match × all / solidarity / near). */
const PER_QUERY = 40;
const PRODUCT_POOL = 50;
/** Products whose narrower products count as matches too (a prefix like "c" matches many). */
const EXPAND_PRODUCTS = 20;
const MAX_PRODUCT_HITS = 10;
/** Fewer matches than this as typed, and the search also tries typo corrections. */
const FEW = 3;

interface ProductScored {
  id: string;
  name: string;
  match: 'name' | 'name-prefix' | 'fuzzy';
  fine: number;
}

type Candidate = EnterpriseCandidate & { match: MatchKind; fine: number };

/** The search behind `teia search` and the search box (issue 3). */
export function searchQuery(db: Db, input: SearchInput): SearchOutput {
  const started = performance.now();
  const tokens = tokenize(input.q);
  if (tokens.length === 0) return { enterprises: [], products: [], tookMs: elapsed(started) };

  let found = lookUp(db, asTerms(tokens), tokens, input.near, false);
  if (found.pool.size < FEW) {
    // (Almost) nothing as typed: maybe a typo. Each unknown word becomes the closest real
    // words; an unknown word with none is left out if other words remain.
    const fixed: Term[] = [];
    let corrected = false;
    for (const t of tokens) {
      if (t.length < 4 || isKnownPrefix(db, t)) fixed.push({ prefix: t });
      else {
        const anyOf = corrections(db, t);
        if (anyOf.length) {
          fixed.push({ anyOf });
          corrected = true;
        }
      }
    }
    if (corrected) {
      const fuzzy = lookUp(db, fixed, tokens, input.near, true);
      for (const [id, c] of fuzzy.pool) if (!found.pool.has(id)) found.pool.set(id, c);
      found = {
        pool: found.pool,
        products: [...found.products, ...fuzzy.products.filter((p) => !found.products.some((q) => q.id === p.id))],
        productSet: [...new Set([...found.productSet, ...fuzzy.productSet])],
      };
    }
  }

  let candidates = [...found.pool.values()];
  if (input.currency) {
    const ok = acceptingFor(db, candidates.map((c) => c.id), input.currency, found.productSet);
    candidates = candidates.filter((c) => ok.has(c.id));
  }
  const ranked: (Ranked & { lat: number | null; lon: number | null })[] = candidates.map((c) => ({
    id: c.id,
    name: c.name,
    match: c.match,
    solidarity: c.solidarity === 1,
    distanceKm: distanceOrNull(input.near, c.lat, c.lon),
    fine: c.fine,
    lat: c.lat,
    lon: c.lon,
  }));
  ranked.sort(compareRanked);
  const top = ranked.slice(0, input.limit);

  const ids = top.map((r) => r.id);
  const details = enterpriseDetails(db, ids);
  const currencies = acceptedCurrencies(db, ids);
  const acceptances = acceptancesOf(db, ids, input.lang);
  const offers = offersOf(db, ids, found.productSet, input.lang);
  const enterprises: EnterpriseHit[] = top.map((r) => {
    const d = details.get(r.id);
    return {
      id: r.id,
      name: d?.name ?? r.name,
      solidarity: r.solidarity,
      locality: d?.locality ?? null,
      region: d?.region ?? null,
      country: d?.country ?? null,
      lat: r.lat,
      lon: r.lon,
      distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
      match: r.match,
      offers: offers.get(r.id) ?? [],
      currencies: currencies.get(r.id) ?? [],
      acceptances: acceptances.get(r.id) ?? [],
    };
  });

  const productHits: ProductHit[] = found.products.slice(0, Math.min(MAX_PRODUCT_HITS, input.limit)).map((p) => ({
    id: p.id,
    name: localName(p.name, productNamesJson(db, p.id), input.lang),
    path: productPath(db, p.id, input.lang),
    match: p.match,
  }));
  return { enterprises, products: productHits, tookMs: elapsed(started) };
}

/**
 * Products and enterprise candidates for `terms`. `tokens` are the words as typed, to judge
 * how well a name matches; with `fuzzy` (corrected terms) every match is a close match,
 * ordered by fuse.js's score of the name against what was typed.
 */
function lookUp(db: Db, terms: readonly Term[], tokens: readonly string[], near: Near | undefined, fuzzy: boolean) {
  const products: ProductScored[] = productsByText(db, terms, PRODUCT_POOL).map((c) => ({
    id: c.id,
    name: c.name,
    // A match on codes only (an HS code) counts as a prefix match.
    match: fuzzy ? 'fuzzy' : (nameMatch(`${c.name} ${c.names ?? ''}`, tokens) ?? 'name-prefix'),
    fine: c.rank,
  }));
  products.sort((a, b) => matchOrder[a.match] - matchOrder[b.match] || a.fine - b.fine);
  // Offers of these (and narrower) products are shown with the enterprises.
  const productSet = withDescendants(db, products.slice(0, EXPAND_PRODUCTS).map((p) => p.id));

  const pool = new Map<string, Candidate>();
  const found = enterpriseCandidates(db, terms, near, PER_QUERY);
  if (fuzzy) {
    const scores = new Map(fuzzyFilter(found, (c) => [c.name], tokens).map((h) => [h.item.id, h.score]));
    for (const c of found) pool.set(c.id, { ...c, match: 'fuzzy', fine: scores.get(c.id) ?? 1 });
    return { products, productSet, pool };
  }
  const offering = offeringAny(db, found.map((c) => c.id), productSet);
  for (const c of found) {
    const match = nameMatch(c.name, tokens) ?? (offering.has(c.id) ? 'product' : 'text');
    // Among equal matches a shorter name is closer to what was typed.
    pool.set(c.id, { ...c, match, fine: c.name.length });
  }
  return { products, productSet, pool };
}

function productNamesJson(db: Db, id: string): string {
  return (stmt(db, 'SELECT names FROM products WHERE id = ?').pluck().get(id) as string | undefined) ?? '{}';
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
