/**
 * Which enterprises get their name drawn: those whose name fits on screen without covering
 * another name, the biggest first (hubs before the enterprises around them). Names are drawn
 * at a fixed size on screen (GraphView scales the font against the zoom), so what is drawn is
 * always readable; zooming in makes room for more. Pure, on screen coordinates, so it is
 * tested without a canvas.
 */
export interface LabelCandidate {
  id: string;
  /** Centre of the enterprise on screen, and its radius there (px). */
  x: number;
  y: number;
  r: number;
  text: string;
  /** Bigger first; ties by id, so the same view always names the same ones. */
  rank: number;
  /** Named whatever it covers (the selected enterprise, the chain's focus). */
  always?: boolean;
}

/** On-screen size of names: the font in px, and the widest a name is drawn before "…". */
export const LABEL_PX = 11;
export const LABEL_MAX_WIDTH = 140;
/** Average glyph width of the UI font at LABEL_PX (system-ui): enough to keep boxes apart. */
const GLYPH = 6.2;
const LINE = LABEL_PX + 4;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export function labelBox(c: LabelCandidate): Box {
  const w = Math.min(LABEL_MAX_WIDTH, c.text.length * GLYPH);
  const top = c.y + c.r + 3;
  return { x1: c.x - w / 2, y1: top, x2: c.x + w / 2, y2: top + LINE };
}

export function pickLabels(candidates: LabelCandidate[], view: { width: number; height: number }, max: number): string[] {
  const order = [...candidates].sort((a, b) => Number(Boolean(b.always)) - Number(Boolean(a.always)) || b.rank - a.rank || (a.id < b.id ? -1 : 1));
  const placed: Box[] = [];
  const out: string[] = [];
  for (const c of order) {
    if (out.length >= max && !c.always) break;
    const box = labelBox(c);
    const inside = box.x1 >= 0 && box.x2 <= view.width && box.y1 >= 0 && box.y2 <= view.height;
    if (!c.always && (!inside || placed.some((p) => overlaps(p, box)))) continue;
    placed.push(box);
    out.push(c.id);
  }
  return out;
}
