import { compare, REVIEW_AT } from './compare.ts';
import { prepare, type Prepared } from './normalise.ts';
import type { Match, MatchRecord } from './types.ts';

/**
 * Blocking: records enter an inverted index under a few keys — each name word, its first and
 * last four letters (so a one-letter typo still shares a key), the acronym, and the exact
 * identifiers (e-mail, phone, website domain, registry number, ids). A query is compared
 * only with the records that share its rarest keys, so matching 100,000 records against
 * 100,000 is a few dozen comparisons each, not 10^10. Keys shared by too many records (the
 * "garment", "agricola" of a big directory) are not used to find candidates; the records
 * they would bring in still meet through their rarer words.
 */
const MAX_POSTING = 400;
/** Candidates fully compared per query, the ones sharing the most (rarest) keys. */
const MAX_COMPARED = 24;

/** The keys of a record, made once: an import's find() and then add() ask for the same record's. */
function keysOf(p: Prepared): string[] {
  return (p.keys ??= makeKeys(p));
}

function makeKeys(p: Prepared): string[] {
  const keys = new Set<string>();
  for (const t of p.tokens) {
    const digits = /\d/.test(t);
    if (t.length < 2 && !digits) continue;
    keys.add(`w:${t}`);
    // Numbers are compared exactly: "60002" and "60003" are two units, not a typo.
    if (digits) continue;
    if (t.length >= 5) keys.add(`p:${t.slice(0, 4)}`);
    if (t.length >= 6) keys.add(`s:${t.slice(-4)}`);
  }
  // The acronym and the name written as one word meet each other ("COOPAVI" ~ "Coop Avi").
  if (p.nickname) keys.add(`n:${p.nickname}`);
  keys.add(`n:${p.tokens.join('')}`);
  const r = p.record;
  if (p.email) keys.add(`e:${p.email}`);
  if (p.phone) keys.add(`t:${p.phone}`);
  if (p.domain) keys.add(`d:${p.domain}`);
  if (p.registry) keys.add(`r:${p.registry}`);
  if (r.givenId) keys.add(`i:${r.givenId}`);
  if (r.sourceId) keys.add(`x:${r.sourceId}`);
  return [...keys];
}

/** Whether two records have the same fields prepare() reads (so one preparation serves both). */
function sameText(a: MatchRecord, b: MatchRecord): boolean {
  return (
    a.name === b.name &&
    a.nickname === b.nickname &&
    a.locality === b.locality &&
    a.country === b.country &&
    a.postcode === b.postcode &&
    a.phone === b.phone &&
    a.email === b.email &&
    a.website === b.website &&
    a.registry === b.registry
  );
}

/** Exact identifiers always find their candidates, however common the rest of the name. */
const identifying = (key: string) => !'wpsn'.includes(key[0]);

/**
 * The `k` records with the most votes, most first (ties: the earlier record), as sorting all of
 * them would give; kept in a small sorted array, since a query touches hundreds and keeps 24.
 */
function topVoted(touched: readonly number[], votes: Float64Array, k: number): number[] {
  const before = (a: number, b: number) => votes[a] > votes[b] || (votes[a] === votes[b] && a < b);
  const top: number[] = [];
  for (const i of touched) {
    if (top.length === k && !before(i, top[k - 1])) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && before(i, top[at - 1])) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = i;
  }
  return top;
}

function grown(a: Int32Array) {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export class MatchIndex {
  private readonly items: Prepared[] = [];
  /**
   * Each item's country and numbers as small integers (0: none), beside the items: the two
   * facts that end most candidates are checked without reaching the item itself, scattered
   * in memory (measured: a third of find() went to that first touch).
   */
  private countryCodes = new Int32Array(1024);
  private numberCodes = new Int32Array(1024);
  /** Given and source ids, coded the same way: a shared id lifts the caps (see find). */
  private givenCodes = new Int32Array(1024);
  private sourceCodes = new Int32Array(1024);
  private readonly codes = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private readonly df = new Map<string, number>();
  private votes = new Float64Array(0);

  get size(): number {
    return this.items.length;
  }

  /**
   * How much a name word tells records apart: the square of its inverse document frequency, so
   * that a rare word ("Luyang") outweighs a place and a trade ("Dongguan … Shoes") together.
   */
  readonly weigh = (token: string): number => Math.log(1 + (this.items.length + 2) / ((this.df.get(token) ?? 0) + 1)) ** 2;

  /** Records of the index holding an identifier key; a query's own record is not in it. */
  readonly sharing = (key: string): number => this.postings.get(key)?.length ?? 0;

  /** The last record find() prepared: an import adds the record it has just looked up. */
  private lastQuery: Prepared | null = null;

  add(record: MatchRecord): void {
    const q = this.lastQuery;
    const reused = q !== null && sameText(q.record, record);
    const p = reused ? { ...q, record } : prepare(record);
    // Keys name the record's ids too: the query's serve only when the ids are the same.
    if (reused && (q.record.givenId !== record.givenId || q.record.sourceId !== record.sourceId)) p.keys = undefined;
    const at = this.items.length;
    this.items.push(p);
    if (at === this.countryCodes.length) {
      this.countryCodes = grown(this.countryCodes);
      this.numberCodes = grown(this.numberCodes);
      this.givenCodes = grown(this.givenCodes);
      this.sourceCodes = grown(this.sourceCodes);
    }
    this.countryCodes[at] = this.code(p.country);
    this.numberCodes[at] = this.code(p.numberKey);
    this.givenCodes[at] = this.code(record.givenId);
    this.sourceCodes[at] = this.code(record.sourceId);
    for (const t of new Set(p.tokens)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    for (const key of keysOf(p)) {
      const list = this.postings.get(key);
      if (list) list.push(at);
      else this.postings.set(key, [at]);
    }
  }

  /** A small integer per distinct text, 0 for none; a text never seen is -1 (equal to nothing). */
  private code(text: string | null | undefined, add = true): number {
    if (!text) return 0;
    let c = this.codes.get(text);
    if (c === undefined) {
      if (!add) return -1;
      c = this.codes.size + 1;
      this.codes.set(text, c);
    }
    return c;
  }

  private candidates(p: Prepared): number[] {
    // The rarest keys first, until about MAX_POSTING records have been gathered; exact
    // identifiers always. A common word adds nothing once rarer ones have been looked at.
    const keys: { key: string; list: number[] }[] = [];
    for (const key of keysOf(p)) {
      const list = this.postings.get(key);
      if (list) keys.push({ key, list });
    }
    keys.sort((a, b) => a.list.length - b.list.length);
    // Votes in a reused array (an import asks once per row): no Map per query.
    if (this.votes.length < this.items.length) this.votes = new Float64Array(Math.max(1024, this.items.length * 2));
    const votes = this.votes;
    const touched: number[] = [];
    let gathered = 0;
    for (const { key, list } of keys) {
      const exact = identifying(key);
      if (!exact && gathered > 0 && gathered + list.length > MAX_POSTING) continue;
      const weight = exact ? 100 : Math.log(1 + this.items.length / list.length);
      // A name of common words only still looks among the latest records sharing its rarest one.
      const from = exact ? 0 : Math.max(0, list.length - MAX_POSTING);
      for (let k = from; k < list.length; k++) {
        const i = list[k];
        if (votes[i] === 0) touched.push(i);
        votes[i] += weight;
      }
      gathered += list.length - from;
    }
    const out = touched.length > MAX_COMPARED ? topVoted(touched, votes, MAX_COMPARED) : touched;
    for (const i of touched) votes[i] = 0;
    return out;
  }

  /**
   * Records of the index that `record` may be, best first: every one scoring at least the
   * review threshold, at most one per key (an index may hold several spellings of one record).
   */
  find(record: MatchRecord): Match[] {
    const p = prepare(record);
    this.lastQuery = p;
    const country = this.code(p.country, false);
    const numbers = this.code(p.numberKey, false);
    const given = this.code(p.record.givenId, false);
    const source = this.code(p.record.sourceId, false);
    const byKey = new Map<string, Match>();
    for (const i of this.candidates(p)) {
      // Facts that cap the score below review whatever the names say (compare.ts), unless an id
      // is shared: skip the string work. Different countries; different unit numbers on both
      // sides ("… 4021" / "… 4022": most candidates of a numbered directory end here).
      const otherCountry = this.countryCodes[i];
      const otherNumbers = this.numberCodes[i];
      const capped = (country !== 0 && otherCountry !== 0 && country !== otherCountry) || (numbers !== 0 && otherNumbers !== 0 && numbers !== otherNumbers);
      if (capped && !((given > 0 && given === this.givenCodes[i]) || (source > 0 && source === this.sourceCodes[i]))) continue;
      const other = this.items[i];
      if (other.record.key === record.key && other.record === record) continue;
      // The candidate itself carries the identifier once; more means it is shared.
      const c = compare(p, other, this.weigh, this.sharing);
      if (c.score < REVIEW_AT) continue;
      const earlier = byKey.get(other.record.key);
      if (!earlier || earlier.score < c.score) byKey.set(other.record.key, { ...c, other: other.record });
    }
    return [...byKey.values()].sort((a, b) => b.score - a.score);
  }

  /** The best record `record` may be, or null when none reaches the review threshold. */
  best(record: MatchRecord): Match | null {
    return this.find(record)[0] ?? null;
  }
}
