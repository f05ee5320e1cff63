// The timed parts of bench/search.ts, each in a fresh process of its own (see why there):
//   node bin/tsx.mjs bench/search-child.ts teia FILE   searches on the built catalogue, opened read-only
//   node bin/tsx.mjs bench/search-child.ts fuse COUNT  fuse.js over the same records and queries
// Each prints one line `@@search-child@@{json}` with its figures (times in ms, query order).
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import Fuse from 'fuse.js';
import { openDatabase } from '../electron/core/db/open.ts';
import { searchOffers, searchQuery } from '../electron/core/search/index.ts';
import type { TeiaPackage } from '../shared/domain/package.ts';
import { benchQueries, childMarker, generateCatalogue } from './search.ts';

export interface TeiaTimes {
  wall: number[];
  cpu: number[];
  empty: number;
  vocabularyMs: number;
  offers: [string, number][];
  peakRssMb: number;
}

export interface FuseTimes {
  wall: number[];
  cpu: number[];
  buildMs: number;
  heapMb: number;
}

/** CPU time of the whole process (every thread), in ms. */
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** As a reader of the app's pool does: the committed file, read-only, nothing else in the heap. */
function teia(file: string): TeiaTimes {
  const db = openDatabase(file, { readonly: true });
  const queries = benchQueries();
  // A warm-up prepares statements, pages in the index and loads the typo vocabulary, as a
  // running app would have done. The vocabulary load alone is measured first.
  const v = performance.now();
  searchQuery(db, { q: 'qwertyuiop', limit: 20 });
  const vocabularyMs = performance.now() - v;
  for (const q of queries.slice(0, 50)) searchQuery(db, { ...q, limit: 20 });
  const wall: number[] = [];
  const cpu: number[] = [];
  let empty = 0;
  for (const q of queries) {
    const c = cpuNow();
    const t = performance.now();
    const res = searchQuery(db, { ...q, limit: 20 });
    wall.push(performance.now() - t);
    cpu.push(cpuNow() - c);
    if (res.enterprises.length === 0 && res.products.length === 0) empty++;
  }
  // "Who offers this" for a narrow, a middle and a root product, from a place.
  const offers: [string, number][] = [];
  for (const product of ['organic-coffee', 'coffee', 'food']) {
    const input = { product, near: { lat: 38.72, lon: -9.14 }, limit: 50 };
    searchOffers(db, input);
    const c = cpuNow();
    for (let i = 0; i < 5; i++) searchOffers(db, input);
    offers.push([product, (cpuNow() - c) / 5]);
  }
  db.close();
  return { wall, cpu, empty, vocabularyMs, offers, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** What a person using fuse.js would search: one record per enterprise with the fields Teia searches. */
export function fuseRecords(pkg: TeiaPackage) {
  const productName = new Map(pkg.products!.map((p) => [p.id, [p.name, ...Object.values(p.names ?? {})].join(' ')]));
  const offered = new Map<string, string[]>();
  for (const o of pkg.offers ?? []) {
    const list = offered.get(o.enterprise) ?? [];
    list.push(productName.get(o.product) ?? o.product);
    offered.set(o.enterprise, list);
  }
  return (pkg.enterprises ?? []).map((e) => ({ id: e.id, name: e.name, description: e.description ?? '', place: `${e.locality ?? ''} ${e.postcode ?? ''} ${e.country ?? ''}`, products: offered.get(e.id) ?? [] }));
}

/**
 * The peer, as its documentation shows it: new Fuse(list, { keys }) with the default options,
 * and search(query) over the whole list — on every 25th query (a full scan costs about half a
 * second each at 100,000 records).
 */
function fuse(count: number): FuseTimes {
  const records = fuseRecords(generateCatalogue(count));
  const subset = benchQueries().filter((_, i) => i % 25 === 5);
  const heapBefore = heapMb();
  const tf = performance.now();
  const index = new Fuse(records, { keys: ['name', 'description', 'place', 'products'] });
  const buildMs = performance.now() - tf;
  const grown = heapMb() - heapBefore;
  index.search(subset[0].q);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of subset) {
    const c = cpuNow();
    const t = performance.now();
    index.search(q.q);
    wall.push(performance.now() - t);
    cpu.push(cpuNow() - c);
  }
  return { wall, cpu, buildMs, heapMb: Math.round(grown) };
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const [role, arg] = process.argv.slice(2);
  let out: TeiaTimes | FuseTimes;
  if (role === 'teia' && arg) out = teia(arg);
  else if (role === 'fuse' && Number(arg) > 0) out = fuse(Number(arg));
  else throw new Error(`usage: search-child.ts teia FILE | fuse COUNT (got ${role ?? '-'} ${arg ?? '-'})`);
  process.stdout.write(`${childMarker}${JSON.stringify(out)}\n`);
}
