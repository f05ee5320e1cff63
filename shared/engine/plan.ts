import { TeiaError } from '../contract/errors.ts';
import { cmpId, composite, type EngineModel } from './model.ts';
import { OfferIndex, scanCandidates, type CandidateList, type Cell } from './candidates.ts';
import { cellDistances } from './links.ts';
import type { ReferencePrices, UnmetNeed } from './gaps.ts';
import { LpError, solveLexicographic, type LpSolver } from './lp.ts';
import type { Plan, PlanChange } from './types.ts';

/**
 * ENGINE.md §3.6, the re-sourcing plan: a lexicographic LP over every demand line of the
 * scope (valued flows into members, unmet needs of members).
 *
 * Variables x(line, option) ≥ 0 where an option is the line's current supplier (up to the
 * line's quantity) or a covering offer of another enterprise (within its spare, shared by
 * all lines). Σ_options x ≤ quantity per line; what is not served is unmet. Objectives, in
 * order: max solidarity-served value; max served value (= min unmet value); max
 * Σ x · unit value · composite.
 *
 * Exact reductions keep the LP small without changing any optimum:
 * - a line with unit value 0 (or quantity 0) weighs nothing in any objective: it stays with
 *   its current supplier (a need stays unmet) and takes no spare;
 * - an option with unlimited room for the line (its current supplier, or an offer of unknown
 *   capacity) dominates every option of the same solidarity class with a composite no higher:
 *   moving quantity to it frees capacity and loses nothing; so per class only the best
 *   unlimited option and the limited ones that beat it are kept;
 * - if a solidarity option is unlimited, no non-solidarity option can be in an optimum
 *   (moving its quantity there raises objective 1), so those are dropped;
 * - the current supplier's own offers are never needed: its current-supplier option already
 *   reaches the line's whole quantity.
 * Lines left with no option are unmet; with one unlimited option, served by it; the rest go
 * to the solver.
 */
export interface PlanOptions {
  /** Refuse (TeiaError 'too-large') rather than build an LP with more columns than this. */
  maxColumns?: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

export const DEFAULT_MAX_COLUMNS = 2_000_000;

interface Line {
  id: string;
  buyer: number;
  product: number;
  current: number; // -1 for a need
  q: number;
  uv: number;
}

interface Option {
  e: number;
  offer: number; // -1: the current supplier
  room: number; // Infinity when unlimited for this line
  comp: number;
  sol: boolean;
}

export interface PlanLines {
  lines: Line[];
}

export function demandLines(m: EngineModel, members: number[], unmet: UnmetNeed[], prices: ReferencePrices): Line[] {
  const F = m.flows;
  const lines: Line[] = [];
  const memberFlows: number[] = [];
  // A flow of unknown quantity is never a plan line (spec v1.1, §1).
  for (const b of members) for (const f of F.into[b]) if (!Number.isNaN(F.value[f]) && F.quantityKnown[f]) memberFlows.push(f);
  memberFlows.sort((a, b) => a - b); // package order
  for (const f of memberFlows) {
    const q = F.quantity[f];
    lines.push({ id: F.ids[f], buyer: F.buyer[f], product: F.product[f], current: F.supplier[f], q, uv: q > 0 ? F.value[f] / q : 0 });
  }
  for (const u of unmet) {
    const p = m.needs.product[u.need];
    lines.push({ id: m.needs.ids[u.need], buyer: m.needs.enterprise[u.need], product: p, current: -1, q: u.unmet, uv: prices.of(p) ?? 1 });
  }
  return lines;
}

export function resourcingPlan(m: EngineModel, lines: Line[], solver: LpSolver, opts: PlanOptions = {}): Plan {
  const maxColumns = opts.maxColumns ?? DEFAULT_MAX_COLUMNS;
  const progress = opts.onProgress ?? (() => {});
  const S = m.ent.solidarity;
  const ids = m.ent.ids;
  const offerIndex = new OfferIndex(m);

  // Per line: its options after the exact reductions, found by score-ordered scans (see
  // candidates.ts) rather than by computing every covering offer's composite.
  const optionsFor = (L: Line, toCell: (cell: Cell) => number): Option[] => {
    const lists = offerIndex.of(L.product);
    const usable = (e: number) => e !== L.buyer && e !== L.current;
    const current: Option | null = L.current >= 0 ? { e: L.current, offer: -1, room: Infinity, comp: composite(m, L.current, L.buyer), sol: S[L.current] === 1 } : null;
    const bestUnlimited = (list: CandidateList, start: Option | null): Option | null => {
      let best = start;
      scanCandidates(m, list, L.buyer, () => (best ? best.comp : -Infinity), (c, comp) => {
        if (!usable(c.enterprise)) return;
        // Ties keep the current supplier (no change needed), then the smaller id.
        if (!best || comp > best.comp || (comp === best.comp && best.offer !== -1 && cmpId(ids[c.enterprise], ids[best.e]) < 0)) {
          best = { e: c.enterprise, offer: c.offer, room: Infinity, comp, sol: S[c.enterprise] === 1 };
        }
      }, toCell);
      return best;
    };
    const better = (list: CandidateList, than: Option | null, out: Option[]) => {
      const bar = than ? than.comp : -Infinity;
      scanCandidates(m, list, L.buyer, () => bar, (c, comp) => {
        if (usable(c.enterprise) && comp > bar) out.push({ e: c.enterprise, offer: c.offer, room: c.spare, comp, sol: S[c.enterprise] === 1 });
      }, toCell);
    };
    const out: Option[] = [];
    const sol = bestUnlimited(lists.solidarityUnlimited, current?.sol ? current : null);
    if (sol) out.push(sol);
    better(lists.solidarityLimited, sol, out);
    if (!sol) {
      const other = bestUnlimited(lists.otherUnlimited, current && !current.sol ? current : null);
      if (other) out.push(other);
      better(lists.otherLimited, other, out);
    }
    return out;
  };

  const served: Map<number, number>[] = lines.map(() => new Map()); // supplier → quantity
  let lpLines: { line: number; options: Option[] }[] = [];
  let columns = 0;
  const order = lines.map((_, i) => i).sort((a, b) => lines[a].buyer - lines[b].buyer || a - b);
  let toCell: ((cell: Cell) => number) | null = null;
  let buyer = -1;
  for (const li of order) {
    const L = lines[li];
    if (!(L.q > 0)) continue;
    if (!(L.uv > 0)) {
      if (L.current >= 0) served[li].set(L.current, L.q);
      continue;
    }
    if (L.buyer !== buyer) {
      buyer = L.buyer;
      toCell = cellDistances(m, buyer);
    }
    const kept = optionsFor(L, toCell!);
    if (kept.length === 0) continue;
    if (kept.length === 1 && kept[0].room === Infinity) {
      served[li].set(kept[0].e, L.q);
      continue;
    }
    lpLines.push({ line: li, options: kept });
    columns += kept.length;
    // Give up early on a scope far beyond the limit, before holding all its choices.
    if (columns > 2 * maxColumns) throw tooLarge(columns, maxColumns);
  }
  lpLines.sort((a, b) => a.line - b.line);

  // An offer whose spare covers every line that could use it can never be short within this
  // plan: it is as good as unlimited, which lets dominance prune more. Repeat to a fixpoint.
  for (let round = 0; round < 20; round++) {
    const reach = new Map<number, number>();
    for (const { line, options } of lpLines) for (const o of options) if (o.offer >= 0 && o.room !== Infinity) reach.set(o.offer, (reach.get(o.offer) ?? 0) + lines[line].q);
    const ample = new Set<number>();
    for (const [offer, q] of reach) if (q <= m.offers.spare[offer]) ample.add(offer);
    if (ample.size === 0) break;
    const next: typeof lpLines = [];
    columns = 0;
    for (const entry of lpLines) {
      let options = entry.options;
      if (options.some((o) => ample.has(o.offer))) {
        options = reduce(m, options.map((o) => (ample.has(o.offer) ? { ...o, room: Infinity } : o)));
        if (options.length === 1 && options[0].room === Infinity) {
          served[entry.line].set(options[0].e, lines[entry.line].q);
          continue;
        }
      }
      next.push({ line: entry.line, options });
      columns += options.length;
    }
    lpLines = next;
  }
  if (columns > maxColumns) throw tooLarge(columns, maxColumns);
  progress(0, 3, 'Building the plan');
  // The LP separates into independent parts (lines linked only through shared offers); the
  // lexicographic optimum of the whole is the union of the parts' optima, and small parts
  // solve far faster than one big one. Parts are batched so tiny ones share a solve.
  const batches = componentBatches(lpLines, 4000);
  batches.forEach((batch, i) => {
    solveBatch(m, lines, batch, solver, served, (k) => progress(k + (i + 1) / (batches.length + 1), 3, ['Maximising solidarity value', 'Minimising unmet value', 'Choosing the best composite'][k]));
  });
  progress(3, 3, 'Plan ready');
  return summarise(m, lines, served);
}

type LpLine = { line: number; options: Option[] };

/** Groups lines that share a limited offer (union–find), then packs groups into batches. */
function componentBatches(lpLines: LpLine[], targetColumns: number): LpLine[][] {
  const parent = lpLines.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const firstUser = new Map<number, number>();
  lpLines.forEach(({ options }, i) => {
    for (const o of options) {
      if (o.offer < 0 || o.room === Infinity) continue;
      const j = firstUser.get(o.offer);
      if (j === undefined) firstUser.set(o.offer, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, LpLine[]>();
  lpLines.forEach((l, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(l);
    else groups.set(r, [l]);
  });
  const batches: LpLine[][] = [];
  let current: LpLine[] = [];
  let cols = 0;
  for (const g of groups.values()) {
    current.push(...g);
    for (const l of g) cols += l.options.length;
    if (cols >= targetColumns) {
      batches.push(current);
      current = [];
      cols = 0;
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

/** One lexicographic LP over a batch of lines; adds the served quantities to `served`. */
function solveBatch(m: EngineModel, lines: Line[], lpLines: LpLine[], solver: LpSolver, served: Map<number, number>[], onStage: (k: number) => void): void {
    // Columns in line order; offer rows only for limited offers shared by two or more columns.
  const colLine: number[] = [];
  const colOpt: Option[] = [];
  const offerCols = new Map<number, number[]>();
  for (const { line, options } of lpLines) {
    for (const o of options) {
      const j = colLine.length;
      colLine.push(line);
      colOpt.push(o);
      if (o.offer >= 0 && o.room !== Infinity) {
        let list = offerCols.get(o.offer);
        if (!list) offerCols.set(o.offer, (list = []));
        list.push(j);
      }
    }
  }
  const n = colLine.length;
  const colUpper = new Float64Array(n);
  const c1 = new Float64Array(n);
  const c2 = new Float64Array(n);
  const c3 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const L = lines[colLine[j]];
    const o = colOpt[j];
    colUpper[j] = Math.min(L.q, o.room);
    c1[j] = o.sol ? L.uv : 0;
    c2[j] = L.uv;
    c3[j] = L.uv * o.comp;
  }
  const rowStart: number[] = [0];
  const rowIndex: number[] = [];
  const rowUpper: number[] = [];
  let j0 = 0;
  for (const { line, options } of lpLines) {
    if (options.length > 1) {
      for (let k = 0; k < options.length; k++) rowIndex.push(j0 + k);
      rowStart.push(rowIndex.length);
      rowUpper.push(lines[line].q);
    }
    j0 += options.length;
  }
  for (const [offer, cols] of offerCols) {
    if (cols.length < 2) continue;
    for (const j of cols) rowIndex.push(j);
    rowStart.push(rowIndex.length);
    rowUpper.push(m.offers.spare[offer]);
  }
  const numRows = rowUpper.length;
  const base = {
    numCols: n,
    colUpper,
    numRows,
    rowStart: Int32Array.from(rowStart),
    rowIndex: Int32Array.from(rowIndex),
    rowValue: new Float64Array(rowIndex.length).fill(1),
    rowLower: new Float64Array(numRows).fill(-Infinity),
    rowUpper: Float64Array.from(rowUpper),
  };
  let x: Float64Array;
  try {
    x = solveLexicographic(
      solver,
      base,
      [
        { sense: 'maximize', cost: c1 },
        { sense: 'maximize', cost: c2 },
        { sense: 'maximize', cost: c3 },
      ],
      onStage,
    ).x;
  } catch (err) {
    if (err instanceof LpError) throw new TeiaError('internal', `The re-sourcing plan could not be solved: ${err.message}`);
    throw err;
  }
  for (let j = 0; j < n; j++) {
    // Solver noise below a billionth of the line is not a quantity anyone can move.
    const L = lines[colLine[j]];
    const v = Math.min(colUpper[j], x[j]);
    if (!(v > 1e-9 * Math.max(1, L.q))) continue;
    const map = served[colLine[j]];
    map.set(colOpt[j].e, (map.get(colOpt[j].e) ?? 0) + v);
  }
}

function tooLarge(columns: number, maxColumns: number): TeiaError {
  return new TeiaError(
    'too-large',
    `The re-sourcing plan for this scope needs over ${columns.toLocaleString('en')} supplier choices, more than the solver is allowed to take on here (${maxColumns.toLocaleString('en')}). Analyse one network (--network) or a smaller region, or run without the plan (--no-plan).`,
  );
}

/** Per class keep the best unlimited option and limited ones beating it (see the header). */
function reduce(m: EngineModel, options: Option[]): Option[] {
  const ids = m.ent.ids;
  const bestUnlimited: (Option | null)[] = [null, null]; // [non-solidarity, solidarity]
  for (const o of options) {
    if (o.room !== Infinity) continue;
    const k = o.sol ? 1 : 0;
    const b = bestUnlimited[k];
    // Ties prefer the current supplier (no change needed), then the smaller id.
    if (!b || o.comp > b.comp || (o.comp === b.comp && (o.offer === -1 || (b.offer !== -1 && cmpId(ids[o.e], ids[b.e]) < 0)))) bestUnlimited[k] = o;
  }
  return options.filter((o) => {
    if (!o.sol && bestUnlimited[1]) return false;
    const b = bestUnlimited[o.sol ? 1 : 0];
    if (!b) return true;
    return o === b || (o.room !== Infinity && o.comp > b.comp);
  });
}

function summarise(m: EngineModel, lines: Line[], served: Map<number, number>[]): Plan {
  const S = m.ent.solidarity;
  const ids = m.ent.ids;
  let totalValue = 0;
  let solBefore = 0;
  let servedBefore = 0;
  let nonSolBefore = 0;
  let solAfter = 0;
  let servedAfter = 0;
  let unmetValue = 0;
  let compositeObjective = 0;
  const changes: PlanChange[] = [];
  lines.forEach((L, li) => {
    const v = L.q * L.uv;
    totalValue += v;
    if (L.current >= 0) {
      servedBefore += v;
      if (S[L.current]) solBefore += v;
      else nonSolBefore += v;
    }
    let got = 0;
    const entries = [...served[li].entries()].sort((a, b) => cmpId(ids[a[0]], ids[b[0]]));
    for (const [e, q] of entries) {
      got += q;
      const value = q * L.uv;
      servedAfter += value;
      if (S[e]) solAfter += value;
      compositeObjective += value * composite(m, e, L.buyer);
      if (e !== L.current) {
        changes.push({ line: L.id, buyer: ids[L.buyer], product: m.prod.ids[L.product], from: L.current >= 0 ? ids[L.current] : null, to: ids[e], quantity: q });
      }
    }
    unmetValue += Math.max(0, L.q - got) * L.uv;
  });
  changes.sort((a, b) => cmpId(a.line, b.line) || cmpId(a.to, b.to));
  return {
    totalValue,
    solidarityValueBefore: solBefore,
    solidarityValueAfter: solAfter,
    shareBefore: totalValue > 0 ? solBefore / totalValue : null,
    shareAfter: totalValue > 0 ? solAfter / totalValue : null,
    leakageBefore: servedBefore > 0 ? nonSolBefore / servedBefore : null,
    leakageAfter: servedAfter > 0 ? (servedAfter - solAfter) / servedAfter : null,
    unmetValue,
    compositeObjective,
    changes,
  };
}
