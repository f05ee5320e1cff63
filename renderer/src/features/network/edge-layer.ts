import type { Core, EventObject } from 'cytoscape';
import { edgeStroke, type EdgeStroke } from './cy-style.ts';
import type { Point, ViewEdge } from './types.ts';

/**
 * The links of a big graph, drawn on a canvas of our own under cytoscape's (which then holds
 * only the enterprises). Cytoscape makes every edge an element with its own style, bounding box
 * and draw call: at 5,000 enterprises / 20,000 links that was about two thirds of the first
 * draw's CPU time (headless Chromium, bench/graph-render.ts). Here links are grouped by how they
 * look (colour, width class, dashes) and each group is one canvas path, stroked once.
 * Links are not clickable in the view, so nothing is lost; they follow pan, zoom, resizing and
 * dragged enterprises.
 */
export interface EdgeLayer {
  /** Paints the links into another context, in model coordinates already transformed (the PNG export). */
  paint(ctx: CanvasRenderingContext2D): void;
  destroy(): void;
}

interface Group {
  stroke: EdgeStroke;
  /** Pairs of endpoint ids, flattened: [source, target, source, target, …]. */
  ends: string[];
}

function groupEdges(edges: ViewEdge[]): Group[] {
  const groups = new Map<string, Group>();
  for (const e of edges) {
    const stroke = edgeStroke(e);
    const key = `${stroke.colour}|${stroke.width}|${stroke.alpha}|${stroke.dash.join(',')}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { stroke, ends: [] }));
    g.ends.push(e.data.source, e.data.target);
  }
  // Dashed proposals last: they are what the planner wants seen.
  return [...groups.values()].sort((a, b) => a.stroke.dash.length - b.stroke.dash.length || a.stroke.width - b.stroke.width);
}

export function edgeLayer(cy: Core, edges: ViewEdge[]): EdgeLayer {
  const container = cy.container()!;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset.layer = 'links';
  canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
  container.insertBefore(canvas, container.firstChild);
  const ctx = canvas.getContext('2d')!;
  const groups = groupEdges(edges);
  const at = new Map<string, Point>();
  cy.nodes().forEach((n) => {
    at.set(n.id(), { ...n.position() });
  });

  const paint = (c: CanvasRenderingContext2D) => {
    for (const { stroke, ends } of groups) {
      c.beginPath();
      for (let i = 0; i < ends.length; i += 2) {
        const a = at.get(ends[i]);
        const b = at.get(ends[i + 1]);
        if (!a || !b) continue;
        c.moveTo(a.x, a.y);
        c.lineTo(b.x, b.y);
      }
      c.globalAlpha = stroke.alpha;
      c.strokeStyle = stroke.colour;
      // Widths are in model units, as cytoscape's are: zoomed out, links fade to hairlines.
      c.lineWidth = stroke.width;
      c.setLineDash(stroke.dash);
      c.stroke();
    }
    c.globalAlpha = 1;
    c.setLineDash([]);
  };

  const draw = () => {
    frame = 0;
    const w = container.clientWidth;
    const h = container.clientHeight;
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const zoom = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    ctx.setTransform(zoom, 0, 0, zoom, pan.x, pan.y);
    paint(ctx);
  };
  // At most one repaint per frame, however many viewport or drag events arrive.
  let frame = 0;
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const moved = (e: EventObject) => {
    at.set(e.target.id() as string, { ...e.target.position() });
    schedule();
  };
  cy.on('viewport resize', schedule);
  cy.on('position', 'node', moved);
  draw();

  return {
    paint,
    destroy() {
      cancelAnimationFrame(frame);
      cy.off('viewport resize', schedule);
      cy.off('position', 'node', moved);
      canvas.remove();
    },
  };
}
