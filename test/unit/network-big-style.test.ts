import { describe, expect, it } from 'vitest';
import { cyStyle, withSizeClasses } from '../../renderer/src/features/network/cy-style.ts';
import { toElements, NODE_MAX, NODE_MIN } from '../../renderer/src/features/network/mapper.ts';
import type { NetworkGraph } from '../../renderer/src/features/network/types.ts';

/** A star of n enterprises around one buyer, values 1…n: every size from smallest to biggest. */
function star(n: number): NetworkGraph {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, name: `E ${i}`, solidarity: i % 2 === 0, lat: null, lon: null, member: true, inValue: 0, outValue: i + 1, tier: null }));
  nodes.push({ id: 'hub', name: 'Hub', solidarity: true, lat: null, lon: null, member: true, inValue: 0, outValue: 0, tier: null });
  const edges = nodes.slice(0, n).map((x, i) => ({ source: x.id, target: 'hub', value: i + 1, flows: 1, unvalued: 0, products: ['p'] }));
  return { network: null, focus: null, nodes, edges, totals: { nodes: n + 1, edges: n }, truncated: false };
}

const sizeOf = (classes: string, prefix: string) => Number(new RegExp(`\\b${prefix}(\\d+)\\b`).exec(classes)![1]);

describe('the big-graph style', () => {
  it('gives every element a size class that grows with its drawn size, keeping its other classes', () => {
    const els = withSizeClasses(toElements(star(200), {}));
    const nodes = els.filter((e) => e.group === 'nodes' && e.data.id !== 'hub');
    const edges = els.filter((e) => e.group === 'edges');
    const node = (i: number) => sizeOf(nodes[i].classes, 'sz');
    expect(node(0)).toBe(0);
    expect(node(199)).toBe(7);
    for (let i = 1; i < nodes.length; i++) expect(node(i)).toBeGreaterThanOrEqual(node(i - 1));
    expect(sizeOf(edges[0].classes, 'w')).toBe(0);
    expect(sizeOf(edges[199].classes, 'w')).toBe(5);
    expect(nodes[1].classes).toMatch(/^other member sz\d$/);
    expect(edges[0].classes).toMatch(/^solidarity-link w\d$/);
  });

  it('styles sizes by class and names only on labelled nodes (no per-element data mappers)', () => {
    const big = cyStyle(true);
    const text = JSON.stringify(big);
    expect(text).not.toContain('data(size)');
    expect(text).not.toContain('data(width)');
    const rule = (selector: string, sheet = big) => (sheet.find((r) => r.selector === selector) as { style?: Record<string, unknown> } | undefined)?.style;
    expect(rule('node')?.label).toBeUndefined();
    expect(rule('node.labelled')?.label).toBe('data(label)');
    expect(rule('node.sz0')?.width).toBe(NODE_MIN);
    expect(rule('node.sz7')?.width).toBe(NODE_MAX);
    // Small graphs name the enterprises labels.ts picks (those whose names fit), by the same class.
    expect(rule('node', cyStyle(false))?.label).toBeUndefined();
    expect(rule('node.labelled', cyStyle(false))?.label).toBe('data(label)');
  });
});
