import { TeiaError } from '../contract/errors.ts';
import type { TeiaPackage } from '../domain/package.ts';
import { buildModel, cmpId, type EngineModel } from './model.ts';
import { resolveSettings, type EngineSettingsInput } from './settings.ts';
import { buildPairGraph, chainSharesAll, directShare, type PairGraph } from './shares.ts';
import { CandidateIndex } from './candidates.ts';
import { nonSolidarityLinks } from './links.ts';
import { gaps, ReferencePrices, unmetNeeds } from './gaps.ts';
import { demandLines, resourcingPlan } from './plan.ts';
import { circuits } from './circuits.ts';
import { structure, type StructureOptions } from './structure.ts';
import { buildCurrencyIndex, currencyFigures } from './currencies.ts';
import { salesSide } from './sales.ts';
import type { LpSolver } from './lp.ts';
import type { AnalysisResult, Leakage, Structure } from './types.ts';

export interface AnalyseOptions {
  /** Network id; absent or null = every enterprise of the catalogue. */
  network?: string | null;
  settings?: EngineSettingsInput;
  /** Overrides settings.tiers (the CLI's --tiers). */
  tiers?: number;
  /** The LP solver for the plan; null leaves the plan out (`plan: null`). */
  solver: LpSolver | null;
  maxPlanColumns?: number;
  /** Cap substitutes per link (default: all, as §4 prints them). */
  maxSubstitutes?: number;
  /** Keep only the first links (default: all, as §4 prints them); `linkTotal` has the count. */
  maxLinks?: number;
  /** Keep only the first outlets of §3.9 (default: all); `outletTotal` has the count. */
  maxOutlets?: number;
  /** Cap alternatives per outlet (default: all). */
  maxAlternatives?: number;
  /** Per currency, keep only this many members (those with the most units stuck; default: all). */
  maxCurrencyMembers?: number;
  /** Compute communities and betweenness too (not part of §4). */
  structure?: boolean | StructureOptions;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Checked between steps; throw to stop (the worker runner's cancellation). */
  checkpoint?: () => void;
}

export interface Analysis {
  result: AnalysisResult;
  structure: Structure | null;
  model: EngineModel;
  members: number[];
  pairGraph: PairGraph;
  /** Flow index of each link, in the order of result.links (for explanations). */
  linkFlows: number[];
  /** Number of links before any maxLinks cut. */
  linkTotal: number;
  /** Number of outlets (§3.9) before any maxOutlets cut. */
  outletTotal: number;
  /** Milliseconds per step, for the benchmark and the log. */
  timings: Record<string, number>;
}

const STEPS = ['Indexing the catalogue', 'Shares', 'Links', 'Gaps', 'Plan', 'Circuits', 'Currencies', 'Sales', 'Structure'];

/** ENGINE.md §3 over one scope; `result` is exactly the §4 object. */
export function analyse(pkg: TeiaPackage, opts: AnalyseOptions): Analysis {
  const timings: Record<string, number> = {};
  const progress = opts.onProgress ?? (() => {});
  const check = opts.checkpoint ?? (() => {});
  let t0 = now();
  let step = 0;
  const mark = (name: string) => {
    const t = now();
    timings[name] = t - t0;
    t0 = t;
    check();
    progress(++step, STEPS.length, STEPS[Math.min(step, STEPS.length - 1)]);
  };
  progress(0, STEPS.length, STEPS[0]);

  const settings = resolveSettings({ ...opts.settings, ...(opts.tiers !== undefined ? { tiers: opts.tiers } : {}) });
  const m = buildModel(pkg, settings);
  const network = opts.network ?? null;
  const members = scopeMembers(pkg, m, network);
  const isMember = new Uint8Array(m.ent.ids.length);
  for (const b of members) isMember[b] = 1;
  const unvalued: string[] = [];
  for (let f = 0; f < m.flows.ids.length; f++) if (Number.isNaN(m.flows.value[f])) unvalued.push(m.flows.ids[f]);
  mark('model');

  const g = buildPairGraph(m);
  const chain = chainSharesAll(m, g, settings.tiers);
  const directShareOut: Record<string, number | null> = {};
  const chainShareOut: Record<string, number | null> = {};
  for (const b of members) directShareOut[m.ent.ids[b]] = directShare(m, b);
  for (const b of members) chainShareOut[m.ent.ids[b]] = chain[b];
  const leakage = leakageOf(m, members, isMember);
  mark('shares');

  const cands = new CandidateIndex(m);
  const { links, flowIndex, total: linkTotal } = nonSolidarityLinks(m, members, cands, { maxSubstitutes: opts.maxSubstitutes, maxLinks: opts.maxLinks });
  mark('links');

  const unmet = unmetNeeds(m, isMember);
  const prices = new ReferencePrices(m);
  const gapList = gaps(m, members, unmet, prices);
  mark('gaps');

  const plan = opts.solver
    ? resourcingPlan(m, demandLines(m, members, unmet, prices), opts.solver, { maxColumns: opts.maxPlanColumns, onProgress: (d, t, l) => progress(step + d / t, STEPS.length, l) })
    : null;
  mark('plan');

  const circuitList = circuits(m, members, isMember);
  mark('circuits');

  const currencies = currencyFigures(m, buildCurrencyIndex(pkg, m), members, isMember, { maxMembers: opts.maxCurrencyMembers });
  mark('currencies');
  const { sales, total: outletTotal } = salesSide(m, members, isMember, { maxOutlets: opts.maxOutlets, maxAlternatives: opts.maxAlternatives });
  mark('sales');

  const struct = opts.structure ? structure(m, members, isMember, typeof opts.structure === 'object' ? opts.structure : {}) : null;
  mark('structure');

  const result: AnalysisResult = {
    scope: { network, members: members.map((i) => m.ent.ids[i]) },
    unvalued,
    leakage,
    directShare: directShareOut,
    chainShare: chainShareOut,
    links,
    gaps: gapList,
    plan,
    circuits: circuitList,
    currencies,
    sales,
  };
  return { result, structure: struct, model: m, members, pairGraph: g, linkFlows: flowIndex, linkTotal, outletTotal, timings };
}

/** Members sorted by id; every listed enterprise when there is no network. */
export function scopeMembers(pkg: TeiaPackage, m: EngineModel, network: string | null): number[] {
  const out: number[] = [];
  const known = network === null || (pkg.networks ?? []).some((n) => n.id === network);
  for (let i = 0; i < m.ent.ids.length; i++) {
    if (!m.ent.listed[i]) continue;
    if (network === null || m.ent.networks[i]?.includes(network)) out.push(i);
  }
  if (!known && out.length === 0) throw new TeiaError('not-found', `There is no network "${network}" in this catalogue. Leave out --network to analyse every enterprise.`);
  return out.sort((a, b) => cmpId(m.ent.ids[a], m.ent.ids[b]));
}

/** §3.3 */
export function leakageOf(m: EngineModel, members: number[], isMember: Uint8Array): Leakage {
  let value = 0;
  let total = 0;
  let outsideValue = 0;
  const F = m.flows;
  for (const b of members) {
    for (const f of F.into[b]) {
      const v = F.value[f];
      if (Number.isNaN(v)) continue;
      total += v;
      const s = F.supplier[f];
      if (m.ent.solidarity[s]) continue;
      value += v;
      if (!isMember[s]) outsideValue += v;
    }
  }
  return { value, total, share: total > 0 ? value / total : null, outsideValue };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
