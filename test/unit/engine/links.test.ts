import { describe, expect, it } from 'vitest';
import { analyse } from '../../../shared/engine/analyse.ts';
import { haversineKm } from '../../../shared/engine/geo.ts';
import { allCriteria, pkg } from './fixtures.ts';

const run = (p: ReturnType<typeof pkg>, network?: string) => analyse(p, { network, solver: null }).result;

// A taxonomy food > fruit > (apple, pear); buyer b in network n buys fruit from a non-solidarity supplier.
const products = [{ id: 'food' }, { id: 'fruit', parent: 'food' }, { id: 'apple', parent: 'fruit' }, { id: 'pear', parent: 'fruit' }];

describe('non-solidarity links, substitutes and the least-bad alternative', () => {
  it('covers a demand by the product or a descendant, never an ancestor or a sibling', () => {
    const p = pkg({
      products,
      enterprises: [
        { id: 'b', networks: ['n'], lat: 0, lon: 0 },
        { id: 'bad', lat: 0, lon: 0 },
        { id: 's-apple', solidarity: true, lat: 0, lon: 0 },
        { id: 's-food', solidarity: true, lat: 0, lon: 0 },
        { id: 's-pear', solidarity: true, lat: 0, lon: 0 },
      ],
      offers: [
        { enterprise: 's-apple', product: 'apple', capacity: 10 },
        { enterprise: 's-food', product: 'food', capacity: 10 }, // ancestor of fruit: cannot serve it
        { enterprise: 's-pear', product: 'pear', capacity: 10 },
      ],
      flows: [
        { id: 'f-fruit', supplier: 'bad', buyer: 'b', product: 'fruit', quantity: 5, value: 50 },
        { id: 'f-apple', supplier: 'bad', buyer: 'b', product: 'apple', quantity: 5, value: 40 },
      ],
      networks: ['n'],
    });
    const r = run(p, 'n');
    const fruit = r.links.find((l) => l.flow === 'f-fruit')!;
    const apple = r.links.find((l) => l.flow === 'f-apple')!;
    expect(fruit.substitutes.map((s) => s.enterprise).sort()).toEqual(['s-apple', 's-pear']);
    // For apples, a pear (sibling) and food (ancestor) offer do not count.
    expect(apple.substitutes.map((s) => s.enterprise)).toEqual(['s-apple']);
  });

  it('treats unknown capacity as unlimited (spare null, coverage 1, ranked first among equals)', () => {
    const p = pkg({
      products: [{ id: 'x' }],
      enterprises: [
        { id: 'b', lat: 0, lon: 0 },
        { id: 'bad' },
        { id: 'lim', solidarity: true, lat: 0, lon: 0, criteria: allCriteria(0.5) },
        { id: 'unl', solidarity: true, lat: 0, lon: 0, criteria: allCriteria(0.5) },
      ],
      offers: [
        { enterprise: 'lim', product: 'x', capacity: 3 },
        { enterprise: 'unl', product: 'x' },
      ],
      flows: [{ id: 'f', supplier: 'bad', buyer: 'b', product: 'x', quantity: 6, value: 6 }],
    });
    const [link] = run(p).links;
    // Same composite: unlimited spare ranks first even though its id sorts after.
    expect(link.substitutes.map((s) => [s.enterprise, s.spare, s.coverage])).toEqual([
      ['unl', null, 1],
      ['lim', 3, 0.5],
    ]);
  });

  it('uses proximity 0 and distance null for enterprises without coordinates', () => {
    const p = pkg({
      products: [{ id: 'x' }],
      enterprises: [
        { id: 'b', lat: 10, lon: 10 },
        { id: 'bad', criteria: allCriteria(0.2) },
        { id: 'far', criteria: allCriteria(0.4), lat: 10, lon: 12 },
        { id: 'nowhere', criteria: allCriteria(0.4) },
      ],
      offers: [
        { enterprise: 'far', product: 'x', capacity: 100 },
        { enterprise: 'nowhere', product: 'x', capacity: 100 },
      ],
      flows: [{ id: 'f', supplier: 'bad', buyer: 'b', product: 'x', quantity: 6, value: 6 }],
    });
    const [link] = run(p).links;
    const km = haversineKm(10, 12, 10, 10);
    // far: 0.75·0.4 + 0.25/(1 + km/100) beats nowhere's 0.75·0.4 + 0.
    expect(link.leastBadAlternative).toEqual({
      enterprise: 'far',
      product: 'x',
      spare: 100,
      distanceKm: expect.closeTo(km, 9),
      score: expect.closeTo(0.4, 12),
      composite: expect.closeTo(0.75 * 0.4 + 0.25 / (1 + km / 100), 12),
    });
    // bad has no coordinates: its composite is 0.75·0.2 = 0.15; nowhere's 0.3 also beats it.
    const p2 = { ...p, offers: [{ enterprise: 'nowhere', product: 'x', capacity: 100 }] };
    const [link2] = run(p2).links;
    expect(link2.leastBadAlternative).toMatchObject({ enterprise: 'nowhere', distanceKm: null, composite: expect.closeTo(0.75 * 0.4, 12) });
  });

  it('requires the least-bad alternative to have room for the whole flow and to beat the current supplier', () => {
    const p = pkg({
      products: [{ id: 'x' }],
      enterprises: [
        { id: 'b', lat: 0, lon: 0 },
        { id: 'bad', criteria: allCriteria(0.5), lat: 0, lon: 0 },
        { id: 'small', criteria: allCriteria(0.9), lat: 0, lon: 0 },
        { id: 'worse', criteria: allCriteria(0.4), lat: 0, lon: 0 },
      ],
      offers: [
        { enterprise: 'small', product: 'x', capacity: 5 },
        { enterprise: 'worse', product: 'x', capacity: 100 },
      ],
      flows: [{ id: 'f', supplier: 'bad', buyer: 'b', product: 'x', quantity: 6, value: 6 }],
    });
    expect(run(p).links[0].leastBadAlternative).toBeNull();
  });

  it('scores only the six criteria: others are kept but ignored, missing ones count 0', () => {
    const p = pkg({
      products: [{ id: 'x' }],
      enterprises: [
        { id: 'b' },
        { id: 'bad', criteria: { ecological: 0.6, decent_work: 0.6, animal_welfare: 1, local_sourcing: 1 } },
      ],
      flows: [{ id: 'f', supplier: 'bad', buyer: 'b', product: 'x', quantity: 1, value: 10 }],
    });
    const [link] = run(p).links;
    expect(link.supplierScore).toBeCloseTo(1.2 / 6, 15);
    expect(link.priority).toBeCloseTo(10 * (1 - 0.2), 12);
  });

  it('breaks ties by enterprise id, then flow id', () => {
    const p = pkg({
      products: [{ id: 'x' }],
      enterprises: [{ id: 'b' }, { id: 'z-sup' }, { id: 'a-sup' }, { id: 's2', solidarity: true }, { id: 's1', solidarity: true }],
      offers: [
        { enterprise: 's2', product: 'x', capacity: 10 },
        { enterprise: 's1', product: 'x', capacity: 10 },
      ],
      flows: [
        { id: 'f9', supplier: 'z-sup', buyer: 'b', product: 'x', quantity: 1, value: 10 },
        { id: 'f8', supplier: 'a-sup', buyer: 'b', product: 'x', quantity: 1, value: 10 },
        { id: 'f7', supplier: 'a-sup', buyer: 'b', product: 'x', quantity: 1, value: 10 },
      ],
    });
    const r = run(p);
    expect(r.links.map((l) => l.flow)).toEqual(['f7', 'f8', 'f9']);
    expect(r.links[0].substitutes.map((s) => s.enterprise)).toEqual(['s1', 's2']);
  });

  it('names offers, needs and flows without ids by kind and 1-based position', () => {
    const p = pkg({
      products: [{ id: 'x' }],
      enterprises: [{ id: 'b' }, { id: 'bad' }],
      flows: [
        { id: 'named', supplier: 'bad', buyer: 'b', product: 'x', quantity: 1, value: 1 },
        { supplier: 'bad', buyer: 'b', product: 'x', quantity: 1, value: 2 },
      ],
    });
    expect(run(p).links.map((l) => l.flow)).toEqual(['f2', 'named']);
  });
});
