/**
 * Where the flow diagram writes each enterprise's name so that no two names overlap (issue 15:
 * "Cooperativa de Catadores Recicla Leste" over "Cooperativa Papel Reviver"). Pure, so a unit
 * test checks it: a name goes right of its bar into the gap before the next column (the last
 * column writes left, into half of the gap before it); a name too long for its gap is cut with
 * "…"; of names closer than a line in one column the bigger bar's wins, the other stays in the
 * bar's tooltip.
 */
export interface LabelNode {
  id: string;
  name: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** Width the text may take (px), from x in the anchor's direction. */
  room: number;
}

/** Average advance of a 12px sans-serif character: enough to keep names apart. */
export const CHAR_PX = 6.6;
export const LINE_PX = 14;
const PAD = 6;

export function placeLabels(nodes: readonly LabelNode[], width: number): PlacedLabel[] {
  const columns = [...new Set(nodes.map((n) => Math.round(n.x0)))].sort((a, b) => a - b);
  const colOf = (n: LabelNode) => columns.indexOf(Math.round(n.x0));
  const last = columns.length - 1;
  const placed: PlacedLabel[] = [];
  for (let c = 0; c <= last; c++) {
    const inColumn = nodes.filter((n) => colOf(n) === c);
    const barRight = Math.max(...inColumn.map((n) => n.x1));
    let room: number;
    let anchor: 'start' | 'end';
    if (c < last) {
      anchor = 'start';
      const next = columns[c + 1];
      // The gap before the last column is shared with the last column's names.
      room = (c + 1 === last && last > 0 ? (next - barRight) / 2 : next - barRight) - 2 * PAD;
    } else {
      anchor = last === 0 ? 'start' : 'end';
      const prevRight = last === 0 ? width : Math.max(...nodes.filter((n) => colOf(n) === c - 1).map((n) => n.x1));
      room = last === 0 ? width - barRight - 2 * PAD : (columns[c] - prevRight) / 2 - 2 * PAD;
    }
    // Bigger bars first: they keep their name when two are too close.
    const byHeight = [...inColumn].sort((a, b) => b.y1 - b.y0 - (a.y1 - a.y0) || a.y0 - b.y0);
    const kept: number[] = [];
    for (const n of byHeight) {
      const y = (n.y0 + n.y1) / 2;
      if (kept.some((k) => Math.abs(k - y) < LINE_PX)) continue;
      kept.push(y);
      placed.push({ id: n.id, text: fit(n.name, room), x: anchor === 'start' ? n.x1 + PAD : n.x0 - PAD, y, anchor, room: Math.max(0, room) });
    }
  }
  return placed.filter((p) => p.text.length > 0);
}

/** The name, cut with "…" to fit `room` pixels (nothing when not even a few letters fit). */
export function fit(name: string, room: number): string {
  const chars = Math.floor(room / CHAR_PX);
  if (name.length <= chars) return name;
  if (chars < 4) return '';
  return `${name.slice(0, chars - 1).trimEnd()}…`;
}
