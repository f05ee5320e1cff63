import { describe, expect, it } from 'vitest';
import { analyse } from '../../../shared/engine/analyse.ts';
import { haversineKm } from '../../../shared/engine/geo.ts';
import { seededRandom } from '../../../shared/engine/random.ts';
import { pkg } from './fixtures.ts';

/**
 * The searches for substitutes and the least-bad alternative skip candidates by score and
 * grid-cell bounds. Here they are checked against the plain definition on a random catalogue
 * spread over several degrees, with clustered scores so that bounds often tie.
 */
function randomCatalogue(seed: number) {
  const rnd = seededRandom(seed);
  const n = 120;
  const enterprises = Array.from({ length: n }, (_, i) => ({
    id: `e${String(i).padStart(3, '0')}`,
    solidarity: rnd() < 0.5,
    criteria: { ecological: Math.round(rnd() * 4) / 4, decent_work: Math.round(rnd() * 4) / 4, transparency: Math.round(rnd() * 4) / 4 },
    ...(rnd() < 0.1 ? {} : { lat: -25 + rnd() * 6, lon: -50 + rnd() * 6 }),
  }));
  const offers = enterprises.filter(() => rnd() < 0.7).map((e) => ({ enterprise: e.id, product: 'x', ...(rnd() < 0.2 ? {} : { capacity: Math.floor(rnd() * 50) }) }));
  const flows = Array.from({ length: 60 }, (_, i) => ({
    id: `f${String(i).padStart(2, '0')}`,
    supplier: enterprises[Math.floor(rnd() * n)].id,
    buyer: enterprises[Math.floor(rnd() * n)].id,
    product: 'x',
    quantity: 1 + Math.floor(rnd() * 30),
    value: 10 + Math.floor(rnd() * 100),
  }));
  return { p: pkg({ products: [{ id: 'x' }], enterprises, offers, flows }), enterprises, offers, flows };
}

describe('pruned searches agree with the definition', () => {
  it('gives the first k substitutes of the full list, and the least-bad alternative of a plain scan', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { p, enterprises, offers, flows } = randomCatalogue(seed);
      const full = analyse(p, { solver: null }).result.links;
      const capped = analyse(p, { solver: null, maxSubstitutes: 3 }).result.links;
      expect(capped.map((l) => l.flow)).toEqual(full.map((l) => l.flow));
      capped.forEach((l, i) => expect(l.substitutes).toEqual(full[i].substitutes.slice(0, 3)));

      // Plain least-bad: every non-solidarity offerer, composite computed from scratch.
      const byId = new Map(enterprises.map((e) => [e.id, e]));
      const score = (id: string) => {
        const c = byId.get(id)!.criteria;
        return (c.ecological + c.decent_work + c.transparency) / 6;
      };
      const comp = (e: string, b: string) => {
        const x = byId.get(e)!;
        const y = byId.get(b)!;
        const prox = x.lat === undefined || y.lat === undefined ? 0 : 1 / (1 + haversineKm(x.lat, x.lon!, y.lat, y.lon!) / 100);
        return 0.75 * score(e) + 0.25 * prox;
      };
      const shipped = (e: string) => flows.filter((f) => f.supplier === e).reduce((s, f) => s + f.quantity, 0);
      for (const l of full) {
        let best: { id: string; c: number } | null = null;
        for (const o of offers) {
          const e = byId.get(o.enterprise)!;
          if (e.solidarity || e.id === l.buyer || e.id === l.supplier) continue;
          const spare = o.capacity === undefined ? Infinity : Math.max(0, o.capacity - shipped(e.id));
          const c = comp(e.id, l.buyer);
          if (!(spare > 0) || !(spare >= (l.quantity ?? 0)) || !(c > comp(l.supplier, l.buyer) + 1e-12)) continue;
          if (!best || c > best.c + 1e-12 || (Math.abs(c - best.c) <= 1e-12 && e.id < best.id)) best = { id: e.id, c };
        }
        expect(l.leastBadAlternative?.enterprise ?? null, `seed ${seed} ${l.flow}`).toBe(best?.id ?? null);
      }
    }
  });
});
