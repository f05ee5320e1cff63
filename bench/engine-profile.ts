// Per-step timings at one size (wall and CPU): `node bin/tsx.mjs bench/engine-profile.ts 10000 [network] [--no-structure]`.
import { generatePackage } from '../electron/core/catalogue/generate.ts';
import { analyse } from '../shared/engine/analyse.ts';
const size = Number(process.argv[2] ?? 10000);
const network = process.argv[3] && !process.argv[3].startsWith('--') ? process.argv[3] : null;
let t = performance.now();
const pkg = generatePackage({ enterprises: size, seed: 1 });
console.log('generate', (performance.now() - t).toFixed(0), 'ms', pkg.flows!.length, 'flows', pkg.offers!.length, 'offers');
const cpu: Record<string, number> = {};
let c0 = process.cpuUsage();
let last = 'start';
t = performance.now();
const a = analyse(pkg, {
  network,
  solver: null,
  maxSubstitutes: 20,
  structure: !process.argv.includes('--no-structure'),
  onProgress: (_d, _t, label) => {
    const c = process.cpuUsage(c0);
    cpu[last] = (c.user + c.system) / 1000;
    c0 = process.cpuUsage();
    last = label;
  },
});
const wall = performance.now() - t;
const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
console.log('analyse wall', wall.toFixed(0), 'ms', round(a.timings));
console.log('cpu ms by step (label = step that follows)', round(cpu), 'links', a.result.links.length, 'maxRSS MB', (process.resourceUsage().maxRSS / 1024).toFixed(0));
