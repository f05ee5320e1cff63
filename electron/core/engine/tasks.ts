import type { TeiaPackage } from '../../../shared/domain/package.ts';
import type { AnalyseOutput, CompareOutput } from '../../../shared/contract/engine.ts';
import type { MethodOutput } from '../../../shared/contract/index.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { analyse } from '../../../shared/engine/analyse.ts';
import { explainGap, explainLink } from '../../../shared/engine/explain.ts';
import { chainOf, directShare } from '../../../shared/engine/shares.ts';
import { buildModel, cmpId, type EngineModel } from '../../../shared/engine/model.ts';
import { buildPairGraph, type PairGraph } from '../../../shared/engine/shares.ts';
import { compareScenario } from '../../../shared/engine/scenario.ts';
import { resolveSettings, type EngineSettings, type EngineSettingsInput } from '../../../shared/engine/settings.ts';
import type { PlanChange } from '../../../shared/engine/types.ts';
import { createHighsSolver } from './highs-solver.ts';
import { checkAcceptances, type AcceptanceChange } from '../../../shared/engine/currency-scenario.ts';
import { shopPayable } from '../../../shared/engine/currency-purchases.ts';
import { scopeMembers } from '../../../shared/engine/analyse.ts';

/**
 * The engine's jobs as plain functions of (package, input): the worker runs them, and tests
 * may call them directly. Settings arrive already merged with any saved profile.
 */
export type EngineTask =
  | {
      kind: 'analyse';
      network: string | null;
      settings: EngineSettingsInput;
      plan: boolean;
      limits: { links: number; substitutes: number; explain: number };
    }
  | { kind: 'chain'; enterprise: string; settings: EngineSettingsInput }
  | { kind: 'compare'; network: string | null; settings: EngineSettingsInput; changes: PlanChange[]; acceptances?: AcceptanceChange[] }
  | { kind: 'payable'; enterprise: string; network: string | null };

export type Progress = (done: number, total: number, label: string) => void;

export async function runTask(task: EngineTask, pkg: TeiaPackage, progress: Progress): Promise<unknown> {
  switch (task.kind) {
    case 'analyse':
      return analyseTask(task, pkg, progress);
    case 'chain':
      return chainTask(task, pkg);
    case 'compare': {
      // The catalogue may have changed since the scenario was saved: say what no longer fits.
      const problems = checkAcceptances(pkg, task.acceptances ?? []);
      if (problems.length) throw new TeiaError('invalid-input', [...new Set(problems)].slice(0, 5).join(' '));
      progress(0, 1, 'Comparing before and after');
      return compareScenario(pkg, task.changes, { network: task.network, settings: task.settings, acceptances: task.acceptances }) satisfies CompareOutput;
    }
    case 'payable':
      return payableTask(task, pkg);
  }
}

async function analyseTask(task: Extract<EngineTask, { kind: 'analyse' }>, pkg: TeiaPackage, progress: Progress): Promise<AnalyseOutput> {
  const solver = task.plan ? await createHighsSolver() : null;
  const a = analyse(pkg, {
    network: task.network,
    settings: task.settings,
    solver,
    maxSubstitutes: task.limits.substitutes,
    maxLinks: task.limits.links,
    maxOutlets: task.limits.links,
    maxAlternatives: task.limits.substitutes,
    maxCurrencyMembers: task.limits.links,
    structure: true,
    onProgress: progress,
  });
  const r = a.result;
  const totals = { links: a.linkTotal, gaps: r.gaps.length, changes: r.plan?.changes.length ?? 0, members: r.scope.members.length, outlets: a.outletTotal };
  const explanations = {
    links: r.links.slice(0, task.limits.explain).map((_, i) => explainLink(a, i)),
    gaps: r.gaps.slice(0, task.limits.explain).map((g) => explainGap(a, g.product)),
  };
  return {
    result: r,
    totals,
    structure: a.structure!,
    explanations,
    settings: a.model.settings,
    timings: a.timings,
  };
}

/**
 * The indexed model and pair graph of a package, kept per settings while the worker keeps the
 * package (it swaps in a new package object when the catalogue changes), so that asking for
 * one enterprise after another costs the walk only, not the indexing.
 */
const models = new WeakMap<TeiaPackage, Map<string, { m: EngineModel; g: PairGraph }>>();

function modelFor(pkg: TeiaPackage, settings: EngineSettings): { m: EngineModel; g: PairGraph } {
  let bySettings = models.get(pkg);
  if (!bySettings) models.set(pkg, (bySettings = new Map()));
  const key = JSON.stringify(settings);
  let hit = bySettings.get(key);
  if (!hit) {
    const m = buildModel(pkg, settings);
    hit = { m, g: buildPairGraph(m) };
    if (bySettings.size >= 4) bySettings.clear();
    bySettings.set(key, hit);
  }
  return hit;
}

function chainTask(task: Extract<EngineTask, { kind: 'chain' }>, pkg: TeiaPackage): MethodOutput<'engine-chain'> {
  const settings = resolveSettings(task.settings);
  const { m, g } = modelFor(pkg, settings);
  const e = m.ent.index.get(task.enterprise);
  if (e === undefined || !m.ent.listed[e]) throw new TeiaError('not-found', `There is no enterprise "${task.enterprise}" in this catalogue.`, undefined, { key: 'enterprise-not-found', args: { id: task.enterprise } });
  const chain = chainOf(m, g, e, settings.tiers);
  const suppliers = [];
  for (let p = g.start[e]; p < g.start[e + 1]; p++) suppliers.push({ enterprise: m.ent.ids[g.src[p]], value: g.val[p], solidarity: m.ent.solidarity[g.src[p]] === 1 });
  suppliers.sort((a, b) => b.value - a.value || cmpId(a.enterprise, b.enterprise));
  return {
    enterprise: task.enterprise,
    solidarity: m.ent.solidarity[e] === 1,
    directShare: directShare(m, e),
    chainShare: chain.share,
    tiers: chain.tiers,
    top: chain.top.map((t) => ({ enterprise: m.ent.ids[t.enterprise], value: t.value, solidarity: m.ent.solidarity[t.enterprise] === 1 })),
    suppliers,
    settings,
  };
}

function payableTask(task: Extract<EngineTask, { kind: 'payable' }>, pkg: TeiaPackage): MethodOutput<'engine-payable'> {
  // Acceptances do not depend on the engine settings: the default model serves.
  const { m } = modelFor(pkg, resolveSettings({}));
  const e = m.ent.index.get(task.enterprise);
  if (e === undefined || !m.ent.listed[e]) throw new TeiaError('not-found', `There is no enterprise "${task.enterprise}" in this catalogue.`);
  const isMember = new Uint8Array(m.ent.ids.length);
  for (const b of scopeMembers(pkg, m, task.network)) isMember[b] = 1;
  return shopPayable(pkg, m, e, isMember);
}
