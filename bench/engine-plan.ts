// The re-sourcing plan (ENGINE.md §3.6, a lexicographic LP) against a greedy pass on the same
// scope: every non-solidarity link, biggest-worst first (the order Teia ranks them), moves what
// it can to its substitutes, best first, within their spare capacity. Time ratio, and how much
// solidarity value greedy leaves on the table. Under `npm run bench`: 50,000 enterprises,
// network rede-mg (5,000 with --quick). Alone, with per-stage LP sizes:
// `node bin/tsx.mjs bench/engine-plan.ts [enterprises] [network]`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatePackage } from '../electron/core/catalogue/generate.ts';
import { analyse } from '../shared/engine/analyse.ts';
import type { LpSolver } from '../shared/engine/lp.ts';
import type { Link } from '../shared/engine/types.ts';
import { createHighsSolver } from '../electron/core/engine/highs-solver.ts';
import { cpuMs, fmtMs, fmtRatio, peakRssMb, report, size, type DetailRow } from './report.ts';

/** Solidarity value greedy moves onto solidarity substitutes; offers' spare is shared by all links. */
export function greedy(links: Link[]): { moved: number; changes: number } {
  const spare = new Map<string, number>();
  let moved = 0;
  let changes = 0;
  for (const link of links) {
    if (link.value === null || link.quantity === null || !(link.quantity > 0)) continue;
    const unit = link.value / link.quantity;
    let left = link.quantity;
    for (const s of link.substitutes) {
      if (left <= 0) break;
      const key = `${s.enterprise}\u0000${s.product}`;
      const room = spare.get(key) ?? s.spare ?? Infinity;
      const take = Math.min(left, room);
      if (!(take > 0)) continue;
      spare.set(key, room - take);
      left -= take;
      moved += take * unit;
      changes++;
    }
  }
  return { moved, changes };
}

export async function run(enterprises = size(50_000, 5_000), network = 'rede-mg', log = false): Promise<DetailRow[]> {
  const pkg = generatePackage({ enterprises, seed: 1 });
  const highs = await createHighsSolver();
  const stages: string[] = [];
  const solver: LpSolver = {
    solve(p) {
      const w = performance.now();
      const r = highs.solve(p);
      stages.push(`${p.numCols} columns, ${p.numRows} rows, ${p.rowStart[p.numRows]} nonzeros: ${fmtMs(performance.now() - w)} ${r.status}`);
      return r;
    },
  };
  // The LP: Teia's own plan step (its option search and solves), in CPU time.
  let c = cpuMs();
  const lp = analyse(pkg, { network, solver, maxLinks: 0 });
  const lpCpuTotal = cpuMs() - c;
  const plan = lp.result.plan!;
  // Greedy: its inputs are every link with every substitute (Teia's links step), then the pass.
  c = cpuMs();
  const withLinks = analyse(pkg, { network, solver: null });
  const linksCpu = cpuMs() - c;
  c = cpuMs();
  const g = greedy(withLinks.result.links);
  const passCpu = cpuMs() - c;
  const greedyAfter = plan.solidarityValueBefore + g.moved;
  const lpGain = plan.solidarityValueAfter - plan.solidarityValueBefore;
  const left = plan.solidarityValueAfter - greedyAfter;
  const lpPlanMs = lp.timings.plan;
  const greedyMs = withLinks.timings.links + passCpu;
  if (log) for (const s of stages) console.log(`  LP stage: ${s}`);
  report({
    name: `re-sourcing plan, ${network} of ${enterprises.toLocaleString('en')} enterprises (${lp.members.length.toLocaleString('en')} members)`,
    teia: `LP ${fmtMs(lpPlanMs)}: solidarity value +${Math.round(lpGain).toLocaleString('en')}`,
    peer: `greedy ${fmtMs(greedyMs)} (links step + pass): +${Math.round(g.moved).toLocaleString('en')}`,
    ratio: `${fmtRatio(lpPlanMs / greedyMs)} the time; greedy leaves ${Math.round(left).toLocaleString('en')} (${lpGain > 0 ? ((left / lpGain) * 100).toFixed(1) : '0'}% of the LP's gain)`,
    target: 'report both; LP never worse',
    memory: `peak ${peakRssMb()} MB (both, one process)`,
    met: greedyAfter <= plan.solidarityValueAfter + 1e-6 * Math.max(1, plan.solidarityValueAfter),
  });
  return [
    { name: 'members / links / plan changes', value: `${lp.members.length} / ${withLinks.linkTotal} / ${plan.changes.length}`, unit: '' },
    { name: 'solidarity value before', value: Math.round(plan.solidarityValueBefore), unit: '' },
    { name: 'solidarity value after, LP', value: Math.round(plan.solidarityValueAfter), unit: '' },
    { name: 'solidarity value after, greedy (links only; unmet needs stay unmet)', value: Math.round(greedyAfter), unit: '' },
    { name: 'LP plan step wall / whole analysis with plan CPU', value: `${fmtMs(lpPlanMs)} / ${fmtMs(lpCpuTotal)}`, unit: '' },
    { name: 'greedy: links step wall, pass CPU, whole analysis CPU', value: `${fmtMs(withLinks.timings.links)}, ${fmtMs(passCpu)}, ${fmtMs(linksCpu)}`, unit: '' },
    { name: 'greedy moves', value: g.changes, unit: '' },
    ...stages.map((s, i) => ({ name: `LP stage ${i + 1}`, value: s, unit: '' })),
  ];
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const n = Number(process.argv[2]);
  const rows = await run(Number.isInteger(n) && n > 0 ? n : undefined, process.argv[3] ?? 'rede-mg', true);
  for (const r of rows) console.log(`${r.name.padEnd(60)} ${r.value}`);
}
