// Engine benchmark: `node bin/tsx.mjs bench/engine.ts [--sizes 5000,10000,20000,50000] [--plan-network ID]`.
// Packages come from `teia generate`'s generator (seed 1, 10 flows per enterprise). Each size
// runs in its own child process, so peak memory (maxRSS) belongs to that size alone. Times are
// wall clock and CPU (user+system): on a shared machine the CPU time is the steadier figure.
// Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePackage } from '../electron/core/catalogue/generate.ts';
import { analyse, type Analysis } from '../shared/engine/analyse.ts';
import { buildPairGraph, chainOf } from '../shared/engine/shares.ts';
import { createHighsSolver } from '../electron/core/engine/highs-solver.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

interface Timed {
  wall: number;
  cpu: number;
}
interface Row {
  enterprises: number;
  flows: number;
  links: number;
  ui: Timed & { steps: Record<string, number> };
  allLinks: Timed;
  chain: Timed;
  maxRssMb: number;
  plan?: { network: string; members: number; lines: number; changes: number; columnsNote: string } & Timed;
}

function timed<T>(fn: () => T): [T, Timed] {
  const c = cpuMs();
  const w = performance.now();
  const v = fn();
  return [v, { wall: performance.now() - w, cpu: cpuMs() - c }];
}

async function one(size: number, planNetwork: string | undefined): Promise<Row> {
  const pkg = generatePackage({ enterprises: size, seed: 1 });
  // What the app's engine-analyse does by default: every figure over every member, links
  // ranked in full, alternatives for the first 1,000 (20 substitutes each), structure.
  const [ui, uiT] = timed(() => analyse(pkg, { network: null, solver: null, maxLinks: 1000, maxSubstitutes: 20, structure: true }));
  // Every link with its alternatives (substitutes capped at 20; uncapped they run to
  // hundreds per link at this density).
  const [, allT] = timed(() => analyse(pkg, { network: null, solver: null, maxSubstitutes: 20 }));
  // Chain share of one enterprise at 6 tiers, on the model a worker keeps.
  const m = ui.model;
  const g = buildPairGraph(m);
  const picks = Array.from({ length: 50 }, (_, i) => Math.floor(((i + 0.5) / 50) * m.ent.ids.length));
  const [, chainT] = timed(() => picks.forEach((e) => chainOf(m, g, e, 6)));
  const row: Row = {
    enterprises: size,
    flows: pkg.flows!.length,
    links: ui.linkTotal,
    ui: { ...uiT, steps: ui.timings },
    allLinks: allT,
    chain: { wall: chainT.wall / picks.length, cpu: chainT.cpu / picks.length },
    maxRssMb: 0,
  };
  if (planNetwork) {
    const solver = await createHighsSolver();
    const [pa, planT] = timed(() => analyse(pkg, { network: planNetwork, solver, maxLinks: 0 }));
    row.plan = { network: planNetwork, members: pa.result.scope.members.length, lines: demandLineCount(pa), changes: pa.result.plan!.changes.length, columnsNote: '', ...planT, wall: pa.timings.plan };
  }
  row.maxRssMb = process.resourceUsage().maxRSS / 1024;
  return row;
}

function demandLineCount(a: Analysis): number {
  const m = a.model;
  const member = new Uint8Array(m.ent.ids.length);
  for (const b of a.members) member[b] = 1;
  let n = 0;
  for (const b of a.members) for (const f of m.flows.into[b]) if (!Number.isNaN(m.flows.value[f])) n++;
  for (let i = 0; i < m.needs.ids.length; i++) if (member[m.needs.enterprise[i]]) n++;
  return n;
}

if (opt('child')) {
  const row = await one(Number(opt('child')), opt('plan-network'));
  process.stdout.write(JSON.stringify(row) + '\n');
} else {
  const sizes = (opt('sizes') ?? '5000,10000,20000,50000').split(',').map(Number);
  const planNetwork = opt('plan-network') ?? 'rede-mg';
  const self = fileURLToPath(import.meta.url);
  const tsx = path.resolve(path.dirname(self), '../bin/tsx.mjs');
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`Engine benchmark — ${os.cpus().length} CPUs, load average at start ${load()}`);
  const rows: Row[] = [];
  for (const size of sizes) {
    const extra = size === Math.max(...sizes) ? ['--plan-network', planNetwork] : [];
    const r = spawnSync(process.execPath, ['--max-old-space-size=6144', tsx, self, '--child', String(size), ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      process.exit(1);
    }
    rows.push(JSON.parse(r.stdout.trim().split('\n').at(-1)!));
  }
  const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(7);
  console.log('\nWhole-catalogue analysis without the plan (wall ms; CPU ms in the "cpu" columns)');
  console.log('enterpr.   flows   links |  model shares  links   gaps circuit struct |   wall    cpu | all links wall/cpu | chain(1, 6 tiers) wall/cpu | maxRSS MB');
  for (const r of rows) {
    const s = r.ui.steps;
    console.log(
      `${String(r.enterprises).padStart(8)} ${String(r.flows).padStart(7)} ${String(r.links).padStart(7)} |${ms(s.model)}${ms(s.shares)}${ms(s.links)}${ms(s.gaps)}${ms(s.circuits)}${ms(s.structure)} |${ms(r.ui.wall)}${ms(r.ui.cpu)} | ${ms(r.allLinks.wall)}${ms(r.allLinks.cpu)}    | ${ms(r.chain.wall)}${ms(r.chain.cpu)}              | ${r.maxRssMb.toFixed(0).padStart(7)}`,
    );
  }
  for (const r of rows) {
    if (!r.plan) continue;
    console.log(
      `\nPlan for network ${r.plan.network} of the ${r.enterprises}-enterprise package: ${r.plan.members} members, ${r.plan.lines} demand lines, ${r.plan.changes} changes; plan step ${r.plan.wall.toFixed(0)} ms wall (whole analysis of that scope ${r.plan.cpu.toFixed(0)} ms CPU)`,
    );
  }
  console.log(`\nLoad average at end ${load()}`);
}
