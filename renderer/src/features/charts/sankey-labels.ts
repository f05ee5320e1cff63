/**
 * Where the flow diagram writes each enterprise's name so that no two names overlap (issue 15:
 * "Cooperativa de Catadores Recicla Leste" over "Cooperativa Papel Reviver"). Pure, so a unit
 * test checks it: a name goes right of its bar into the gap before the next column (the last
 * column writes left, into half of the gap before it); a name too long for its gap goes on two
 * lines where the lines above and below leave room, else it is cut with "…"; of names closer
 * than a line in one column the bigger bar's wins, the other stays in the bar's tooltip.
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
  /** The name as shown (its lines joined by a space). */
  text: string;
  /** One or two lines, centred on y. */
  lines: string[];
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
  const rightOf = (c: number) => Math.max(...nodes.filter((n) => colOf(n) === c).map((n) => n.x1));
  // The gap before the last column is shared: the last column's names take what they need on
  // two lines (at most half), the column before it the rest.
  let lastRoom = 0;
  let lastGap = 0;
  if (last > 0) {
    lastGap = columns[last] - rightOf(last - 1);
    const half = lastGap / 2 - 2 * PAD;
    const need = Math.max(0, ...nodes.filter((n) => colOf(n) === last).map((n) => Math.max(...wrap(n.name, half).map((l) => l.length)) * CHAR_PX));
    lastRoom = Math.min(half, need);
  }
  for (let c = 0; c <= last; c++) {
    const inColumn = nodes.filter((n) => colOf(n) === c);
    const barRight = Math.max(...inColumn.map((n) => n.x1));
    let room: number;
    let anchor: 'start' | 'end';
    if (c < last) {
      anchor = 'start';
      const next = columns[c + 1];
      // The gap before the last column is shared with the last column's names.
      room = c + 1 === last ? lastGap - lastRoom - 4 * PAD : next - barRight - 2 * PAD;
    } else {
      anchor = last === 0 ? 'start' : 'end';
      room = last === 0 ? width - barRight - 2 * PAD : lastRoom;
    }
    // Bigger bars first: they keep their name when two are too close.
    const byHeight = [...inColumn].sort((a, b) => b.y1 - b.y0 - (a.y1 - a.y0) || a.y0 - b.y0);
    const kept: PlacedLabel[] = [];
    for (const n of byHeight) {
      const y = (n.y0 + n.y1) / 2;
      if (kept.some((k) => Math.abs(k.y - y) < LINE_PX)) continue;
      const text = fit(n.name, room);
      kept.push({ id: n.id, text, lines: [text], x: anchor === 'start' ? n.x1 + PAD : n.x0 - PAD, y, anchor, room: Math.max(0, room) });
    }
    // Then the names that were cut take a second line where their neighbours leave the height
    // (the same names are kept either way: wrapping never hides another bar's name).
    const byY = [...kept].sort((a, b) => a.y - b.y);
    const span = (l: PlacedLabel) => (l.lines.length * LINE_PX) / 2;
    byY.forEach((l, i) => {
      const name = inColumn.find((n) => n.id === l.id)!.name;
      if (l.text === name) return;
      const lines = wrap(name, room);
      if (lines.length < 2) return;
      const half = LINE_PX;
      const above = byY[i - 1];
      const below = byY[i + 1];
      if (above && l.y - half < above.y + span(above)) return;
      if (below && l.y + half > below.y - span(below)) return;
      l.lines = lines;
      l.text = lines.join(' ');
    });
    placed.push(...kept);
  }
  return placed.filter((p) => p.text.length > 0);
}

/**
 * The name on two lines of at most `room` pixels, split between words where the two lines are
 * most even; when no split fits, the longest first line and a second cut with "…".
 */
export function wrap(name: string, room: number): string[] {
  const chars = Math.floor(room / CHAR_PX);
  if (name.length <= chars) return [name];
  const words = name.split(/\s+/).filter(Boolean);
  let best: string[] | null = null;
  let greedy = 0;
  for (let k = 1; k < words.length; k++) {
    const first = words.slice(0, k).join(' ');
    const second = words.slice(k).join(' ');
    if (first.length > chars) break;
    greedy = k;
    if (second.length <= chars && (!best || Math.max(first.length, second.length) < Math.max(best[0].length, best[1].length))) best = [first, second];
  }
  if (best) return best;
  if (greedy === 0) return [fit(name, room)];
  const second = fit(words.slice(greedy).join(' '), room);
  return second ? [words.slice(0, greedy).join(' '), second] : [fit(name, room)];
}

/** The name, cut with "…" to fit `room` pixels (nothing when not even a few letters fit). */
export function fit(name: string, room: number): string {
  const chars = Math.floor(room / CHAR_PX);
  if (name.length <= chars) return name;
  if (chars < 4) return '';
  return `${name.slice(0, chars - 1).trimEnd()}…`;
}
