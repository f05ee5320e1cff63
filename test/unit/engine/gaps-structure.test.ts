import { describe, expect, it } from 'vitest';
import { DirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { analyse } from '../../../shared/engine/analyse.ts';
import { sampledBetweenness } from '../../../shared/engine/structure.ts';
import { seededRandom } from '../../../shared/engine/random.ts';
import { explainSupplier, formatSupplier } from '../../../shared/engine/explain.ts';
import { allCriteria, pkg } from './fixtures.ts';

const run = (p: ReturnType<typeof pkg>, network?: string) => analyse(p, { network, solver: null, structure: true });

describe('gaps', () => {
  it('counts unmet needs net of inflow through the taxonomy, and prices from flows when no offer has a price', () => {
    const p = pkg({
      networks: ['n'],
      products: [{ id: 'fruit' }, { id: 'apple', parent: 'fruit' }],
      enterprises: [{ id: 'b', networks: ['n'] }, { id: 'bad' }, { id: 's', solidarity: true }],
      offers: [{ enterprise: 's', product: 'apple', capacity: 4 }],
      // 3 apples bought (a descendant of fruit): they count towards the need for fruit.
      flows: [{ supplier: 'bad', buyer: 'b', product: 'apple', quantity: 3, value: 6 }],
      needs: [{ enterprise: 'b', product: 'fruit', quantity: 10 }],
    });
    const r = run(p, 'n').result;
    // fruit: unmet 10 − 3 = 7; supply = spare of s's apples 4; gap 3; no priced offer and no
    // valued flow of exactly fruit → no reference price.
    // apple: demand 3 from the non-solidarity flow, supply 4 → no gap.
    expect(r.gaps).toEqual([{ product: 'fruit', demand: 7, supply: 4, gap: 3, referencePrice: null, value: null }]);
  });

  it('has no gap where a solidarity offer has unknown capacity, and orders by value then gap then id', () => {
    const p = pkg({
      products: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'u' }],
      enterprises: [{ id: 'm' }, { id: 'bad' }, { id: 's', solidarity: true }],
      offers: [{ enterprise: 's', product: 'u' }],
      flows: [
        { supplier: 'bad', buyer: 'm', product: 'a', quantity: 2, value: 10 }, // gap 2 × 5 = 10
        { supplier: 'bad', buyer: 'm', product: 'b', quantity: 5, value: 10 }, // gap 5 × 2 = 10
        { supplier: 'bad', buyer: 'm', product: 'c', quantity: 1, value: 50 }, // gap 1 × 50 = 50
        { supplier: 'bad', buyer: 'm', product: 'u', quantity: 9, value: 9 }, // unlimited supply
      ],
    });
    expect(run(p).result.gaps.map((g) => [g.product, g.value])).toEqual([
      ['c', 50],
      ['b', 10],
      ['a', 10],
    ]);
  });
});

describe('structure', () => {
  it('finds feedback circuits among members only, sorted', () => {
    const p = pkg({
      networks: ['n'],
      products: [{ id: 'x' }],
      enterprises: ['d', 'c', 'b', 'a', 'y', 'z'].map((id) => ({ id, networks: id === 'z' ? [] : ['n'] })),
      flows: [
        // d → c → d: a circuit, unvalued flows count too.
        { supplier: 'd', buyer: 'c', product: 'x', quantity: 1 },
        { supplier: 'c', buyer: 'd', product: 'x', quantity: 1, value: 1 },
        // a → b → a and b → y → a: one circuit of three.
        { supplier: 'a', buyer: 'b', product: 'x', quantity: 1, value: 1 },
        { supplier: 'b', buyer: 'y', product: 'x', quantity: 1, value: 1 },
        { supplier: 'y', buyer: 'a', product: 'x', quantity: 1, value: 1 },
        // a → z → a goes through a non-member: not a circuit of the scope; a self-loop neither.
        { supplier: 'a', buyer: 'z', product: 'x', quantity: 1, value: 1 },
        { supplier: 'z', buyer: 'a', product: 'x', quantity: 1, value: 1 },
        { supplier: 'c', buyer: 'c', product: 'x', quantity: 1, value: 1 },
      ],
    });
    expect(run(p, 'n').result.circuits).toEqual([
      ['a', 'b', 'y'],
      ['c', 'd'],
    ]);
  });

  it('computes sampled betweenness that equals graphology-metrics when every node is a source', () => {
    const rnd = seededRandom(3);
    const n = 30;
    const pairs: [number, number, number][] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 90; i++) {
      const s = Math.floor(rnd() * n);
      const t = Math.floor(rnd() * n);
      if (s === t || seen.has(`${s}-${t}`)) continue;
      seen.add(`${s}-${t}`);
      pairs.push([s, t, 1]);
    }
    const g = new DirectedGraph();
    for (let i = 0; i < n; i++) g.addNode(String(i));
    for (const [s, t] of pairs) g.addEdge(String(s), String(t));
    const reference = betweennessCentrality(g, { normalized: true });
    const ours = sampledBetweenness(n, pairs, n, 1);
    for (let i = 0; i < n; i++) expect(ours[i]).toBeCloseTo(reference[String(i)], 12);
  });

  it('finds the same Louvain communities for the same seed, two clear clusters', () => {
    const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'];
    const flows = [
      ['a1', 'a2'], ['a2', 'a3'], ['a3', 'a1'], ['b1', 'b2'], ['b2', 'b3'], ['b3', 'b1'], ['a1', 'b1'],
    ].map(([s, b], i) => ({ supplier: s, buyer: b, product: 'x', quantity: 1, value: i === 6 ? 1 : 100 }));
    const p = pkg({ products: [{ id: 'x' }], enterprises: ids.map((id) => ({ id })), flows });
    const one = run(p).structure!;
    const two = run(p).structure!;
    expect(one.communities).toEqual(two.communities);
    expect(one.communities.count).toBe(2);
    expect(one.communities.membership).toEqual({ a1: 0, a2: 0, a3: 0, b1: 1, b2: 1, b3: 1 });
    expect(one.betweenness.approximate).toBe(false);
  });
});

describe('settings and explanations', () => {
  it('changes scores with criteria weights and composites with composite weights', () => {
    const p = pkg({
      products: [{ id: 'x' }],
      enterprises: [{ id: 'b' }, { id: 'bad', criteria: { ecological: 1 } }],
      flows: [{ supplier: 'bad', buyer: 'b', product: 'x', quantity: 1, value: 10 }],
    });
    const plain = analyse(p, { solver: null }).result.links[0].supplierScore;
    const weighted = analyse(p, { solver: null, settings: { weights: { ecological: 5 } } }).result.links[0].supplierScore;
    expect(plain).toBeCloseTo(1 / 6, 12);
    expect(weighted).toBeCloseTo(5 / 10, 12);
  });

  it('says which criteria made a score, which are unknown and which are ignored', () => {
    const p = pkg({
      enterprises: [
        { id: 'b', lat: 0, lon: 0 },
        { id: 'e', lat: 0, lon: 1, criteria: { ...allCriteria(0.5), gender_equity: undefined as unknown as number, ecological: 0.6, decent_work: 0.6, local: 1 } },
      ],
    });
    delete (p.enterprises![1].criteria as Record<string, number>).gender_equity;
    const a = analyse(p, { solver: null });
    const x = explainSupplier(a.model, 'e', 'b');
    expect(x.unknown).toEqual(['gender_equity']);
    expect(x.ignored).toEqual(['local']);
    expect(x.criteria.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(x.score, 12);
    expect(x.distanceKm).toBeCloseTo(111.2, 0);
    expect(formatSupplier(x)).toBe('ecological 0.6, decent work 0.6, social inclusion 0.5, 111 km; unknown: gender equity');
  });
});

describe('array Louvain (large graphs)', () => {
  it('finds planted communities and about the modularity graphology-communities-louvain finds', async () => {
    const { UndirectedGraph } = await import('graphology');
    const louvain = (await import('graphology-communities-louvain')).default;
    const { louvainArrays } = await import('../../../shared/engine/louvain.ts');
    // 8 planted groups of 25 nodes: dense inside (p = 0.4), sparse across (p = 0.01).
    const rnd = seededRandom(11);
    const n = 200;
    const s: number[] = [];
    const t: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const same = Math.floor(i / 25) === Math.floor(j / 25);
        if (rnd() < (same ? 0.4 : 0.01)) {
          s.push(i);
          t.push(j);
          w.push(1 + rnd());
        }
      }
    }
    const ours = louvainArrays(n, { s: Int32Array.from(s), t: Int32Array.from(t), w: Float64Array.from(w) }, seededRandom(42));
    const g = new UndirectedGraph();
    for (let i = 0; i < n; i++) g.addNode(String(i));
    s.forEach((a, k) => g.addEdge(String(a), String(t[k]), { weight: w[k] }));
    const ref = louvain.detailed(g, { getEdgeWeight: 'weight', rng: seededRandom(42) });
    expect(ours.count).toBe(8);
    // Each planted group lands in one community of its own.
    for (let grp = 0; grp < 8; grp++) {
      const cs = new Set(Array.from({ length: 25 }, (_, k) => ours.community[grp * 25 + k]));
      expect(cs.size).toBe(1);
    }
    expect(Math.abs(ours.modularity - ref.modularity)).toBeLessThan(0.01);
  });
});
