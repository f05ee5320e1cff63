import type { Db } from '../db/open.ts';
import type { EnterpriseHit, MatchKind, Near, ProductHit } from '../../../shared/contract/search.ts';
import { asTerms, tokenize, type Term } from './normalize.ts';
import { stmt } from './statements.ts';
import { enterpriseCandidates, offeringAny, productsByText } from './candidates.ts';
import { fuzzyFilter } from './fuzzy.ts';
import { compareRanked, compareStanding, matchOrder, nameMatch, type Ranked } from './rank.ts';
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

/**
 * A candidate as ranked. `match` null: found as typed, its kind decided only if it can be
 * shown (decideMatches).
 */
type Placed = Omit<Ranked, 'match'> & { match: MatchKind | null; lat: number | null; lon: number | null };
type Decided = Placed & Ranked;

/** The search behind `teia search` and the search box (issue 3). */
export function searchQuery(db: Db, input: SearchInput): SearchOutput {
  const started = performance.now();
  const tokens = tokenize(input.q);
  if (tokens.length === 0) return { enterprises: [], products: [], tookMs: elapsed(started) };

  let found = lookUp(db, asTerms(tokens), tokens, input.near, false);
  const typedProducts = found.productSet;
  if (found.pool.length < FEW) {
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
      const typed = new Set(found.pool.map((c) => c.id));
      found = {
        pool: [...found.pool, ...fuzzy.pool.filter((c) => !typed.has(c.id))],
        products: [...found.products, ...fuzzy.products.filter((p) => !found.products.some((q) => q.id === p.id))],
        productSet: [...new Set([...found.productSet, ...fuzzy.productSet])],
      };
    }
  }

  let candidates = found.pool;
  if (input.currency) {
    const ok = acceptingFor(db, candidates.map((c) => c.id), input.currency, found.productSet);
    candidates = candidates.filter((c) => ok.has(c.id));
  }
  const ranked = decideMatches(db, candidates, tokens, typedProducts, input.limit);
  scoreSpellings(ranked, tokens, input.limit);
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
 * how well a product's name matches; with `fuzzy` (corrected terms) every match is a close
 * match, ordered by fuse.js's score of the name against what was typed (scoreSpellings).
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

  const found = enterpriseCandidates(db, terms, near, PER_QUERY);
  // One plain object per candidate (spreading the row objects SQLite returns was slow and a
  // good part of a search's garbage). Among equal matches a shorter name is closer to what
  // was typed; a close spelling's closeness is scored once the order is known (scoreSpellings).
  const pool = found.map(
    (c): Placed => ({
      id: c.id,
      name: c.name,
      match: fuzzy ? 'fuzzy' : null,
      solidarity: c.solidarity === 1,
      distanceKm: distanceOrNull(near, c.lat, c.lon),
      fine: fuzzy ? 1 : c.name.length,
      lat: c.lat,
      lon: c.lon,
    }),
  );
  return { products, productSet, pool };
}

/**
 * Decides how the candidates found as typed match (the name, a product, other text) for those
 * that can be shown. The kind of match ranks after solidarity and distance (compareRanked),
 * so only the candidates up to the last place shown in that order can need it: near a place,
 * about the twenty shown instead of the few hundred the index queries return, each of which
 * cost a name comparison and a look at its offers. A kind depends on the candidate alone, so
 * the order is the same; the rest get 'text' and still come after the ones shown.
 */
function decideMatches(db: Db, placed: Placed[], tokens: readonly string[], productSet: readonly string[], limit: number): Decided[] {
  const typed = placed.filter((r) => r.match === null);
  if (typed.length > 0) {
    typed.sort(compareStanding);
    const last = typed[Math.min(limit, typed.length) - 1];
    const shown = typed.filter((r) => compareStanding(r, last) <= 0);
    const offering = offeringAny(db, shown.map((r) => r.id), productSet);
    for (const r of shown) r.match = nameMatch(r.name, tokens) ?? (offering.has(r.id) ? 'product' : 'text');
    for (const r of typed) r.match ??= 'text';
  }
  return placed as Decided[];
}

/**
 * Scores the close spellings (fuse.js, fuzzy.ts) that can be shown. Those come after every
 * match as typed and are ordered by solidarity and distance first, their score only breaking
 * ties; so only the ones up to the last place shown need it. Near a place that is the twenty
 * shown instead of a few hundred candidates: fuse.js over all of them was most of a typo's
 * cost. A score depends on the name and the words alone, so the order is the same.
 */
function scoreSpellings(ranked: Ranked[], tokens: readonly string[], limit: number): void {
  const spellings = ranked.filter((r) => r.match === 'fuzzy');
  const slots = limit - (ranked.length - spellings.length);
  if (spellings.length === 0 || slots <= 0) return;
  spellings.sort(compareStanding);
  const last = spellings[Math.min(slots, spellings.length) - 1];
  const shown = spellings.filter((r) => compareStanding(r, last) <= 0);
  const scores = new Map(fuzzyFilter(shown, (r) => [r.name], tokens).map((h) => [h.item, h.score]));
  for (const r of shown) r.fine = scores.get(r) ?? 1;
}

function productNamesJson(db: Db, id: string): string {
  return (stmt(db, 'SELECT names FROM products WHERE id = ?').pluck().get(id) as string | undefined) ?? '{}';
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
