import { describe, expect, it } from 'vitest';
import { sankey } from 'd3-sankey';
import { CHAR_PX, LINE_PX, fit, placeLabels, type LabelNode, type PlacedLabel } from '../../renderer/src/features/charts/sankey-labels.ts';

/** The box a label's text covers, at the estimated character width. */
function box(l: PlacedLabel) {
  const w = l.text.length * CHAR_PX;
  const x0 = l.anchor === 'start' ? l.x : l.x - w;
  return { x0, x1: x0 + w, y0: l.y - LINE_PX / 2, y1: l.y + LINE_PX / 2 };
}
function overlaps(labels: PlacedLabel[]): string[] {
  const out: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      const p = box(a);
      const q = box(b);
      if (p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1) out.push(`${a.text} × ${b.text}`);
    }),
  );
  return out;
}

describe('flow diagram labels', () => {
  it('never overlap: the issue’s recycling chain, laid out by d3-sankey as the chart does', () => {
    const names = ['Restaurante Popular Sabor Solidário', 'Cooperativa de Catadores Recicla Leste', 'Cooperativa Papel Reviver', 'Banco Comunitário Jardim Ipê', 'Banco Comercial Nacional S.A.', 'Tecelagem Industrial Americana S.A.', 'Cooperativa de Costureiras Linha Livre', 'Grande Café Exportadora S.A.', 'Cooperativa de Cafeicultores da Mantiqueira', 'Armazém Solidário do Ipê'];
    const nodes = names.map((name, i) => ({ id: `n${i}`, name }));
    const links = [
      { source: 'n0', target: 'n1', value: 5 }, { source: 'n1', target: 'n9', value: 10 }, { source: 'n2', target: 'n9', value: 9 },
      { source: 'n3', target: 'n6', value: 2 }, { source: 'n4', target: 'n6', value: 3 }, { source: 'n5', target: 'n6', value: 40 },
      { source: 'n6', target: 'n9', value: 45 }, { source: 'n7', target: 'n9', value: 60 }, { source: 'n8', target: 'n9', value: 20 },
    ];
    const width = 960;
    const layout = sankey<{ id: string; name: string }, { source: string; target: string; value: number }>()
      .nodeId((d) => d.id).nodeWidth(14).nodePadding(16).extent([[8, 8], [width - 8, 332]])({ nodes, links } as never);
    const placed = placeLabels(layout.nodes as unknown as LabelNode[], width);
    expect(overlaps(placed)).toEqual([]);
    for (const l of placed) {
      const b = box(l);
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(width);
    }
    // Bars never lose their name silently: the big ones are labelled.
    expect(placed.map((l) => l.id)).toEqual(expect.arrayContaining(['n9', 'n7', 'n5']));
  });

  it('of two names closer than a line, keeps the bigger bar’s; cuts a name too long for its gap', () => {
    const nodes: LabelNode[] = [
      { id: 'a', name: 'Cooperativa de Catadores Recicla Leste', x0: 300, x1: 314, y0: 100, y1: 110 },
      { id: 'b', name: 'Cooperativa Papel Reviver', x0: 300, x1: 314, y0: 100, y1: 118 },
      { id: 'z', name: 'Armazém', x0: 500, x1: 514, y0: 0, y1: 300 },
    ];
    const placed = placeLabels(nodes, 520);
    expect(placed.map((p) => p.id).sort()).toEqual(['b', 'z']);
    expect(overlaps(placed)).toEqual([]);
    expect(fit('Cooperativa de Catadores Recicla Leste', 100)).toMatch(/^Cooperativa.*…$/);
    expect(fit('Cooperativa de Catadores Recicla Leste', 100).length * CHAR_PX).toBeLessThanOrEqual(100);
  });
});
