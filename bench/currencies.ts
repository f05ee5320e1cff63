// Currency figures at scale (ENGINE.md §3.8; issue 13 §4): `node bin/tsx.mjs bench/currencies.ts
// [--enterprises 100000]`. The generator's package (seed 1, ~10 flows per enterprise, so a
// million flows at 100,000 enterprises) with five currencies defined, one of each kind plus a
// second voucher, accepted by a third of the enterprises in every form §3.8 allows (a plain
// id, a share, a product limit, both). It times what the currencies add to engine-analyse:
// the currency step itself, over the indexed model engine-analyse builds anyway, and the
// sales side (§3.9) with the app's limits. Self-contained: its own rows, nothing shared.
import { generatePackage } from '../electron/core/catalogue/generate.ts';
import type { Acceptance, Currency, TeiaPackage } from '../shared/domain/package.ts';
import { buildModel, cmpId } from '../shared/engine/model.ts';
import { resolveSettings } from '../shared/engine/settings.ts';
import { buildCurrencyIndex, currencyFigures } from '../shared/engine/currencies.ts';
import { salesSide } from '../shared/engine/sales.ts';
import { seededRandom } from '../shared/engine/random.ts';

interface Row {
  name: string;
  value: number | string;
  unit: string;
  target?: string;
}

const args = process.argv.slice(2);
const sizeArg = args.indexOf('--enterprises');
const size = sizeArg >= 0 ? Number(args[sizeArg + 1]) : 100_000;

function withCurrencies(pkg: TeiaPackage): TeiaPackage {
  const rand = seededRandom(13);
  // Two top-level sectors of the generated taxonomy serve as the vouchers' products.
  const roots = (pkg.products ?? []).filter((p) => !p.parent).map((p) => p.id);
  const leaves = (pkg.products ?? []).filter((p) => p.unit).map((p) => p.id);
  const currencies: Currency[] = [
    { id: 'sampa', name: 'Sampa', kind: 'social-currency', rate: 1, backing: 'full-reserve' },
    { id: 'credito', name: 'Crédito', kind: 'mutual-credit', backing: 'none' },
    { id: 'horas', name: 'Horas', kind: 'time-credits', unit: 'h' },
    { id: 'vale-a', name: 'Vale A', kind: 'voucher', products: [roots[0]] },
    { id: 'vale-b', name: 'Vale B', kind: 'voucher', products: roots.slice(1, 3) },
  ];
  const forms = (c: string): Acceptance => {
    const r = rand();
    if (r < 0.25) return c;
    if (r < 0.5) return { currency: c, share: Math.round((0.1 + rand() * 0.9) * 100) / 100 };
    if (r < 0.75) return { currency: c, products: [leaves[Math.floor(rand() * leaves.length)]] };
    return { currency: c, share: 0.5, products: [roots[Math.floor(rand() * roots.length)]] };
  };
  const enterprises = (pkg.enterprises ?? []).map((e) => {
    if (rand() > 1 / 3) {
      const { currencies: _generated, ...rest } = e;
      return rest;
    }
    const accepted = currencies.filter(() => rand() < 0.5).map((c) => forms(c.id));
    // Only these five: the generator's own per-state currencies are left out.
    const { currencies: _generated, ...rest } = e;
    return accepted.length ? { ...rest, currencies: accepted } : rest;
  });
  return { ...pkg, enterprises, currencies };
}

const ms = (t: number) => Math.round(t);

export async function run(): Promise<Row[]> {
  const pkg = withCurrencies(generatePackage({ enterprises: size, seed: 1 }));
  const flows = pkg.flows?.length ?? 0;
  const m = buildModel(pkg, resolveSettings(undefined));
  // The scope engine-analyse uses without a network: every enterprise.
  const members = m.ent.ids.map((_, i) => i).filter((i) => m.ent.listed[i]).sort((a, b) => cmpId(m.ent.ids[a], m.ent.ids[b]));
  const isMember = new Uint8Array(m.ent.ids.length);
  for (const b of members) isMember[b] = 1;
  const cpu0 = process.cpuUsage();
  let t = performance.now();
  const figures = currencyFigures(m, buildCurrencyIndex(pkg, m), members, isMember);
  const currencyWall = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  t = performance.now();
  const { total: outlets } = salesSide(m, members, isMember, { maxOutlets: 1000, maxAlternatives: 20 });
  const salesWall = performance.now() - t;
  const acceptors = figures.reduce((s, c) => s + c.acceptors.length, 0);
  console.log(
    `currencies: ${size} enterprises, ${flows} flows, ${figures.length} currencies (${acceptors} acceptances): ${ms(currencyWall)} ms wall, ${ms((cpu.user + cpu.system) / 1000)} ms CPU; sales side ${ms(salesWall)} ms (${outlets} outlets)`,
  );
  return [
    { name: `currency figures, ${size} enterprises / ${flows} flows / ${figures.length} currencies`, value: ms(currencyWall), unit: 'ms', target: '< 1000 ms' },
    { name: 'currency figures, CPU', value: ms((cpu.user + cpu.system) / 1000), unit: 'ms' },
    { name: `sales side (${outlets} outlets; first 1,000 with 20 alternatives)`, value: ms(salesWall), unit: 'ms' },
    { name: 'peak memory (whole bench)', value: Math.round(process.resourceUsage().maxRSS / 1024), unit: 'MB' },
  ];
}

// Run directly (not through bench/index.ts): print the rows.
if (process.argv[1]?.endsWith('currencies.ts') && !process.argv.includes('--child')) {
  for (const r of await run()) console.log(`${r.name}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
}
