import { CRITERIA, type TeiaPackage } from '../domain/package.ts';
import type { EngineSettings } from './settings.ts';
import { haversineKm, proximityOfKm } from './geo.ts';

/**
 * The package indexed for the engine: enterprises, products, offers, needs and flows as
 * integer-indexed arrays (typed where hot), with flow values, spares and scores resolved once.
 * Built in O(records); every figure of ENGINE.md §3 reads from it.
 */
export interface EngineModel {
  settings: EngineSettings;
  ent: {
    ids: string[];
    index: Map<string, number>;
    solidarity: Uint8Array;
    /** NaN when the enterprise has no coordinates. */
    lat: Float64Array;
    lon: Float64Array;
    score: Float64Array;
    /** Criteria as the package gives them (including ones outside the scored set). */
    criteria: (Record<string, number> | undefined)[];
    networks: (string[] | undefined)[];
    /** False for an id that flows/offers mention but the package does not list. */
    listed: Uint8Array;
  };
  prod: {
    ids: string[];
    index: Map<string, number>;
    /** -1 for a root (or a parent the package does not list). */
    parent: Int32Array;
    children: number[][];
  };
  offers: {
    ids: string[];
    enterprise: Int32Array;
    product: Int32Array;
    /** Infinity when the capacity is unknown. */
    capacity: Float64Array;
    /** NaN when no price. */
    price: Float64Array;
    /** spare(e, q) of ENGINE.md §2; Infinity when unlimited. */
    spare: Float64Array;
    /** Offer indices by exact product. */
    byProduct: number[][];
  };
  needs: { ids: string[]; enterprise: Int32Array; product: Int32Array; quantity: Float64Array };
  flows: {
    ids: string[];
    supplier: Int32Array;
    buyer: Int32Array;
    product: Int32Array;
    /** 0 when unknown (spec v1.1: an unknown quantity counts 0 wherever quantities are summed). */
    quantity: Float64Array;
    /** 1 when the flow's quantity is given, 0 when it is unknown. */
    quantityKnown: Uint8Array;
    /** value(f) of §2; NaN when unknown. */
    value: Float64Array;
    /** Flow indices into each enterprise (as buyer) and out of it (as supplier). */
    into: number[][];
    outOf: number[][];
  };
}

export function buildModel(pkg: TeiaPackage, settings: EngineSettings): EngineModel {
  const ents = pkg.enterprises ?? [];
  const ids: string[] = [];
  const index = new Map<string, number>();
  const listed: number[] = [];
  const addEnt = (id: string, isListed: boolean): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      index.set(id, i);
      listed.push(isListed ? 1 : 0);
    }
    return i;
  };
  for (const e of ents) addEnt(e.id, true);

  const prodIds: string[] = [];
  const prodIndex = new Map<string, number>();
  const addProd = (id: string): number => {
    let i = prodIndex.get(id);
    if (i === undefined) {
      i = prodIds.length;
      prodIds.push(id);
      prodIndex.set(id, i);
    }
    return i;
  };
  for (const p of pkg.products ?? []) addProd(p.id);
  const declaredParent = new Map<string, string>();
  for (const p of pkg.products ?? []) if (p.parent) declaredParent.set(p.id, p.parent);

  const offersIn = pkg.offers ?? [];
  const needsIn = pkg.needs ?? [];
  const flowsIn = pkg.flows ?? [];
  // Records may name enterprises/products the package does not list: they still take part,
  // as non-solidarity enterprises with no criteria and products without a parent.
  const oEnt = new Int32Array(offersIn.length);
  const oProd = new Int32Array(offersIn.length);
  offersIn.forEach((o, i) => {
    oEnt[i] = addEnt(o.enterprise, false);
    oProd[i] = addProd(o.product);
  });
  const nEnt = new Int32Array(needsIn.length);
  const nProd = new Int32Array(needsIn.length);
  needsIn.forEach((n, i) => {
    nEnt[i] = addEnt(n.enterprise, false);
    nProd[i] = addProd(n.product);
  });
  const fSup = new Int32Array(flowsIn.length);
  const fBuy = new Int32Array(flowsIn.length);
  const fProd = new Int32Array(flowsIn.length);
  flowsIn.forEach((f, i) => {
    fSup[i] = addEnt(f.supplier, false);
    fBuy[i] = addEnt(f.buyer, false);
    fProd[i] = addProd(f.product);
  });

  // Enterprises
  const n = ids.length;
  const solidarity = new Uint8Array(n);
  const lat = new Float64Array(n).fill(NaN);
  const lon = new Float64Array(n).fill(NaN);
  const score = new Float64Array(n);
  const criteria: (Record<string, number> | undefined)[] = new Array(n).fill(undefined);
  const networks: (string[] | undefined)[] = new Array(n).fill(undefined);
  for (const e of ents) {
    const i = index.get(e.id)!;
    solidarity[i] = e.solidarity ? 1 : 0;
    if (typeof e.lat === 'number' && typeof e.lon === 'number' && Number.isFinite(e.lat) && Number.isFinite(e.lon)) {
      lat[i] = e.lat;
      lon[i] = e.lon;
    }
    criteria[i] = e.criteria;
    networks[i] = e.networks;
    score[i] = scoreOf(e.criteria, settings.weights);
  }

  // Products: the taxonomy forest. A parent cycle (bad data) is cut where it closes.
  const np = prodIds.length;
  const parent = new Int32Array(np).fill(-1);
  for (const [child, par] of declaredParent) {
    const c = prodIndex.get(child)!;
    const p = prodIndex.get(par);
    if (p === undefined || p === c) continue;
    let a = p;
    let cyclic = false;
    for (let steps = 0; a !== -1 && steps <= np; steps++) {
      if (a === c) {
        cyclic = true;
        break;
      }
      a = parent[a];
    }
    if (!cyclic) parent[c] = p;
  }
  const children: number[][] = Array.from({ length: np }, () => []);
  for (let c = 0; c < np; c++) if (parent[c] !== -1) children[parent[c]].push(c);

  // Flows: value(f) is the recorded value, else quantity × the supplier's price for exactly that product.
  const priceOf = new Map<number, number>(); // key ent*np+prod → first priced offer's price
  const capacity = new Float64Array(offersIn.length);
  const price = new Float64Array(offersIn.length);
  offersIn.forEach((o, i) => {
    capacity[i] = typeof o.capacity === 'number' ? o.capacity : Infinity;
    price[i] = typeof o.price === 'number' ? o.price : NaN;
    const key = oEnt[i] * np + oProd[i];
    if (!Number.isNaN(price[i]) && !priceOf.has(key)) priceOf.set(key, price[i]);
  });
  const fQty = new Float64Array(flowsIn.length);
  const fKnown = new Uint8Array(flowsIn.length);
  const fVal = new Float64Array(flowsIn.length);
  const shipped = new Map<number, number>(); // ent*np+prod → Σ quantity out
  const into: number[][] = Array.from({ length: n }, () => []);
  const outOf: number[][] = Array.from({ length: n }, () => []);
  flowsIn.forEach((f, i) => {
    const known = typeof f.quantity === 'number';
    const q = known ? (f.quantity as number) : 0;
    fQty[i] = q;
    fKnown[i] = known ? 1 : 0;
    const key = fSup[i] * np + fProd[i];
    if (typeof f.value === 'number') fVal[i] = f.value;
    else {
      const p = known ? priceOf.get(key) : undefined;
      fVal[i] = p === undefined ? NaN : q * p;
    }
    shipped.set(key, (shipped.get(key) ?? 0) + q);
    into[fBuy[i]].push(i);
    outOf[fSup[i]].push(i);
  });
  const spare = new Float64Array(offersIn.length);
  const byProduct: number[][] = Array.from({ length: np }, () => []);
  for (let i = 0; i < offersIn.length; i++) {
    spare[i] = capacity[i] === Infinity ? Infinity : Math.max(0, capacity[i] - (shipped.get(oEnt[i] * np + oProd[i]) ?? 0));
    byProduct[oProd[i]].push(i);
  }

  return {
    settings,
    ent: { ids, index, solidarity, lat, lon, score, criteria, networks, listed: Uint8Array.from(listed) },
    prod: { ids: prodIds, index: prodIndex, parent, children },
    offers: {
      ids: offersIn.map((o, i) => o.id ?? `o${i + 1}`),
      enterprise: oEnt,
      product: oProd,
      capacity,
      price,
      spare,
      byProduct,
    },
    needs: {
      ids: needsIn.map((x, i) => x.id ?? `n${i + 1}`),
      enterprise: nEnt,
      product: nProd,
      quantity: Float64Array.from(needsIn.map((x) => x.quantity)),
    },
    flows: {
      ids: flowsIn.map((f, i) => f.id ?? `f${i + 1}`),
      supplier: fSup,
      buyer: fBuy,
      product: fProd,
      quantity: fQty,
      quantityKnown: fKnown,
      value: fVal,
      into,
      outOf,
    },
  };
}

/** score(e) of §2: weighted mean over the criteria set, missing = 0, values clamped to [0, 1]. */
export function scoreOf(criteria: Record<string, number> | undefined, weights: EngineSettings['weights']): number {
  let num = 0;
  let den = 0;
  for (const c of CRITERIA) {
    const w = weights[c];
    const raw = criteria?.[c];
    const v = typeof raw === 'number' && !Number.isNaN(raw) ? Math.min(1, Math.max(0, raw)) : 0;
    num += w * v;
    den += w;
  }
  return den > 0 ? num / den : 0;
}

/** distance(a, b) in km, or null when either lacks coordinates. */
export function distanceKm(m: EngineModel, a: number, b: number): number | null {
  const { lat, lon } = m.ent;
  if (Number.isNaN(lat[a]) || Number.isNaN(lat[b])) return null;
  return haversineKm(lat[a], lon[a], lat[b], lon[b]);
}

export function proximity(m: EngineModel, a: number, b: number): number {
  const d = distanceKm(m, a, b);
  return d === null ? 0 : proximityOfKm(d);
}

/** composite(e, b) of §2 with the analysis's weights. */
export function composite(m: EngineModel, e: number, b: number): number {
  const { score: ws, proximity: wp } = m.settings.composite;
  return ws * m.ent.score[e] + wp * proximity(m, e, b);
}

/** The product and all its descendants (covers(p, q) ⇔ q in this list). */
export function subtree(m: EngineModel, p: number): number[] {
  const out = [p];
  for (let i = 0; i < out.length; i++) for (const c of m.prod.children[out[i]]) out.push(c);
  return out;
}

/** Ascending by code unit, the spec's "ascending" for ids. */
export function cmpId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
