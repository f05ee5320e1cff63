import type { Db } from '../db/open.ts';
import type { EnterpriseHit, MatchKind, Near, ProductHit } from '../../../shared/contract/search.ts';
import { tokenize } from './normalize.ts';
import { stmt } from './statements.ts';
import {
  enterpriseCandidates,
  enterprisesByTrigram,
  enterprisesOffering,
  offeringAny,
  productsByText,
  productsByTrigram,
  type EnterpriseCandidate,
} from './candidates.ts';
import { fuzzyFilter } from './fuzzy.ts';
import { compareRanked, matchOrder, nameMatch, type Ranked } from './rank.ts';
import { distanceOrNull } from './geo.ts';
import { localName, productPath, withDescendants } from './taxonomy.ts';
import { acceptedCurrencies, acceptingCurrency, enterpriseDetails, offersOf } from './details.ts';

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

/** Candidate pool sizes: enough to rank well, small enough for a keystroke. */
const TEXT_POOL = 200;
/** Rows per index query (up to nine queries: 3 kinds of match × all / solidarity / near). */
const PER_QUERY = 40;
/** Fewer matches than this as typed, and the search also looks for typos. */
const FEW = 3;
const PRODUCT_POOL = 50;
/** Products whose offers are looked up (a prefix like "c" matches many products). */
const EXPAND_PRODUCTS = 20;
const MAX_PRODUCT_HITS = 10;

interface ProductScored {
  id: string;
  name: string;
  names: string | null;
  match: 'name' | 'name-prefix' | 'fuzzy';
  fine: number;
}

/** The search behind `teia search` and the search box (issue 3). */
export function searchQuery(db: Db, input: SearchInput): SearchOutput {
  const started = performance.now();
  const tokens = tokenize(input.q);
  if (tokens.length === 0) return { enterprises: [], products: [], tookMs: elapsed(started) };

  const products = findProducts(db, tokens);
  const expandFrom = productsToExpand(products);
  const productSet = withDescendants(db, expandFrom.map((p) => p.id));
  // Every product whose own names carry the words, with the narrower ones: offering one of
  // them makes an enterprise a 'product' match.
  const textProducts = products.filter((p) => p.match !== 'fuzzy');
  const productMatchSet = textProducts.length === expandFrom.length ? productSet : withDescendants(db, textProducts.map((p) => p.id));

  const pool = new Map<string, EnterpriseCandidate & { match: MatchKind; fine: number }>();
  const found = enterpriseCandidates(db, tokens, input.near, PER_QUERY);
  const offering = offeringAny(db, found.map((c) => c.id), productMatchSet);
  for (const c of found) {
    const match = nameMatch(c.name, tokens) ?? (offering.has(c.id) ? 'product' : 'text');
    // Among equal matches a shorter name is closer to what was typed.
    pool.set(c.id, { ...c, match, fine: c.name.length });
  }
  // (Almost) nothing as typed: maybe a typo. Products and names that share trigrams, judged
  // by fuse.js. Not when the words found something: "lavandaria" is not a typo of "padaria".
  const fewFound = pool.size < FEW;
  if (fewFound && expandFrom.length > 0 && expandFrom[0].match === 'fuzzy') {
    for (const c of enterprisesOffering(db, productSet, input.near, TEXT_POOL)) {
      if (!pool.has(c.id)) pool.set(c.id, { ...c, match: 'fuzzy', fine: expandFrom[0].fine });
    }
  }
  if (fewFound) {
    const fresh = enterprisesByTrigram(db, tokens, TEXT_POOL).filter((c) => !pool.has(c.id));
    for (const hit of fuzzyFilter(fresh, (c) => [c.name], tokens)) {
      pool.set(hit.item.id, { ...hit.item, match: 'fuzzy', fine: hit.score });
    }
  }

  let candidates = [...pool.values()];
  if (input.currency) {
    const ok = acceptingCurrency(db, candidates.map((c) => c.id), input.currency);
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
  const offers = offersOf(db, ids, productSet, input.lang);
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
    };
  });

  const productHits: ProductHit[] = products.slice(0, Math.min(MAX_PRODUCT_HITS, input.limit)).map((p) => ({
    id: p.id,
    name: localName(p.name, productNamesJson(db, p.id), input.lang),
    path: productPath(db, p.id, input.lang),
    match: p.match,
  }));
  return { enterprises, products: productHits, tookMs: elapsed(started) };
}

/** Products matching the words, best first; a typo search when nothing matches as typed. */
function findProducts(db: Db, tokens: readonly string[]): ProductScored[] {
  const text = productsByText(db, tokens, PRODUCT_POOL).map(
    (c): ProductScored => ({
      id: c.id,
      name: c.name,
      names: c.names,
      // A match on codes only (an HS code) counts as a prefix match.
      match: nameMatch(`${c.name} ${c.names ?? ''}`, tokens) ?? 'name-prefix',
      fine: c.rank,
    }),
  );
  if (text.length > 0) return text.sort((a, b) => matchOrder[a.match] - matchOrder[b.match] || a.fine - b.fine);
  const fresh = productsByTrigram(db, tokens, PRODUCT_POOL);
  return fuzzyFilter(fresh, (c) => [c.name, c.names ?? ''], tokens)
    .sort((a, b) => a.score - b.score)
    .map((h) => ({ id: h.item.id, name: h.item.name, names: h.item.names, match: 'fuzzy' as const, fine: h.score }));
}

/** The best class of product matches only: exact words beat prefixes beat typos. */
function productsToExpand(products: readonly ProductScored[]): ProductScored[] {
  if (products.length === 0) return [];
  const best = products[0].match;
  return products.filter((p) => p.match === best).slice(0, EXPAND_PRODUCTS);
}

function productNamesJson(db: Db, id: string): string {
  return (stmt(db, 'SELECT names FROM products WHERE id = ?').pluck().get(id) as string | undefined) ?? '{}';
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
