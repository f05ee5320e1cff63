import { describe, expect, it } from 'vitest';
import { mergedEnterprise } from '../../electron/core/import/merge.ts';
import { generatePackage, mulberry32 } from '../../electron/core/catalogue/generate.ts';

describe('merging two records of one enterprise', () => {
  it('keeps what is known, fills gaps and unites lists', () => {
    const merged = mergedEnterprise(
      { id: 'a', name: 'A', solidarity: true, locality: 'Osasco', activities: ['ICA280'], criteria: { ecological: 1 } },
      { id: 'b', name: 'A Coop', solidarity: false, locality: 'São Paulo', postcode: '06010-000', activities: ['ICA280', 'ICA60'], criteria: { ecological: 0, decent_work: 0.5 } },
    );
    expect(merged).toEqual({
      id: 'a',
      name: 'A',
      solidarity: true,
      locality: 'Osasco',
      postcode: '06010-000',
      activities: ['ICA280', 'ICA60'],
      criteria: { ecological: 1, decent_work: 0.5 },
    });
  });
});

describe('the generator', () => {
  it('is deterministic by seed', () => {
    expect(JSON.stringify(generatePackage({ enterprises: 200, seed: 42 }))).toBe(JSON.stringify(generatePackage({ enterprises: 200, seed: 42 })));
    expect(JSON.stringify(generatePackage({ enterprises: 200, seed: 43 }))).not.toBe(JSON.stringify(generatePackage({ enterprises: 200, seed: 42 })));
    const r = mulberry32(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('has the shape of a real network', () => {
    const pkg = generatePackage({ enterprises: 2000, seed: 1, flowsPerEnterprise: 5 });
    const es = pkg.enterprises!;
    const share = es.filter((e) => e.solidarity).length / es.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    expect(es.some((e) => !e.criteria || Object.keys(e.criteria).length < 6)).toBe(true);
    expect(pkg.offers!.some((o) => o.capacity === undefined)).toBe(true);
    expect(pkg.flows!.some((f) => f.value === undefined)).toBe(true);
    expect(pkg.flows!.length).toBeGreaterThan(9000);
    expect(pkg.needs!.length).toBeGreaterThan(0);
    const products = new Map(pkg.products!.map((p) => [p.id, p]));
    const depth = (id: string): number => (products.get(id)!.parent ? 1 + depth(products.get(id)!.parent!) : 1);
    expect(Math.max(...pkg.products!.map((p) => depth(p.id)))).toBe(3);
    const regions = new Set(es.map((e) => e.region));
    expect(regions.size).toBeGreaterThan(10);
    for (const f of pkg.flows!) expect(f.supplier).not.toBe(f.buyer);
  });
});
