import { describe, expect, it } from 'vitest';
import { toElements, scale, withProposed, NODE_MIN, NODE_MAX } from '../../renderer/src/features/network/mapper.ts';
import { geoLayout, tierLayout, tiersOf } from '../../renderer/src/features/network/layout.ts';
import { forceLayout } from '../../renderer/src/features/network/force.ts';
import { graphToSvg, escapeXml } from '../../renderer/src/features/network/svg.ts';
import type { NetworkGraph, ViewEdge, ViewNode } from '../../renderer/src/features/network/types.ts';

const evil = '<img src=x onerror=alert(1)> & "quotes" \u0001';

function graph(over: Partial<NetworkGraph> = {}): NetworkGraph {
  const node = (id: string, solidarity: boolean, inValue: number, outValue: number, extra: Partial<NetworkGraph['nodes'][number]> = {}) => ({
    id, name: id, solidarity, lat: null, lon: null, member: true, inValue, outValue, tier: null, ...extra,
  });
  return {
    network: null,
    focus: null,
    nodes: [
      node('shop', true, 400, 0, { name: evil, lat: -23.5, lon: -46.6 }),
      node('coop', true, 40, 100, { lat: -21.8, lon: -45.9 }),
      node('corp', false, 0, 300),
      node('farm', true, 0, 40),
    ],
    edges: [
      { source: 'coop', target: 'shop', value: 100, flows: 1, unvalued: 0, products: ['coffee'] },
      { source: 'corp', target: 'shop', value: 300, flows: 2, unvalued: 1, products: ['soap', 'sugar'] },
      { source: 'farm', target: 'coop', value: 40, flows: 1, unvalued: 0, products: ['beans'] },
    ],
    totals: { nodes: 4, edges: 3 },
    truncated: false,
    ...over,
  };
}

describe('the view-graph mapper', () => {
  it('sizes nodes by the value through them (area grows with value) and marks non-solidarity links', () => {
    const els = toElements(graph(), {});
    const nodes = els.filter((e): e is ViewNode => e.group === 'nodes');
    const edges = els.filter((e): e is ViewEdge => e.group === 'edges');
    const size = (id: string) => nodes.find((n) => n.data.id === id)!.data.size;
    expect(size('shop')).toBe(NODE_MAX);
    // corp moves 300 of the biggest 400: area ratio 3/4, so diameter grows by sqrt.
    expect(size('corp')).toBeCloseTo(NODE_MIN + (NODE_MAX - NODE_MIN) * Math.sqrt(300 / 400), 9);
    expect(nodes.find((n) => n.data.id === 'corp')!.classes).toContain('other');
    expect(nodes.find((n) => n.data.id === 'shop')!.data.label).toBe(evil);
    expect(edges.map((e) => [e.data.id, e.classes])).toEqual([
      ['e:coop>shop', 'solidarity-link'],
      ['e:corp>shop', 'non-solidarity'],
      ['e:farm>coop', 'solidarity-link'],
    ]);
    expect(edges[1].data.products).toBe('soap, sugar');
  });

  it('draws proposed substitutions dashed, adding a new supplier one tier above its buyer', () => {
    const g = withProposed(graph({ focus: 'shop', nodes: graph().nodes.map((n) => ({ ...n, tier: n.id === 'shop' ? 0 : 1 })) }), [
      { source: 'newcoop', target: 'shop', value: 50, sourceName: 'New co-op', sourceSolidarity: true },
      { source: 'ghost', target: 'nobody', value: 5, sourceName: 'Ghost' },
    ]);
    expect(g.nodes.find((n) => n.id === 'newcoop')).toMatchObject({ tier: 1, member: true, name: 'New co-op' });
    expect(g.nodes.some((n) => n.id === 'ghost')).toBe(false);
    const els = toElements(g, {}, { proposed: [{ source: 'newcoop', target: 'shop', value: 50 }, { source: 'ghost', target: 'shop', value: 1 }], focus: 'shop' });
    const proposed = els.filter((e) => e.group === 'edges' && e.classes === 'proposed');
    expect(proposed.map((e) => e.data.id)).toEqual(['p:newcoop>shop']);
    expect(els.find((e) => e.data.id === 'shop')!.classes).toContain('focus');
  });

  it('scale stays within bounds, whatever the input', () => {
    expect(scale(0, 100, 2, 10)).toBe(2);
    expect(scale(500, 100, 2, 10)).toBe(10);
    expect(scale(5, 0, 2, 10)).toBe(2);
    expect(scale(Number.NaN, 100, 2, 10)).toBe(2);
  });
});

describe('layouts', () => {
  it('geographic: north up, west left, the unplaced in a row below', () => {
    const { positions, unplaced } = geoLayout(graph());
    expect(unplaced).toBe(2);
    // shop is south-west of coop: further down and further left.
    expect(positions.shop.y).toBeGreaterThan(positions.coop.y);
    expect(positions.shop.x).toBeLessThan(positions.coop.x);
    expect(positions.corp.y).toBeGreaterThan(Math.max(positions.shop.y, positions.coop.y));
  });

  it('tiers: final buyers right, their suppliers further left, cycles after the deepest', () => {
    const g = graph();
    expect(Object.fromEntries(tiersOf(g))).toEqual({ shop: 0, coop: 1, corp: 1, farm: 2 });
    const p = tierLayout(g);
    expect(p.farm.x).toBeLessThan(p.coop.x);
    expect(p.coop.x).toBeLessThan(p.shop.x);
    expect(p.coop.x).toBe(p.corp.x);
    const cyclic = graph({
      nodes: [...graph().nodes, { id: 'a', name: 'a', solidarity: true, lat: null, lon: null, member: true, inValue: 1, outValue: 1, tier: null }, { id: 'b', name: 'b', solidarity: true, lat: null, lon: null, member: true, inValue: 1, outValue: 1, tier: null }],
      edges: [...graph().edges, { source: 'a', target: 'b', value: 1, flows: 1, unvalued: 0, products: [] }, { source: 'b', target: 'a', value: 1, flows: 1, unvalued: 0, products: [] }],
    });
    expect(tiersOf(cyclic).get('a')).toBe(3);
  });

  it('force-directed: deterministic, finite, linked enterprises closer than unlinked ones', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const edges = ids.slice(1, 15).map((id) => ({ source: 'n0', target: id, value: 10 }));
    const a = forceLayout({ ids, edges, iterations: 200 });
    const b = forceLayout({ ids, edges, iterations: 200 });
    expect(a).toEqual(b);
    expect(Object.values(a).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    const d = (x: string, y: string) => Math.hypot(a[x].x - a[y].x, a[x].y - a[y].y);
    const linked = ids.slice(1, 15).reduce((s, id) => s + d('n0', id), 0) / 14;
    const unlinked = ids.slice(15).reduce((s, id) => s + d('n0', id), 0) / 15;
    expect(linked).toBeLessThan(unlinked);
  });
});

describe('SVG export', () => {
  it('escapes every name and is well-formed, with nothing active in it', () => {
    const g = graph();
    const svg = graphToSvg(toElements(g, tierLayout(g), { proposed: [{ source: 'farm', target: 'shop', value: 10 }] }), tierLayout(g), `Graph of ${evil}`);
    expect(svg).not.toContain('<img');
    expect(svg).not.toMatch(/<script|javascript:|href=/i);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    const { elements, attributes, texts } = readXml(svg);
    // No event handler, no link: only drawing attributes.
    expect(attributes.filter((a) => /^on|href$/i.test(a))).toEqual([]);
    expect(new Set(elements)).toEqual(new Set(['svg', 'title', 'rect', 'g', 'line', 'circle', 'path', 'text']));
    expect(elements.filter((n) => n === 'text')).toHaveLength(4);
    expect(elements.filter((n) => n === 'line')).toHaveLength(4);
    expect(svg).toContain('stroke-dasharray');
    // The name comes back intact once the XML is read, minus the control character XML forbids.
    expect(texts).toContain(evil.replace('\u0001', ''));
  });

  it('drops characters XML cannot hold, keeps the rest', () => {
    expect(escapeXml('a\u0000b\u000bc\ud800d😀')).toBe('abcd😀');
  });
});

describe('grouping a big graph by community', () => {
  it('finds the two trading groups, sums the links between them, and colours each by its purchases', async () => {
    const { communitiesOf, aggregate, topByValue, GROUP_PREFIX } = await import('../../renderer/src/features/network/groups.ts');
    const n = (id: string, solidarity: boolean, v: number) => ({ id, name: id.toUpperCase(), solidarity, lat: null, lon: null, member: true, inValue: v, outValue: v, tier: null });
    const e = (source: string, target: string, value: number) => ({ source, target, value, flows: 1, unvalued: 0, products: ['p'] });
    const g: NetworkGraph = {
      network: null,
      focus: null,
      // Two cliques (a*, b*) joined by one thin link, and a loner.
      nodes: [n('a1', true, 90), n('a2', true, 10), n('a3', false, 10), n('b1', false, 50), n('b2', false, 10), n('b3', true, 10), n('z', true, 1)],
      edges: [e('a1', 'a2', 50), e('a2', 'a3', 50), e('a3', 'a1', 50), e('b1', 'b2', 50), e('b2', 'b3', 50), e('b3', 'b1', 50), e('a1', 'b1', 1)],
      totals: { nodes: 7, edges: 7 },
      truncated: false,
    };
    const m = communitiesOf(g.nodes.map((x) => x.id), g.edges);
    expect(m.a1).toBe(m.a2);
    expect(m.a1).toBe(m.a3);
    expect(m.b1).toBe(m.b2);
    expect(m.a1).not.toBe(m.b1);
    expect(communitiesOf(g.nodes.map((x) => x.id), g.edges)).toEqual(m);
    const { graph: agg, groups } = aggregate(g, m, (x) => `${x.lead} +${x.members.length - 1}`);
    expect(agg.nodes.map((x) => x.name).sort()).toEqual(['A1 +2', 'B1 +2', 'Z']);
    const a = [...groups.values()].find((x) => x.lead === 'A1')!;
    expect(a.id.startsWith(GROUP_PREFIX)).toBe(true);
    // Into group A: a1→a2 (solidarity), a2→a3 (solidarity), a3→a1 (not): 100 of 150.
    expect(a.solidarityShare).toBeCloseTo(100 / 150, 12);
    expect(agg.nodes.find((x) => x.id === a.id)!.solidarity).toBe(true);
    expect(agg.edges).toHaveLength(1);
    expect(agg.edges[0]).toMatchObject({ value: 1, flows: 1 });
    const top = topByValue(g, 2, 'z');
    expect(top.nodes.map((x) => x.id)).toEqual(['a1', 'z']);
    expect(top.truncated).toBe(true);
  });
});

/**
 * A strict little reader for the SVG we write (no CDATA, comments or DTD): every tag closes in
 * order, attribute values are quoted, text holds no raw < > or bare &. Throws when not so.
 * (The e2e test also parses a downloaded file with Chromium's own XML parser.)
 */
function readXml(xml: string): { elements: string[]; attributes: string[]; texts: string[] } {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const elements: string[] = [];
  const attributes: string[] = [];
  const texts: string[] = [];
  const stack: string[] = [];
  const entity = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt === -1 ? body.length : lt);
    if (/[<>]/.test(text) || /&/.test(text.replace(entity, ''))) throw new Error(`bad text: ${text}`);
    if (text.trim()) texts.push(text.replace(entity, (m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e as 'amp'] ?? m));
    if (lt === -1) break;
    const gt = body.indexOf('>', lt);
    const tag = body.slice(lt + 1, gt);
    const close = /^\/([a-z]+)$/.exec(tag);
    if (close) {
      if (stack.pop() !== close[1]) throw new Error(`unbalanced </${close[1]}>`);
    } else {
      const open = /^([a-z]+)((?:\s+[a-z][a-z0-9:-]*="[^"<>]*")*)\s*(\/?)$/i.exec(tag);
      if (!open) throw new Error(`bad tag: <${tag}>`);
      elements.push(open[1]);
      for (const a of open[2].matchAll(/([a-z][a-z0-9:-]*)="/gi)) attributes.push(a[1]);
      if (!open[3]) stack.push(open[1]);
    }
    i = gt + 1;
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return { elements, attributes, texts };
}
