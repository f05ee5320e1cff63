import { describe, expect, it } from 'vitest';
import { toElements, NODE_MIN, NODE_MAX } from '../../renderer/src/features/network/mapper.ts';
import { tierLayout } from '../../renderer/src/features/network/layout.ts';
import { labelBox, pickLabels, type LabelCandidate } from '../../renderer/src/features/network/labels.ts';
import type { NetworkGraph, ViewNode } from '../../renderer/src/features/network/types.ts';

// Issue 15: a chain of a few hundred enterprises whose flows carry no value (lots, registries)
// was one hairball of equal dots, the tiers layout one column off-screen, names over names.

/** 300 farms selling to 5 traders, no value on any flow: the shape of the coffee lots' chain. */
function farmsAndTraders(): NetworkGraph {
  const node = (id: string) => ({ id, name: `Enterprise ${id}`, solidarity: false, lat: null, lon: null, member: true, inValue: 0, outValue: 0, tier: null });
  const traders = Array.from({ length: 5 }, (_, i) => node(`trader-${i}`));
  const farms = Array.from({ length: 300 }, (_, i) => node(`farm-${i}`));
  return {
    network: null,
    focus: null,
    nodes: [...traders, ...farms],
    edges: farms.map((f, i) => ({ source: f.id, target: traders[i % 5].id, value: 0, flows: 1, unvalued: 1, products: ['coffee'] })),
    totals: { nodes: 305, edges: 300 },
    truncated: false,
  };
}

describe('a chain whose flows carry no value', () => {
  it('sizes enterprises by their number of links: the traders are big, the farms small', () => {
    const nodes = toElements(farmsAndTraders(), {}).filter((e): e is ViewNode => e.group === 'nodes');
    const size = (id: string) => nodes.find((n) => n.data.id === id)!.data.size;
    expect(size('trader-0')).toBe(NODE_MAX);
    expect(size('farm-0')).toBe(NODE_MIN);
  });

  it('lays the tiers out in columns that keep about the panel’s shape, every enterprise in its own place', () => {
    const g = farmsAndTraders();
    const p = tierLayout(g, 1.8);
    const xs = Object.values(p).map((q) => q.x);
    const ys = Object.values(p).map((q) => q.y);
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    // One column of 300 farms was 60 times taller than wide.
    expect(w / h).toBeGreaterThan(0.9);
    expect(w / h).toBeLessThan(3.6);
    expect(new Set(Object.values(p).map((q) => `${q.x},${q.y}`)).size).toBe(g.nodes.length);
    // Suppliers stay left of their buyers.
    const farthestFarm = Math.max(...g.nodes.filter((n) => n.id.startsWith('farm')).map((n) => p[n.id].x));
    expect(farthestFarm).toBeLessThan(Math.min(...g.nodes.filter((n) => n.id.startsWith('trader')).map((n) => p[n.id].x)));
  });
});

describe('names drawn where they can be read', () => {
  const at = (id: string, x: number, y: number, rank: number, always = false): LabelCandidate => ({ id, x, y, r: 5, text: `Cooperativa ${id}`, rank, always });

  it('names the biggest of two enterprises whose names would overlap, and both when apart', () => {
    expect(pickLabels([at('small', 100, 100, 1), at('hub', 110, 104, 9)], { width: 800, height: 600 }, 300)).toEqual(['hub']);
    expect(pickLabels([at('a', 100, 100, 1), at('b', 400, 300, 9)], { width: 800, height: 600 }, 300).sort()).toEqual(['a', 'b']);
  });

  it('never draws two names over each other, nor one cut by the edge of the view', () => {
    const many = Array.from({ length: 400 }, (_, i) => at(`e${i}`, (i * 37) % 820, (i * 53) % 620, i % 17));
    const picked = pickLabels(many, { width: 800, height: 600 }, 300);
    expect(picked.length).toBeGreaterThan(10);
    const boxes = picked.map((id) => labelBox(many.find((c) => c.id === id)!));
    for (const [i, a] of boxes.entries()) {
      expect(a.x1 >= 0 && a.y1 >= 0 && a.x2 <= 800 && a.y2 <= 600).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
    }
  });

  it('always names the selected enterprise, even over a bigger one', () => {
    expect(pickLabels([at('hub', 110, 104, 9), at('chosen', 100, 100, 1, true)], { width: 800, height: 600 }, 300)).toEqual(['chosen']);
  });
});
