import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../shared/engine/analyse.ts';
import { haversineKm } from '../../../shared/engine/geo.ts';
import type { LpSolver } from '../../../shared/engine/lp.ts';
import { createHighsSolver } from '../../../electron/core/engine/highs-solver.ts';
import { allCriteria, pkg } from './fixtures.ts';

const run = (p: ReturnType<typeof pkg>, network?: string) => analyse(p, { network, solver: null }).result;
const products = [{ id: 'food' }, { id: 'fruit', parent: 'food' }, { id: 'apple', parent: 'fruit' }, { id: 'pear', parent: 'fruit' }, { id: 'soap' }];

let solver: LpSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

describe('the sales side (ENGINE.md §3.9)', () => {
  // Member co-op m sells apples: to a trader (non-solidarity, outside), to a solidarity shop,
  // and unvalued to another trader. Solidarity buyers elsewhere have room of their own.
  const p = pkg({
    products,
    networks: ['n'],
    enterprises: [
      { id: 'm', solidarity: true, networks: ['n'], lat: 0, lon: 0, criteria: allCriteria(1) },
      { id: 'idle', solidarity: true, networks: ['n'] }, // sells nothing: share null
      { id: 'trader', criteria: allCriteria(0.5) },
      { id: 'trader2' },
      { id: 'shop', solidarity: true, lat: 0, lon: 1, criteria: allCriteria(0.8) },
      { id: 'needs-food', solidarity: true, lat: 0, lon: 0.5, criteria: allCriteria(0.2) },
      { id: 'needs-pear', solidarity: true },
      { id: 'buys-fruit-outside', solidarity: true },
      { id: 'big' },
    ],
    needs: [
      { enterprise: 'needs-food', product: 'food', quantity: 30 }, // broader than apple: room 30 − 5 inflow
      { enterprise: 'needs-pear', product: 'pear', quantity: 50 }, // a sibling: no room for apples
      { enterprise: 'shop', product: 'apple', quantity: 10 }, // already met by m's 12 apples: no room
    ],
    flows: [
      { id: 'f-trader', supplier: 'm', buyer: 'trader', product: 'apple', quantity: 40, value: 400 },
      { id: 'f-shop', supplier: 'm', buyer: 'shop', product: 'apple', quantity: 12, value: 100 },
      { id: 'f-unvalued', supplier: 'm', buyer: 'trader2', product: 'apple' },
      { id: 'f-in-food', supplier: 'shop', buyer: 'needs-food', product: 'apple', quantity: 5, value: 1 },
      { id: 'f-outside', supplier: 'big', buyer: 'buys-fruit-outside', product: 'fruit', quantity: 7, value: 70 },
      { id: 'f-outside-pear', supplier: 'big', buyer: 'buys-fruit-outside', product: 'pear', quantity: 100, value: 70 }, // narrower than apple's ancestors: no room
    ],
  });

  it('gives outlets without alternatives when none are asked for (maxAlternatives 0 once crashed the analysis)', () => {
    const r = analyse(p, { network: 'n', solver: null, maxAlternatives: 0 }).result;
    expect(r.sales.outlets.length).toBeGreaterThan(0);
    for (const o of r.sales.outlets) expect(o.alternatives).toEqual([]);
  });

  it('gives each member its solidarity share of sales, and the value sold outside', () => {
    const s = run(p, 'n').sales;
    expect(s.shares).toEqual({ idle: null, m: 100 / 500 });
    expect(s.value).toBe(400);
    expect(s.total).toBe(500);
    expect(s.share).toBe(0.8);
    expect(s.outsideValue).toBe(400);
  });

  it('ranks outlets (unvalued last, quantity null) with the solidarity buyers that have room', () => {
    const s = run(p, 'n').sales;
    expect(s.outlets.map((o) => [o.flow, o.value, o.priority, o.quantity])).toEqual([
      ['f-trader', 400, 200, 40],
      ['f-unvalued', null, null, null],
    ]);
    const alt = s.outlets[0].alternatives;
    // shop: its apple need is met; needs-food: 30 − 5; buys-fruit-outside: 7 of fruit from big.
    expect(alt.map((a) => [a.enterprise, a.room])).toEqual([
      ['needs-food', 25],
      ['buys-fruit-outside', 7],
    ]);
    expect(alt[0].coverage).toBeCloseTo(25 / 40, 12);
    expect(alt[0].distanceKm).toBeCloseTo(haversineKm(0, 0.5, 0, 0), 9);
    expect(alt[1].distanceKm).toBeNull();
    // Unknown quantity: coverage null.
    expect(s.outlets[1].alternatives.map((a) => a.coverage)).toEqual([null, null]);
  });

  it('answers on an empty scope', () => {
    const empty = pkg({ networks: ['n'], enterprises: [{ id: 'x' }] });
    expect(run(empty, 'n').sales).toEqual({ shares: {}, value: 0, total: 0, share: null, outsideValue: 0, outlets: [] });
  });
});

describe('flows of unknown quantity (spec v1.1 §1, §2, §3.4)', () => {
  const p = pkg({
    products,
    networks: ['n'],
    enterprises: [
      { id: 'b', networks: ['n'], lat: 0, lon: 0 },
      { id: 'bad', lat: 0, lon: 0 },
      { id: 'sol-limited', solidarity: true, lat: 0, lon: 0, criteria: allCriteria(1) },
      { id: 'sol-unlimited', solidarity: true, criteria: allCriteria(0.5) },
      { id: 'other', lat: 0, lon: 0, criteria: allCriteria(0.9) },
    ],
    offers: [
      { enterprise: 'bad', product: 'apple', capacity: 100, price: 2 },
      { enterprise: 'sol-limited', product: 'apple', capacity: 10 },
      { enterprise: 'sol-unlimited', product: 'apple' },
      { enterprise: 'other', product: 'apple', capacity: 1 },
    ],
    needs: [{ id: 'need', enterprise: 'b', product: 'apple', quantity: 20 }],
    flows: [
      { id: 'f-unknown-valued', supplier: 'bad', buyer: 'b', product: 'apple', value: 30 },
      // No quantity and no value: the offer's price cannot value it.
      { id: 'f-unknown', supplier: 'bad', buyer: 'b', product: 'apple' },
      { id: 'f-known', supplier: 'bad', buyer: 'b', product: 'apple', quantity: 4 },
    ],
  });

  it('values them only by their own value and counts them 0 in spare, inflow and gap demand', () => {
    const r = run(p, 'n');
    expect(r.unvalued).toEqual(['f-unknown']);
    expect(r.leakage.total).toBe(38); // 30 + 4 × 2
    // Unmet need: 20 − 4 (the unknown ones count 0).
    const gap = r.gaps.find((g) => g.product === 'apple');
    expect(gap).toBeUndefined(); // supply is unlimited (sol-unlimited)
    const link = r.links.find((l) => l.flow === 'f-unknown-valued')!;
    expect(link.quantity).toBeNull();
    // Coverage null where the spare is limited, 1 where it is unlimited.
    expect(link.substitutes.map((s) => [s.enterprise, s.spare, s.coverage])).toEqual([
      ['sol-limited', 10, null],
      ['sol-unlimited', null, 1],
    ]);
    // Any spare above 0 is enough for the least-bad alternative when the quantity is unknown.
    expect(link.leastBadAlternative?.enterprise).toBe('other');
    const known = r.links.find((l) => l.flow === 'f-known')!;
    expect(known.leastBadAlternative).toBeNull(); // other's spare 1 < 4
    expect(known.substitutes[0].coverage).toBe(1); // spare 10 ≥ 4
  });

  it('is never a plan line', () => {
    const plan = analyse(p, { network: 'n', solver }).result.plan!;
    expect(plan.totalValue).toBeCloseTo(8 + 16 * 2, 9); // f-known (4 × 2) and the need's 16 at the reference price 2
    for (const c of plan.changes) expect(['f-known', 'need']).toContain(c.line);
  });

  it('counts 0 in a spare: the supplier of an unknown quantity keeps its whole capacity', () => {
    const q = pkg({
      products,
      enterprises: [{ id: 'b' }, { id: 's', solidarity: true }, { id: 'x' }],
      offers: [{ enterprise: 's', product: 'apple', capacity: 10 }],
      flows: [
        { id: 'f1', supplier: 's', buyer: 'x', product: 'apple' },
        { id: 'f2', supplier: 'x', buyer: 'b', product: 'apple', quantity: 5, value: 5 },
      ],
    });
    expect(run(q).links.find((l) => l.flow === 'f2')!.substitutes[0].spare).toBe(10);
  });
});

describe('capped lists agree with the full ones', () => {
  it('gives the first k alternatives of the full list, and the members with most units stuck', async () => {
    const { generatePackage } = await import('../../../electron/core/catalogue/generate.ts');
    for (const seed of [1, 2, 3]) {
      const p = generatePackage({ enterprises: 400, seed });
      p.currencies = [{ id: 'x', name: 'X', kind: 'social-currency' }];
      p.enterprises = p.enterprises!.map((e, i) => (i % 2 ? { ...e, currencies: ['x'] } : e));
      const full = analyse(p, { solver: null }).result;
      const cut = analyse(p, { solver: null, maxOutlets: 25, maxAlternatives: 3, maxCurrencyMembers: 5 }).result;
      expect(full.sales.outlets.length).toBeGreaterThan(25);
      expect(cut.sales.outlets.map((o) => o.flow)).toEqual(full.sales.outlets.slice(0, 25).map((o) => o.flow));
      cut.sales.outlets.forEach((o, i) => expect(o.alternatives, `seed ${seed} ${o.flow}`).toEqual(full.sales.outlets[i].alternatives.slice(0, 3)));
      const x = full.currencies.find((c) => c.currency === 'x')!;
      const top = [...x.members].sort((a, b) => b.stuck - a.stuck || b.spend - a.spend || (a.enterprise < b.enterprise ? -1 : 1)).slice(0, 5);
      expect(cut.currencies.find((c) => c.currency === 'x')!.members).toEqual(top.sort((a, b) => (a.enterprise < b.enterprise ? -1 : 1)));
    }
  });
});
