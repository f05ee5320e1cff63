import { describe, expect, it } from 'vitest';
import { analyse } from '../../../shared/engine/analyse.ts';
import { buildModel } from '../../../shared/engine/model.ts';
import { resolveSettings } from '../../../shared/engine/settings.ts';
import { buildPairGraph, chainOf, chainSharesAll } from '../../../shared/engine/shares.ts';
import { seededRandom } from '../../../shared/engine/random.ts';
import { pkg } from './fixtures.ts';

const run = (p: ReturnType<typeof pkg>, network?: string, tiers?: number) => analyse(p, { network, tiers, solver: null }).result;

describe('direct and chain solidarity share', () => {
  it('values a flow from the supplier offer price, and leaves out flows with no value', () => {
    const p = pkg({
      enterprises: [{ id: 'b' }, { id: 's', solidarity: true }, { id: 'n' }, { id: 'u' }],
      products: [{ id: 'x' }, { id: 'y' }],
      offers: [
        { enterprise: 's', product: 'x', price: 2 },
        // n prices y but ships x: no price for exactly that product, so its flow is unvalued.
        { enterprise: 'n', product: 'y', price: 5 },
      ],
      flows: [
        { supplier: 's', buyer: 'b', product: 'x', quantity: 10 }, // f1: 10 × 2 = 20
        { supplier: 'n', buyer: 'b', product: 'x', quantity: 3 }, // f2: unknown
        { id: 'given', supplier: 'u', buyer: 'b', product: 'x', quantity: 1, value: 60 },
      ],
    });
    const r = run(p);
    expect(r.unvalued).toEqual(['f2']);
    expect(r.directShare.b).toBeCloseTo(20 / 80, 12);
    expect(r.leakage).toEqual({ value: 60, total: 80, share: 0.75, outsideValue: 0 });
    // Unvalued link comes last with null value and priority.
    expect(r.links.map((l) => [l.flow, l.value, l.priority])).toEqual([
      ['given', 60, 60],
      ['f2', null, null],
    ]);
  });

  it('follows money around a cycle, bounded by the tiers', () => {
    // a buys 100 from b (solidarity); b buys 50 from a (not). out(a) = 50, out(b) = 100.
    const p = pkg({
      enterprises: [{ id: 'a' }, { id: 'b', solidarity: true }],
      products: [{ id: 'x' }],
      flows: [
        { supplier: 'b', buyer: 'a', product: 'x', quantity: 1, value: 100 },
        { supplier: 'a', buyer: 'b', product: 'x', quantity: 1, value: 50 },
      ],
    });
    // Chain of a: θ1 = {b: 100}; θ2(a) = 100 · 50/100 = 50; θ3(b) = 50 · 100/50 = 100; …
    // tiers 1..T alternate b 100, a 50. T = 1: 1; T = 2: 100/150; T = 3: 200/250.
    expect(run(p, undefined, 1).chainShare.a).toBeCloseTo(1, 12);
    expect(run(p, undefined, 2).chainShare.a).toBeCloseTo(100 / 150, 12);
    expect(run(p, undefined, 3).chainShare.a).toBeCloseTo(200 / 250, 12);
    // Default 6 tiers: b 3 × 100, a 3 × 50.
    expect(run(p).chainShare.a).toBeCloseTo(300 / 450, 12);
    // Chain of b: θ1 = {a: 50}; θ2(b) = 50 · 100/50 = 100; alternating a 50, b 100.
    expect(run(p).chainShare.b).toBeCloseTo(300 / 450, 12);
  });

  it('gives the same chain share from the all-buyers backward sweep and the one-buyer forward walk', () => {
    const rnd = seededRandom(7);
    const n = 40;
    const enterprises = Array.from({ length: n }, (_, i) => ({ id: `e${String(i).padStart(2, '0')}`, solidarity: rnd() < 0.4 }));
    const flows = Array.from({ length: 160 }, () => {
      const s = Math.floor(rnd() * n);
      let b = Math.floor(rnd() * n);
      if (b === s) b = (b + 1) % n;
      return { supplier: enterprises[s].id, buyer: enterprises[b].id, product: 'x', quantity: 1, value: Math.round(rnd() * 1000) };
    });
    const p = pkg({ enterprises, products: [{ id: 'x' }], flows });
    for (const tiers of [1, 3, 6, 9]) {
      const m = buildModel(p, resolveSettings({ tiers }));
      const g = buildPairGraph(m);
      const all = chainSharesAll(m, g, tiers);
      for (let b = 0; b < n; b++) {
        const one = chainOf(m, g, b, tiers).share;
        if (one === null) expect(all[b]).toBeNull();
        else expect(all[b]).toBeCloseTo(one, 10);
      }
    }
  });

  it('is null where there is no valued inflow', () => {
    const r = run(pkg({ enterprises: [{ id: 'a' }, { id: 'b' }], products: [{ id: 'x' }], flows: [{ supplier: 'a', buyer: 'b', product: 'x', quantity: 5 }] }));
    expect(r.directShare).toEqual({ a: null, b: null });
    expect(r.chainShare).toEqual({ a: null, b: null });
    expect(r.leakage.share).toBeNull();
  });
});
