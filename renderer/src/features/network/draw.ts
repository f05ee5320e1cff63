import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { cyStyle, withSizeClasses } from './cy-style.ts';
import { edgeLayer, type EdgeLayer } from './edge-layer.ts';
import type { ViewEdge, ViewElement, ViewNode } from './types.ts';

/** Above this many elements the graph is drawn the cheap way (see drawGraph). */
export const BIG = 1500;

export interface Drawn {
  cy: Core;
  /** Big graphs: the links, drawn outside cytoscape. */
  edges: EdgeLayer | null;
  big: boolean;
}

/**
 * Draws the view graph at the positions given (preset: cytoscape never runs a layout of its own).
 * Big graphs: sizes by class instead of a data mapper per element, no arrows, and the links on
 * a canvas of their own (edge-layer.ts), so cytoscape holds only the enterprises.
 * The DOM-free part of GraphView, so that bench/graph-render.ts can draw exactly what the view
 * draws in a bare page.
 */
export function drawGraph(container: HTMLElement, elements: ViewElement[]): Drawn {
  const big = elements.length > BIG;
  const nodes = big ? withSizeClasses(elements.filter((e): e is ViewNode => e.group === 'nodes')) : elements;
  const cy = cytoscape({
    container,
    elements: nodes as unknown as ElementDefinition[],
    layout: { name: 'preset', fit: true, padding: 30 },
    style: cyStyle(big),
    minZoom: 0.02,
    maxZoom: 6,
    textureOnViewport: big,
    pixelRatio: big ? 1 : 'auto',
    boxSelectionEnabled: false,
  });
  // Never open zoomed in past life size: a handful of enterprises would fill the screen.
  if (cy.zoom() > 1.1) {
    cy.zoom(1.1);
    cy.center();
  }
  const edges = big ? edgeLayer(cy, elements.filter((e): e is ViewEdge => e.group === 'edges')) : null;
  return { cy, edges, big };
}
