import type { StylesheetJson } from 'cytoscape';

/**
 * How the view graph looks in cytoscape. Fixed colours (not CSS variables): the canvas is
 * also what "Save as PNG" writes. Solidarity enterprises are green circles, the others orange
 * diamonds (shape as well as colour); enterprises outside the network are paler.
 * On big graphs, arrows and curved edges cost too much per frame: plain straight lines.
 */
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
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': colours.solidarity,
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: colours.text,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        // Small graphs: every name always readable. Big ones: names appear as you zoom in.
        'min-zoomed-font-size': big ? 10 : 0,
        'border-width': 1,
        'border-color': '#ffffff',
      },
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
