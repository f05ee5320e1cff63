import type { ViewElement, ViewNode, Positions } from './types.ts';

/**
 * Our own SVG export of the network graph, from the view elements and the drawn positions:
 * every text is escaped (an enterprise may be called `<img src=x onerror=…>`), characters XML
 * forbids are dropped, and the file holds nothing active — no script, no event attribute, no
 * external reference — so it is well-formed and inert wherever it is opened.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters outright
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export interface SvgColours {
  solidarity: string;
  other: string;
  link: string;
  nonSolidarityLink: string;
  proposed: string;
  text: string;
  background: string;
}

export const defaultColours: SvgColours = {
  solidarity: '#1f6f5c',
  other: '#b4531c',
  link: '#8fa39b',
  nonSolidarityLink: '#b4531c',
  proposed: '#1a5fd0',
  text: '#1d2421',
  background: '#ffffff',
};

const num = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : 0).toString();

/** Labels on every node up to this many; above it only on the biggest, to stay legible. */
const LABEL_ALL = 300;
const LABEL_TOP = 150;

export function graphToSvg(elements: ViewElement[], positions: Positions, title: string, colours: SvgColours = defaultColours): string {
  const nodes = elements.filter((e): e is ViewNode => e.group === 'nodes');
  const edges = elements.filter((e) => e.group === 'edges');
  const pos = (id: string) => positions[id] ?? { x: 0, y: 0 };
  const pad = 40;
  const xs = nodes.map((n) => pos(n.data.id).x);
  const ys = nodes.map((n) => pos(n.data.id).y);
  const x0 = (nodes.length ? Math.min(...xs) : 0) - pad - NODE_PAD;
  const y0 = (nodes.length ? Math.min(...ys) : 0) - pad - NODE_PAD;
  const w = (nodes.length ? Math.max(...xs) : 0) - x0 + pad + NODE_PAD;
  const h = (nodes.length ? Math.max(...ys) : 0) - y0 + pad + NODE_PAD;
  const labelled = new Set(
    (nodes.length <= LABEL_ALL ? nodes : [...nodes].sort((a, b) => b.data.value - a.data.value).slice(0, LABEL_TOP)).map((n) => n.data.id),
  );
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(h)}" width="${num(Math.min(w, 4000))}" height="${num((Math.min(w, 4000) / w) * h)}" role="img" aria-labelledby="t">`,
  );
  out.push(`<title id="t">${escapeXml(title)}</title>`);
  out.push(`<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" fill="${colours.background}"/>`);
  out.push('<g fill="none" stroke-linecap="round">');
  for (const e of edges) {
    if (e.group !== 'edges') continue;
    const a = pos(e.data.source);
    const b = pos(e.data.target);
    const cls = e.classes.split(' ');
    const stroke = cls.includes('proposed') ? colours.proposed : cls.includes('non-solidarity') ? colours.nonSolidarityLink : colours.link;
    const dash = cls.includes('proposed') ? ' stroke-dasharray="8 6"' : '';
    out.push(`<line x1="${num(a.x)}" y1="${num(a.y)}" x2="${num(b.x)}" y2="${num(b.y)}" stroke="${stroke}" stroke-width="${num(e.data.width)}" stroke-opacity="0.7"${dash}/>`);
  }
  out.push('</g><g stroke="#ffffff" stroke-width="1.5">');
  for (const n of nodes) {
    const p = pos(n.data.id);
    const r = n.data.size / 2;
    const fill = n.data.solidarity ? colours.solidarity : colours.other;
    // Shape as well as colour: solidarity enterprises are circles, the others diamonds.
    if (n.data.solidarity) out.push(`<circle cx="${num(p.x)}" cy="${num(p.y)}" r="${num(r)}" fill="${fill}"/>`);
    else out.push(`<path d="M${num(p.x)} ${num(p.y - r)}L${num(p.x + r)} ${num(p.y)}L${num(p.x)} ${num(p.y + r)}L${num(p.x - r)} ${num(p.y)}Z" fill="${fill}"/>`);
  }
  out.push(`</g><g font-family="sans-serif" font-size="12" fill="${colours.text}" text-anchor="middle">`);
  for (const n of nodes) {
    if (!labelled.has(n.data.id)) continue;
    const p = pos(n.data.id);
    out.push(`<text x="${num(p.x)}" y="${num(p.y + n.data.size / 2 + 14)}">${escapeXml(n.data.label)}</text>`);
  }
  out.push('</g></svg>');
  return out.join('\n');
}

const NODE_PAD = 32;
