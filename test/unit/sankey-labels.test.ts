import { describe, expect, it } from 'vitest';
import { sankey } from 'd3-sankey';
import { CHAR_PX, LINE_PX, fit, placeLabels, wrap, type LabelNode, type PlacedLabel } from '../../renderer/src/features/charts/sankey-labels.ts';

/** The box a label's text covers, at the estimated character width. */
function box(l: PlacedLabel) {
  const w = Math.max(...l.lines.map((line) => line.length)) * CHAR_PX;
  const x0 = l.anchor === 'start' ? l.x : l.x - w;
  const h = (l.lines.length * LINE_PX) / 2;
  return { x0, x1: x0 + w, y0: l.y - h, y1: l.y + h };
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
    // The middle column's names are whole, on two lines where one is too narrow (they were cut with "…").
    // Every name is whole here: none is cut with "…".
    for (const l of placed) expect(l.lines.join(' ')).toBe(names[Number(l.id.slice(1))]);
    for (const l of placed) expect(l.lines.every((line) => line.length * CHAR_PX <= l.room)).toBe(true);
  });

  it('wraps between words, and cuts only what two lines cannot hold', () => {
    expect(wrap('Cooperativa de Catadores Recicla Leste', 170)).toEqual(['Cooperativa de', 'Catadores Recicla Leste']);
    expect(wrap('Armazém', 100)).toEqual(['Armazém']);
    expect(wrap('Cooperativa de Catadores Recicla Leste da Zona Norte', 120)).toEqual(['Cooperativa de', 'Catadores Recicla…']);
    expect(wrap('Supercalifragilisticexpialidocious Ltda', 60)).toEqual(['Supercal…']);
  });

  it('keeps one line where the neighbours above and below leave no height for two', () => {
    const nodes: LabelNode[] = [
      { id: 'a', name: 'Cooperativa de Catadores de Materiais Recicláveis Recicla Leste da Zona Norte', x0: 100, x1: 114, y0: 100, y1: 110 },
      { id: 'b', name: 'Cooperativa Papel Reviver do Sul e da Baixada Santista de São Paulo', x0: 100, x1: 114, y0: 116, y1: 126 },
      { id: 'c', name: 'Cooperativa Agroecológica Terra Viva do Vale do Ribeira e do Litoral Sul', x0: 100, x1: 114, y0: 200, y1: 260 },
      { id: 'z', name: 'Armazém', x0: 500, x1: 514, y0: 0, y1: 300 },
    ];
    const placed = placeLabels(nodes, 520);
    expect(overlaps(placed)).toEqual([]);
    expect(placed.find((l) => l.id === 'a')!.lines).toHaveLength(1);
    expect(placed.find((l) => l.id === 'b')!.lines).toHaveLength(1);
    expect(placed.find((l) => l.id === 'c')!.lines).toHaveLength(2);
    expect(placed.find((l) => l.id === 'c')!.text).toBe(nodes[2].name);
    expect(placed.find((l) => l.id === 'a')!.text).toMatch(/…$/);
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
