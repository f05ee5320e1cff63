import { useEffect, useMemo, useRef, useState } from 'react';
import type { Core } from 'cytoscape';
import { useMessages } from '../../i18n/index.tsx';
import { downloadBlob, downloadText, fileSlug } from '../charts/download.ts';
import { networkMessages } from './messages.ts';
import { toElements } from './mapper.ts';
import { geoLayout, tierLayout } from './layout.ts';
import { graphToSvg } from './svg.ts';
import { colours, LABEL_FONT, LABEL_MIN_PX } from './cy-style.ts';
import { LABEL_MAX_WIDTH, LABEL_PX, pickLabels, type LabelCandidate } from './labels.ts';
import { drawGraph, type Drawn } from './draw.ts';
import type { WorkerRequest } from './layout.worker.ts';
import type { LayoutName, NetworkGraph, Positions, ProposedLink } from './types.ts';

/** Most names drawn at once on a big graph: beyond a few hundred they overlap and cost frames. */
const LABEL_MAX = 300;

/**
 * Big graphs: names only where they can be read, i.e. once the zoom makes the font at least
 * LABEL_MIN_PX on screen, and only for the enterprises in view (the biggest first).
 */
function labelInView(cy: Core): void {
  const readable = cy.zoom() * LABEL_FONT >= LABEL_MIN_PX;
  const want = new Set<string>();
  if (readable) {
    const { x1, x2, y1, y2 } = cy.extent();
    const inView = cy.nodes().filter((n) => {
      const p = n.position();
      return p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2;
    });
    inView
      .sort((a, b) => (b.data('value') as number) - (a.data('value') as number))
      .slice(0, LABEL_MAX)
      .forEach((n) => {
        want.add(n.id());
      });
  }
  cy.batch(() => {
    cy.nodes('.labelled').forEach((n) => {
      if (!want.has(n.id())) n.removeClass('labelled');
    });
    for (const id of want) cy.getElementById(id).addClass('labelled');
  });
  // What the view shows, for tests and the bench (the canvas itself cannot be read).
  cy.container()?.setAttribute('data-zoom', cy.zoom().toFixed(4));
  cy.container()?.setAttribute('data-labelled', String(want.size));
}

/**
 * The whole graph as a PNG at up to twice its size, 4,096 px at most a side (browsers refuse
 * much bigger canvases, and at 5,000 enterprises an 8,000-px picture took over 30 s to make).
 * Big graphs: cytoscape's picture of the enterprises over the edge layer's links.
 */
const PNG_MAX = 4096;

async function toPng({ cy, edges }: Drawn): Promise<Blob> {
  const bb = cy.elements().boundingBox();
  const scale = Math.min(2, PNG_MAX / Math.max(1, bb.w), PNG_MAX / Math.max(1, bb.h));
  if (!edges) return cy.png({ output: 'blob', full: true, scale, bg: colours.background });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(bb.w) * scale;
  canvas.height = Math.ceil(bb.h) * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // The transform cytoscape's own full export uses (translate by the bounding box, then scale).
  ctx.setTransform(scale, 0, 0, scale, -bb.x1 * scale, -bb.y1 * scale);
  edges.paint(ctx);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const nodes = await createImageBitmap(cy.png({ output: 'blob', full: true, scale }));
  ctx.drawImage(nodes, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be made.'))), 'image/png'));
}

/**
 * Graphs up to BIG: names drawn at LABEL_PX on screen whatever the zoom, for the enterprises
 * whose name fits without covering another, biggest first (labels.ts).
 */
function labelReadable(cy: Core, always: Set<string>): void {
  const zoom = cy.zoom();
  const candidates: LabelCandidate[] = [];
  cy.nodes().forEach((n) => {
    const p = n.renderedPosition();
    candidates.push({ id: n.id(), x: p.x, y: p.y, r: ((n.data('size') as number) * zoom) / 2, text: n.data('label') as string, rank: n.data('size') as number, always: always.has(n.id()) || n.selected() });
  });
  const want = new Set(pickLabels(candidates, { width: cy.width(), height: cy.height() }, LABEL_MAX));
  const style = { 'font-size': LABEL_PX / zoom, 'text-max-width': `${LABEL_MAX_WIDTH / zoom}px`, 'text-margin-y': 3 / zoom };
  cy.batch(() => {
    cy.nodes('.labelled').forEach((n) => {
      if (!want.has(n.id())) n.removeClass('labelled').removeStyle('font-size text-max-width text-margin-y');
    });
    for (const id of want) cy.getElementById(id).addClass('labelled').style(style);
  });
  cy.container()?.setAttribute('data-zoom', zoom.toFixed(4));
  cy.container()?.setAttribute('data-labelled', String(want.size));
}

export interface GraphTimings {
  layoutMs: number | null;
  drawMs: number;
}

/** Runs one request in a fresh worker (terminated when done, or when the view moves on). */
export function inWorker<T>(request: WorkerRequest): { promise: Promise<T>; stop(): void } {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const promise = new Promise<T>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<T>) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      reject(new Error(e.message));
      worker.terminate();
    };
  });
  worker.postMessage(request);
  return { promise, stop: () => worker.terminate() };
}

function forceInWorker(graph: NetworkGraph) {
  const sizes: Record<string, number> = {};
  for (const e of toElements({ ...graph, edges: [] }, {})) if (e.group === 'nodes') sizes[e.data.id] = e.data.size + 30;
  return inWorker<{ positions: Positions; ms: number }>({
    kind: 'force',
    sizes,
    ids: graph.nodes.map((n) => n.id),
    edges: graph.edges.map((e) => ({ source: e.source, target: e.target, value: e.value })),
  });
}

export function GraphView({
  graph,
  layout,
  proposed,
  title,
  onSelect,
  onTimings,
}: {
  graph: NetworkGraph;
  layout: LayoutName;
  proposed?: ProposedLink[];
  title: string;
  onSelect?(id: string | null): void;
  onTimings?(t: GraphTimings): void;
}) {
  const t = useMessages(networkMessages);
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Drawn | null>(null);
  const [forced, setForced] = useState<{ graph: NetworkGraph; positions: Positions; ms: number | null } | null>(null);
  const [drawnFor, setDrawnFor] = useState<object | null>(null);
  const select = useRef(onSelect);
  const timings = useRef(onTimings);
  useEffect(() => {
    select.current = onSelect;
    timings.current = onTimings;
  });

  // 1. Positions: geographic and tiers are linear and computed here; force-directed runs in a worker.
  const direct = useMemo(() => {
    if (layout === 'force') return null;
    // Linear layouts: not timed (only the worker's force layout is worth measuring).
    return { graph, positions: layout === 'geo' ? geoLayout(graph).positions : tierLayout(graph), ms: null };
  }, [graph, layout]);
  useEffect(() => {
    if (layout !== 'force') return;
    const t0 = performance.now();
    const job = forceInWorker(graph);
    let live = true;
    job.promise.then(
      (r) => live && setForced({ graph, positions: r.positions, ms: performance.now() - t0 }),
      // Without workers (an old host), the tiers layout still gives a readable picture.
      () => live && setForced({ graph, positions: tierLayout(graph), ms: performance.now() - t0 }),
    );
    return () => {
      live = false;
      job.stop();
    };
  }, [graph, layout]);
  const positions = direct ?? (forced && forced.graph === graph ? forced : null);
  const status: 'layout' | 'draw' | 'ready' = !positions ? 'layout' : drawnFor === positions ? 'ready' : 'draw';

  // 2. Draw with the positions given (preset): cytoscape never runs a layout of its own.
  useEffect(() => {
    if (!positions || !box.current) return;
    const t0 = performance.now();
    const drawn = drawGraph(box.current, toElements(graph, positions.positions, { proposed, focus: graph.focus }));
    const { cy: instance, big } = drawn;
    cy.current = drawn;
    instance.one('render', () => {
      const drawMs = performance.now() - t0;
      setDrawnFor(positions);
      box.current?.setAttribute('data-draw-ms', String(Math.round(drawMs)));
      if (positions.ms !== null) box.current?.setAttribute('data-layout-ms', String(Math.round(positions.ms)));
      else box.current?.removeAttribute('data-layout-ms');
      timings.current?.({ layoutMs: positions.ms, drawMs });
    });
    let labelTimer: ReturnType<typeof setTimeout> | undefined;
    const always = new Set(graph.focus ? [graph.focus] : []);
    // Never on a destroyed instance: destroying it can still fire the events that schedule this.
    const relabel = () => {
      if (instance.destroyed()) return;
      if (big) labelInView(instance);
      else labelReadable(instance, always);
    };
    // After the person stops moving: relabelling while moving would cost frames.
    instance.on('viewport resize select unselect', () => {
      clearTimeout(labelTimer);
      labelTimer = setTimeout(relabel, 150);
    });
    relabel();
    // The picture's shape in model units (for tests: a layout that fits the panel is about as wide as it).
    const bb = instance.nodes().boundingBox();
    box.current.setAttribute('data-extent', `${Math.round(bb.w)}x${Math.round(bb.h)}`);
    instance.on('tap', 'node', (e) => select.current?.(e.target.id() as string));
    instance.on('tap', (e) => e.target === instance && select.current?.(null));
    return () => {
      clearTimeout(labelTimer);
      drawn.edges?.destroy();
      instance.destroy();
      if (cy.current === drawn) cy.current = null;
    };
  }, [positions, graph, proposed]);

  const exportPng = async () => {
    const c = cy.current;
    if (!c) return;
    downloadBlob(`${fileSlug(title)}.png`, await toPng(c));
  };
  const exportSvg = () => {
    const c = cy.current;
    if (!c || !positions) return;
    const drawn: Positions = {};
    c.cy.nodes().forEach((n) => {
      drawn[n.id()] = n.position();
    });
    const svg = graphToSvg(toElements(graph, drawn, { proposed, focus: graph.focus }), drawn, title, {
      ...colours,
      link: colours.link,
    });
    downloadText(`${fileSlug(title)}.svg`, svg, 'image/svg+xml');
  };

  return (
    <div className="graph-wrap">
      <div className="graph-toolbar no-print">
        <button type="button" onClick={() => cy.current?.cy.fit(undefined, 30)}>
          {t('fit')}
        </button>
        <button type="button" onClick={() => void exportPng()} disabled={status !== 'ready'}>{t('savePng')}</button>
        <button type="button" onClick={exportSvg} disabled={status !== 'ready'}>{t('saveSvg')}</button>
        {status !== 'ready' && (
          <span className="muted" role="status">
            {status === 'layout' ? t('placing') : t('drawing')}
          </span>
        )}
      </div>
      <div
        ref={box}
        className="graph-canvas"
        data-testid="network-graph"
        data-status={status}
        role="img"
        aria-label={t('graphAlt', { nodes: graph.nodes.length, edges: graph.edges.length })}
      />
    </div>
  );
}
