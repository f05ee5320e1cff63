// Engine benchmark: `node bin/tsx.mjs bench/engine.ts [--sizes 5000,10000,20000,50000] [--plan-network ID]`;
// under `npm run bench`, run() measures the whole analysis at 50,000 enterprises / 500,000 flows
// (5,000 with --quick) against graphology used plainly on the same graph.
// Packages come from `teia generate`'s generator (seed 1, 10 flows per enterprise). Each size
// runs in its own child process, so peak memory (maxRSS) belongs to that size alone. Times are
// wall clock and CPU (user+system): on a shared machine the CPU time is the steadier figure.
// Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { generatePackage } from '../electron/core/catalogue/generate.ts';
import { analyse, type Analysis } from '../shared/engine/analyse.ts';
import { buildPairGraph, chainOf } from '../shared/engine/shares.ts';
import { createHighsSolver } from '../electron/core/engine/highs-solver.ts';
import { cpuMs, fmtMs, fmtRatio, report, size, versionOf, type DetailRow } from './report.ts';

const self = fileURLToPath(import.meta.url);
const tsx = path.resolve(path.dirname(self), '../bin/tsx.mjs');

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


/** A positive whole number, or a clear error naming the option. */
function count(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} wants a positive whole number, not "${text}"`);
  return n;
}

function inChild(args: string[], timeoutMs?: number) {
  return spawnSync(process.execPath, ['--max-old-space-size=6144', tsx, self, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: timeoutMs, killSignal: 'SIGKILL' });
}

/**
 * The peer: what someone would write with graphology and its libraries, used as their
 * documentation shows, over the same catalogue: one DirectedGraph (a node per enterprise, an
 * edge per trading pair weighted by value), direct solidarity shares by iterating in-edges,
 * graphology-communities-louvain with its defaults, and graphology-metrics' betweenness
 * (unweighted, getEdgeWeight: null, the figure Teia computes). Each step prints a JSON line as it
 * ends, so a bound on the whole still tells how far it got.
 */
function peer(n: number): void {
  const pkg = generatePackage({ enterprises: n, seed: 1 });
  const c0 = cpuMs();
  const w0 = performance.now();
  const step = (name: string) => process.stdout.write(JSON.stringify({ step: name, cpu: cpuMs() - c0, wall: performance.now() - w0, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  const g = new DirectedGraph<{ solidarity: boolean }, { weight: number }>();
  for (const e of pkg.enterprises ?? []) g.addNode(e.id, { solidarity: !!e.solidarity });
  for (const f of pkg.flows ?? []) {
    const [edge] = g.mergeEdge(f.supplier, f.buyer);
    g.updateEdgeAttribute(edge, 'weight', (w) => (w ?? 0) + (f.value ?? 0));
  }
  step('graph');
  const share: Record<string, number | null> = {};
  g.forEachNode((node) => {
    let sol = 0;
    let all = 0;
    g.forEachInEdge(node, (_e, attr, source) => {
      all += attr.weight;
      if (g.getNodeAttribute(source, 'solidarity')) sol += attr.weight;
    });
    share[node] = all > 0 ? sol / all : null;
  });
  step('shares');
  louvain(g);
  step('louvain');
  betweennessCentrality(g, { getEdgeWeight: null, normalized: true });
  step('betweenness');
}

interface PeerStep {
  step: string;
  cpu: number;
  wall: number;
  maxRssMb: number;
}

/** `npm run bench`: Teia's whole analysis against the plain graphology use, same graph, same run. */
export async function run(): Promise<DetailRow[]> {
  const n = size(50_000, 5_000);
  const boundMs = size(180_000, 60_000);
  const t = inChild(['--child', String(n)]);
  if (t.status !== 0) throw new Error(`engine child for ${n} failed:\n${t.stderr}`);
  const teia = JSON.parse(t.stdout.trim().split('\n').at(-1)!) as Row;
  const p = inChild(['--peer', String(n)], boundMs);
  const steps = p.stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as PeerStep);
  const finished = steps.at(-1)?.step === 'betweenness';
  if (!finished && !p.error && p.signal !== 'SIGKILL') throw new Error(`engine peer for ${n} failed:\n${p.stderr}`);
  const last = steps.at(-1);
  const peerCpu = finished ? last!.cpu : boundMs;
  const [gv, lv] = await Promise.all([versionOf('graphology'), versionOf('graphology-communities-louvain')]);
  const mv = await versionOf('graphology-metrics');
  const s = teia.ui.steps;
  const louvainStep = steps.find((x) => x.step === 'louvain');
  const sharesStep = steps.find((x) => x.step === 'shares');
  const label = `${n.toLocaleString('en')} enterprises / ${teia.flows.toLocaleString('en')} flows`;
  report({
    name: `whole analysis, ${label} (CPU time)`,
    teia: `${fmtMs(teia.ui.cpu)} (every figure: shares, links, gaps, circuits, communities, sampled betweenness; wall ${fmtMs(teia.ui.wall)})`,
    peer: finished
      ? `${fmtMs(peerCpu)} (graphology ${gv}: graph, direct shares, louvain ${lv}, exact betweenness ${mv}; wall ${fmtMs(last!.wall)})`
      : `> ${fmtMs(boundMs)}: stopped at the bound in exact betweenness (graphology-metrics ${mv}); graph + shares + louvain ${lv} took ${fmtMs(louvainStep?.cpu ?? NaN)}`,
    ratio: `${finished ? '' : '> '}${fmtRatio(peerCpu / teia.ui.cpu)} faster`,
    target: 'faster',
    memory: `Teia peak ${teia.maxRssMb.toFixed(0)} MB, graphology peak ${last ? last.maxRssMb.toFixed(0) : '?'} MB`,
    met: peerCpu > teia.ui.cpu,
  });
  return [
    { name: `Teia analysis wall / CPU (${label})`, value: `${fmtMs(teia.ui.wall)} / ${fmtMs(teia.ui.cpu)}`, unit: '' },
    ...Object.entries(s).map(([k, v]) => ({ name: `  step ${k} (wall)`, value: fmtMs(v), unit: '' })),
    { name: 'Teia every link with alternatives (wall / CPU)', value: `${fmtMs(teia.allLinks.wall)} / ${fmtMs(teia.allLinks.cpu)}`, unit: '' },
    { name: 'Teia chain share of one enterprise, 6 tiers (wall / CPU)', value: `${fmtMs(teia.chain.wall)} / ${fmtMs(teia.chain.cpu)}`, unit: '' },
    ...steps.map((x, i) => ({ name: `graphology step ${x.step} (cumulative CPU)`, value: fmtMs(x.cpu), unit: '', target: i === 0 ? '' : '' })),
    ...(finished ? [] : [{ name: `graphology stopped at the bound (${fmtMs(boundMs)}) during`, value: steps.length ? ['shares', 'louvain', 'betweenness'][steps.length - 1] : 'graph', unit: '' }]),
    { name: 'direct shares: graphology CPU / Teia shares step wall (with chain shares)', value: `${fmtMs((sharesStep?.cpu ?? NaN) - (steps[0]?.cpu ?? NaN))} / ${fmtMs(s.shares)}`, unit: '' },
  ];
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const { values } = parseArgs({ options: { child: { type: 'string' }, peer: { type: 'string' }, sizes: { type: 'string' }, 'plan-network': { type: 'string' } } });
  if (values.child) {
    const row = await one(count('child', values.child), values['plan-network']);
    process.stdout.write(JSON.stringify(row) + '\n');
  } else if (values.peer) {
    peer(count('peer', values.peer));
  } else {
    const sizes = (values.sizes ?? '5000,10000,20000,50000').split(',').map((x) => count('sizes', x));
    const planNetwork = values['plan-network'] ?? 'rede-mg';
    const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`Engine benchmark — ${os.cpus().length} CPUs, load average at start ${load()}`);
    const rows: Row[] = [];
    for (const n of sizes) {
      const r = inChild(['--child', String(n), ...(n === Math.max(...sizes) ? ['--plan-network', planNetwork] : [])]);
      if (r.status !== 0) {
        process.stderr.write(r.stderr);
        process.exit(1);
      }
      rows.push(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Row);
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
}
