// The network view at 5,000 enterprises / 20,000 flows (1,000 / 4,000 with --quick): the whole
// network, every enterprise drawn, against cytoscape used plainly on the same graph (preset
// positions, its default styles) in the same headless Chromium (no GPU, canvas renderer).
// Generates a seeded catalogue (teia generate), imports it, serves the built app (`npx vite
// build` first) and measures:
//   - the whole wait from opening the page to a drawn, interactive graph (wall, and the renderer
//     process's CPU time), and the view's own first draw (data-draw-ms);
//   - the first draw of the same nodes, edges and positions through the view's mapper and draw
//     (draw.ts, bundled here with Vite), and by plain cytoscape, each alone in a fresh page
//     (renderer CPU time: the ratio);
//   - frame rate while zooming and panning (requestAnimationFrame deltas).
// Run alone: `node bin/tsx.mjs bench/graph-render.ts [enterprises] [flowsPerEnterprise]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from '../test/helpers/browser.ts';
import { startServe } from '../test/helpers/serve.ts';
import { repoRoot } from '../test/helpers/tmp.ts';
import { forceLayout } from '../renderer/src/features/network/force.ts';
import { toElements } from '../renderer/src/features/network/mapper.ts';
import type { NetworkGraph } from '../shared/contract/network.ts';
import { fmtMs, fmtRatio, percentile, report, size, versionOf, type DetailRow } from './report.ts';

const teia = (...args: string[]) => execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'teia.mjs'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });

/** Frame times (ms) over 4 s while the wheel zooms in and out and the mouse drags the canvas. */
async function panZoomFrames(page: Page, selector: string): Promise<number[]> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // A string, not a function: tsx's name helpers do not exist in the page.
  const frames = page.evaluate<number[]>(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + 4000;
    const tick = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(out);
    };
    requestAnimationFrame(tick);
  })`);
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, i < 5 ? -240 : 240);
    await page.waitForTimeout(150);
  }
  await page.mouse.down();
  for (let i = 0; i < 20; i++) await page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2 + i * 5);
  await page.mouse.up();
  return (await frames).sort((a, b) => a - b);
}

/**
 * The view's own draw (renderer/src/features/network/draw.ts, with the cytoscape it imports)
 * bundled into one script for a bare page, as Vite bundles it for the app.
 */
async function bundleDraw(dir: string): Promise<string> {
  const { build } = await import('vite');
  const outDir = path.join(dir, 'draw-bundle');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: path.join(repoRoot, 'renderer', 'src', 'features', 'network', 'draw.ts'), formats: ['iife'], name: 'teiaDraw', fileName: () => 'draw.js' },
    },
  });
  return path.join(outDir, 'draw.js');
}

/**
 * Draws elements alone in a fresh page: with plain cytoscape (its defaults, preset positions), or
 * with the view's drawGraph from the bundle.
 */
async function drawAlone(browser: Browser, elements: unknown[], teiaBundle: string | null) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.setContent('<!doctype html><body style="margin:0"><div id="cy" style="position:relative;width:1280px;height:800px"></div></body>');
    await page.addScriptTag({ path: teiaBundle ?? path.join(repoRoot, 'node_modules', 'cytoscape', 'dist', 'cytoscape.min.js') });
    await page.evaluate(`window.elements = ${JSON.stringify(elements)}`);
    const cpu = await cpuOf(page);
    const c0 = await cpu();
    const wall = (await page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      const cy = window.teiaDraw
        ? window.teiaDraw.drawGraph(document.getElementById('cy'), window.elements).cy
        : cytoscape({ container: document.getElementById('cy'), elements: window.elements, layout: { name: 'preset' } });
      cy.one('render', () => resolve(performance.now() - t0));
    })`)) as number;
    const used = ((await cpu()) - c0) * 1000;
    const heap = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : 0')) as number;
    await page.screenshot({ path: path.join(artifactsDir, `bench-graph-alone-${teiaBundle ? 'view' : 'cytoscape'}.png`) });
    const frames = await panZoomFrames(page, '#cy');
    return { wall, cpu: used, heap, frames };
  } finally {
    await page.close();
  }
}

const fps = (sortedFrames: number[]) => 1000 / percentile(sortedFrames, 50);

/** CPU seconds the page's renderer process has used (Chromium's ProcessTime): steadier than wall time on a shared machine. */
async function cpuOf(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN;
}

export async function run(enterprises = size(5000, 1000), perEnterprise = 4): Promise<DetailRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teia-graph-bench-'));
  const rows: DetailRow[] = [];
  try {
    if (!fs.existsSync(path.join(repoRoot, 'build', 'renderer', 'index.html'))) throw new Error('The built renderer is missing: run `npx vite build` first.');
    const pkgPath = path.join(dir, 'big.json');
    const db = path.join(dir, 'big.db');
    teia('generate', '--enterprises', String(enterprises), '--flows-per-enterprise', String(perEnterprise), '--seed', '7', '--out', pkgPath);
    teia('import', pkgPath, '--db', db);
    const server = await startServe(['--db', db, '--no-sample']);
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const res = await fetch(new URL('rpc/network-graph', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ maxNodes: 20_000 }) });
      const graph = ((await res.json()) as { value: NetworkGraph }).value;
      const label = `${graph.nodes.length.toLocaleString('en')} enterprises / ${graph.edges.length.toLocaleString('en')} links`;

      // Teia: open the network's graph and wait until it is drawn and answers to the mouse.
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const cpu = await cpuOf(page);
      const c0 = await cpu();
      const t0 = performance.now();
      await page.goto(new URL('network?view=graph', server.url).href);
      const canvas = page.locator('[data-testid="network-graph"][data-status="ready"]');
      await canvas.waitFor({ timeout: 600_000 });
      const readyMs = performance.now() - t0;
      const teiaCpu = ((await cpu()) - c0) * 1000;
      const drawMs = Number(await canvas.getAttribute('data-draw-ms'));
      const layoutMs = Number(await canvas.getAttribute('data-layout-ms'));
      const summary = (await page.getByTestId('graph-summary').textContent()) ?? '';
      const teiaHeap = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : 0')) as number;
      fs.mkdirSync(artifactsDir, { recursive: true });
      await page.locator('.graph-layout').screenshot({ path: path.join(artifactsDir, 'bench-graph-teia.png') });
      const teiaFrames = await panZoomFrames(page, '[data-testid="network-graph"]');
      await page.close();

      // The peer: cytoscape alone, preset positions (the same force layout, computed here), default
      // styles. Its links are cytoscape edges; the view's are drawn on a layer of its own (draw.ts).
      const positions = forceLayout({ ids: graph.nodes.map((n) => n.id), edges: graph.edges });
      const elements = [
        ...graph.nodes.map((n) => ({ data: { id: n.id }, position: positions[n.id] })),
        ...graph.edges.map((e) => ({ data: { id: `${e.source}>${e.target}`, source: e.source, target: e.target } })),
      ];
      // The view's own mapper and draw (what GraphView draws), and plain cytoscape, each alone in
      // a fresh page from the same positions: the draw's renderer CPU time can only be read once
      // the page's main thread is free again, so it is taken this way.
      const plain = await drawAlone(browser, elements, null);
      const view = await drawAlone(browser, toElements(graph, positions), await bundleDraw(dir));
      const peerDrawMs = plain.wall;
      const peerDrawCpu = plain.cpu;
      const teiaDrawCpu = view.cpu;
      const peerHeap = plain.heap;
      const peerFrames = plain.frames;
      const ratio = teiaDrawCpu / peerDrawCpu;
      const mb = (b: number) => (b ? `${Math.round(b / 2 ** 20)} MB` : '?');
      report({
        name: `network view first draw, ${label} (renderer CPU)`,
        teia: `draw ${fmtMs(teiaDrawCpu)} (in the view: wall ${fmtMs(drawMs)}); page to drawn ${fmtMs(teiaCpu)} CPU, ${fmtMs(readyMs)} wall (layout ${fmtMs(layoutMs)} wall); ${fps(teiaFrames).toFixed(0)} fps pan/zoom`,
        peer: `draw ${fmtMs(peerDrawCpu)} (wall ${fmtMs(peerDrawMs)}; cytoscape ${await versionOf('cytoscape')}, preset, default styles); ${fps(peerFrames).toFixed(0)} fps`,
        ratio: fmtRatio(ratio),
        target: '≤ 1.5×, < 3 s, ≥ 30 fps',
        memory: `page JS heap: Teia ${mb(teiaHeap)}, cytoscape ${mb(peerHeap)}`,
        met: ratio <= 1.5 && readyMs < 3000 && fps(teiaFrames) >= 30,
      });
      rows.push(
        { name: `graph drawn (${summary.trim()})`, value: '', unit: '' },
        { name: 'Teia: opened page to drawn graph', value: fmtMs(readyMs), unit: '' },
        { name: 'Teia: force layout in the worker', value: fmtMs(layoutMs), unit: '' },
        { name: 'Teia: cytoscape first draw in the view, wall', value: fmtMs(drawMs), unit: '' },
        { name: "Teia's mapper and draw alone, wall / renderer CPU", value: `${fmtMs(view.wall)} / ${fmtMs(view.cpu)}`, unit: '' },
        { name: "Teia's mapper and draw alone: pan/zoom frame p50 / p95", value: `${fmtMs(percentile(view.frames, 50))} / ${fmtMs(percentile(view.frames, 95))}`, unit: '' },
        { name: 'Teia: opened page to drawn graph, renderer CPU', value: fmtMs(teiaCpu), unit: '' },
        { name: 'Teia: pan/zoom frame p50 / p95', value: `${fmtMs(percentile(teiaFrames, 50))} / ${fmtMs(percentile(teiaFrames, 95))}`, unit: '' },
        { name: 'plain cytoscape: first draw, wall / renderer CPU', value: `${fmtMs(peerDrawMs)} / ${fmtMs(peerDrawCpu)}`, unit: '' },
        { name: 'plain cytoscape: pan/zoom frame p50 / p95', value: `${fmtMs(percentile(peerFrames, 50))} / ${fmtMs(percentile(peerFrames, 95))}`, unit: '' },
      );
      return rows;
    } finally {
      await browser?.close();
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const [n, per] = process.argv.slice(2).map(Number);
  const rows = await run(Number.isInteger(n) && n > 0 ? n : undefined, Number.isInteger(per) && per > 0 ? per : undefined);
  for (const r of rows) console.log(`${r.name.padEnd(60)} ${r.value}`);
}
