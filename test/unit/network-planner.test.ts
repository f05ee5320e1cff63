import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../renderer/src/features/planner/csv.ts';
import { clampQuantity, defaultQuantity, toChanges, type Link } from '../../renderer/src/features/planner/decisions.ts';
import { chainSankey, sankeyShares } from '../../renderer/src/features/charts/sankey-data.ts';
import { movesFor } from '../../renderer/src/features/network/moves.ts';
import type { NetworkGraph } from '../../shared/contract/network.ts';

const link = (flow: string, quantity: number, over: Partial<Link> = {}): Link => ({
  flow, supplier: 'corp', buyer: 'shop', product: 'coffee', quantity, value: quantity * 25, supplierScore: 0.2, priority: quantity * 20,
  substitutes: [], leastBadAlternative: null, ...over,
});

describe('planner decisions → plan changes', () => {
  it('turns accepted substitutes into the engine’s change lines, within the flow’s quantity', () => {
    const links = [link('f1', 400), link('f2', 10), link('f3', 5)];
    const changes = toChanges(links, {
      f1: { kind: 'switch', to: 'coop', quantity: defaultQuantity(links[0], 320) },
      f2: { kind: 'reject' },
      f3: { kind: 'switch', to: 'coop', quantity: 99 },
    });
    expect(changes).toEqual([
      { line: 'f1', buyer: 'shop', product: 'coffee', from: 'corp', to: 'coop', quantity: 320 },
      { line: 'f3', buyer: 'shop', product: 'coffee', from: 'corp', to: 'coop', quantity: 5 },
    ]);
    expect(defaultQuantity(links[0], null)).toBe(400);
    expect(clampQuantity(Number.NaN, links[0])).toBe(0);
    expect(clampQuantity(-3, links[0])).toBe(0);
    expect(toChanges(links, { f1: { kind: 'switch', to: 'coop', quantity: 0 } })).toEqual([]);
  });
});

describe('CSV export', () => {
  it('keeps formulas from running in a spreadsheet, and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('Café, "bio"')).toBe('"Café, ""bio"""');
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
    expect(toCsv([['a', 1], ['b\nc', null]])).toBe('\ufeffa,1\r\n"b\nc",\r\n');
  });
});

describe('flow diagram data', () => {
  const g: NetworkGraph = {
    network: null,
    focus: 'shop',
    nodes: [
      { id: 'shop', name: 'Shop', solidarity: true, lat: null, lon: null, member: true, inValue: 500, outValue: 20, tier: 0 },
      { id: 'corp', name: 'Corp', solidarity: false, lat: null, lon: null, member: true, inValue: 0, outValue: 400, tier: 1 },
      { id: 'coop', name: 'Co-op', solidarity: true, lat: null, lon: null, member: true, inValue: 20, outValue: 100, tier: 1 },
      { id: 'farm', name: 'Farm', solidarity: true, lat: null, lon: null, member: true, inValue: 0, outValue: 30, tier: 2 },
    ],
    edges: [
      { source: 'corp', target: 'shop', value: 400, flows: 1, unvalued: 0, products: ['coffee'] },
      { source: 'coop', target: 'shop', value: 100, flows: 1, unvalued: 0, products: ['sugar'] },
      { source: 'farm', target: 'coop', value: 30, flows: 1, unvalued: 0, products: ['cane'] },
      // A feedback circuit: the shop sells back up its chain. A Sankey cannot draw it.
      { source: 'shop', target: 'coop', value: 20, flows: 1, unvalued: 0, products: ['bags'] },
    ],
    totals: { nodes: 4, edges: 4 },
    truncated: false,
  };

  it('keeps only links one tier down, so the diagram is acyclic, and counts what it leaves out', () => {
    const d = chainSankey(g);
    expect(d.links.map((l) => `${l.source}>${l.target}:${l.value}`)).toEqual(['coop>shop:100', 'corp>shop:400', 'farm>coop:30']);
    expect(d.omitted).toBe(1);
    expect(sankeyShares(d)).toEqual([
      { tier: 1, value: 500, solidarityValue: 100 },
      { tier: 2, value: 30, solidarityValue: 30 },
    ]);
  });

  it('after a scenario: value leaves the old supplier at its unit value and reaches the new one at its price', () => {
    const moves = movesFor(
      [{ line: 'f1', buyer: 'shop', product: 'coffee', from: 'corp', to: 'newcoop', quantity: 10 }],
      'shop',
      [{ flowId: 'f1', quantity: 16, value: 400 }],
      [{ enterprise: 'newcoop', product: 'coffee', price: 30 }],
      { newcoop: { name: 'New co-op', solidarity: true } },
    );
    expect(moves).toEqual([{ buyer: 'shop', from: 'corp', to: 'newcoop', value: 300, outValue: 250, toName: 'New co-op', toSolidarity: true }]);
    const d = chainSankey(g, moves);
    expect(d.links.find((l) => l.source === 'corp')!.value).toBe(150);
    expect(d.links.find((l) => l.source === 'newcoop')).toMatchObject({ value: 300, proposed: true, solidarity: true });
    expect(d.nodes.find((n) => n.id === 'newcoop')).toMatchObject({ tier: 1, name: 'New co-op' });
    expect(sankeyShares(d)[0]).toEqual({ tier: 1, value: 550, solidarityValue: 400 });
  });
});
