import type { StylesheetJson } from 'cytoscape';
import { EDGE_MAX, EDGE_MIN, NODE_MAX, NODE_MIN } from './mapper.ts';
import type { ViewEdge, ViewElement } from './types.ts';

/**
 * How the view graph looks in cytoscape. Fixed colours (not CSS variables): the canvas is
 * also what "Save as PNG" writes. Solidarity enterprises are green circles, the others orange
 * diamonds (shape as well as colour); enterprises outside the network are paler.
 * On big graphs, arrows and curved edges cost too much per frame: plain straight lines.
 *
 * Big graphs also drop what costs most at first draw (measured in headless Chromium at 5,000
 * enterprises / 20,000 links, renderer CPU time: plain cytoscape 3.1–3.5 s, this style with
 * data mappers and labels 6–7 s, of which the width/height data mappers about 2 s and the labels
 * about 0.7 s): sizes come from a few classes instead of a mapper per element, and names only
 * for the enterprises in view once the zoom makes them readable (class `labelled`, see
 * GraphView's labelInView).
 */
const SIZE_STEPS = 8;
const WIDTH_STEPS = 6;
const step = (v: number, lo: number, hi: number, steps: number) => Math.max(0, Math.min(steps - 1, Math.round(((v - lo) / (hi - lo)) * (steps - 1))));
const stepSize = (i: number, lo: number, hi: number, steps: number) => lo + ((hi - lo) * i) / (steps - 1);

/** For big graphs: each element's size as a class (sz0…, w0…), which cytoscape styles once per class. */
export function withSizeClasses(elements: ViewElement[]): ViewElement[] {
  return elements.map((e) =>
    e.group === 'nodes'
      ? { ...e, classes: `${e.classes} sz${step(e.data.size, NODE_MIN, NODE_MAX, SIZE_STEPS)}` }
      : { ...e, classes: `${e.classes} w${step(e.data.width, EDGE_MIN, EDGE_MAX, WIDTH_STEPS)}` },
  );
}

/** How one link of a big graph is stroked on the edge layer (edge-layer.ts): bigStyle's edge rules, as canvas settings. */
export interface EdgeStroke {
  colour: string;
  alpha: number;
  width: number;
  dash: number[];
}

export function edgeStroke(e: ViewEdge): EdgeStroke {
  const classes = e.classes.split(' ');
  if (classes.includes('proposed')) return { colour: colours.proposed, alpha: 0.95, width: 3, dash: [8, 5] };
  return {
    colour: classes.includes('non-solidarity') ? colours.nonSolidarityLink : colours.link,
    alpha: 0.45,
    width: stepSize(step(e.data.width, EDGE_MIN, EDGE_MAX, WIDTH_STEPS), EDGE_MIN, EDGE_MAX, WIDTH_STEPS),
    dash: [],
  };
}

/** Font size of names, in model units: readable on screen once zoom × this reaches LABEL_MIN_PX. */
export const LABEL_FONT = 11;
export const LABEL_MIN_PX = 9;

function bigStyle(): StylesheetJson {
  const sizes: StylesheetJson = Array.from({ length: SIZE_STEPS }, (_, i) => ({ selector: `node.sz${i}`, style: { width: stepSize(i, NODE_MIN, NODE_MAX, SIZE_STEPS), height: stepSize(i, NODE_MIN, NODE_MAX, SIZE_STEPS) } }));
  const widths: StylesheetJson = Array.from({ length: WIDTH_STEPS }, (_, i) => ({ selector: `edge.w${i}`, style: { width: stepSize(i, EDGE_MIN, EDGE_MAX, WIDTH_STEPS) } }));
  return [
    { selector: 'node', style: { width: NODE_MIN, height: NODE_MIN, 'background-color': colours.solidarity, 'border-width': 1, 'border-color': '#ffffff' } },
    ...sizes,
    {
      selector: 'node.labelled',
      style: { label: 'data(label)', 'font-size': LABEL_FONT, 'font-family': 'system-ui, sans-serif', color: colours.text, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '140px' },
    },
    { selector: 'node.other', style: { 'background-color': colours.other, shape: 'diamond' } },
    { selector: 'node.outside', style: { 'background-opacity': 0.55 } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': colours.focus } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': colours.focus } },
    { selector: 'edge', style: { width: EDGE_MIN, 'line-color': colours.link, opacity: 0.45, 'curve-style': 'haystack' } },
    ...widths,
    { selector: 'edge.non-solidarity', style: { 'line-color': colours.nonSolidarityLink } },
    { selector: 'edge.proposed', style: { 'line-color': colours.proposed, 'line-style': 'dashed', 'line-dash-pattern': [8, 5], opacity: 0.95, width: 3 } },
  ];
}
export const colours = {
  solidarity: '#2a8a70',
  other: '#c0622a',
  link: '#9aaba4',
  nonSolidarityLink: '#d0753f',
  proposed: '#1a5fd0',
  focus: '#1a5fd0',
  text: '#1d2421',
  background: '#ffffff',
};

export function cyStyle(big: boolean): StylesheetJson {
  if (big) return bigStyle();
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': colours.solidarity,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    // Names only where they fit without covering another (labels.ts); GraphView sets their
    // size against the zoom so that they are always LABEL_PX on screen.
    {
      selector: 'node.labelled',
      style: { label: 'data(label)', 'font-family': 'system-ui, sans-serif', color: colours.text, 'text-valign': 'bottom', 'text-wrap': 'ellipsis' },
    },
    { selector: 'node.other', style: { 'background-color': colours.other, shape: 'diamond' } },
    { selector: 'node.outside', style: { 'background-opacity': 0.55 } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': colours.focus } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': colours.focus } },
    {
      selector: 'edge',
      style: big
        ? { width: 'data(width)', 'line-color': colours.link, opacity: 0.45, 'curve-style': 'haystack' }
        : {
            width: 'data(width)',
            'line-color': colours.link,
            opacity: 0.75,
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': colours.link,
            'arrow-scale': 0.8,
          },
    },
    { selector: 'edge.non-solidarity', style: { 'line-color': colours.nonSolidarityLink, 'target-arrow-color': colours.nonSolidarityLink } },
    {
      selector: 'edge.proposed',
      style: {
        'line-color': colours.proposed,
        'target-arrow-color': colours.proposed,
        'line-style': 'dashed',
        'line-dash-pattern': [8, 5],
        opacity: 0.95,
        width: 3,
      },
    },
  ];
}
