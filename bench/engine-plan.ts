// The plan alone on one network of a generated package, with LP sizes and per-stage solver
// times: `node bin/tsx.mjs bench/engine-plan.ts 50000 rede-mg`.
import { generatePackage } from '../electron/core/catalogue/generate.ts';
import { analyse } from '../shared/engine/analyse.ts';
import type { LpSolver } from '../shared/engine/lp.ts';
import { createHighsSolver } from '../electron/core/engine/highs-solver.ts';
const size = Number(process.argv[2] ?? 50000);
const network = process.argv[3] ?? 'rede-mg';
const pkg = generatePackage({ enterprises: size, seed: 1 });
const highs = await createHighsSolver();
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const solver: LpSolver = {
  solve(p) {
    const c = cpu();
    const w = performance.now();
    const r = highs.solve(p);
    console.log(`  stage: ${p.numCols} columns, ${p.numRows} rows, ${p.rowStart[p.numRows]} nonzeros: ${(performance.now() - w).toFixed(0)} ms wall, ${(cpu() - c).toFixed(0)} ms cpu, ${r.status}`);
    return r;
  },
};
const c0 = cpu();
const a = analyse(pkg, { network, solver, maxLinks: 0 });
console.log(`${network}: ${a.result.scope.members.length} members; timings`, Object.fromEntries(Object.entries(a.timings).map(([k, v]) => [k, Math.round(v)])), 'cpu', (cpu() - c0).toFixed(0), 'changes', a.result.plan!.changes.length);
