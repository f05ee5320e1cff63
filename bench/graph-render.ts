// The network graph at 5,000 enterprises / 20,000 flows (issue 6): is it usable, and how?
// Generates a seeded catalogue (teia generate), imports it, serves the built app
// (`npx vite build` first), opens the Network → Graph view on the whole catalogue in headless
// Chromium (no GPU, canvas renderer), and measures:
//   - network-graph over HTTP (the core's aggregation),
//   - ForceAtlas2 in the renderer's web worker, and in Node for reference,
//   - cytoscape's first draw from preset positions,
//   - frame times while zooming and panning (requestAnimationFrame deltas).
// Run alone: `node bin/tsx.mjs bench/graph-render.ts [enterprises] [flowsPerEnterprise]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { artifactsDir, launchBrowser } from '../test/helpers/browser.ts';
import { startServe } from '../test/helpers/serve.ts';
import { repoRoot } from '../test/helpers/tmp.ts';
import { forceLayout } from '../renderer/src/features/network/force.ts';
import type { NetworkGraph } from '../shared/contract/network.ts';

const enterprises = Number(process.argv[2] ?? 5000);
const perEnterprise = Number(process.argv[3] ?? 4);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teia-graph-bench-'));
const teia = (...args: string[]) => execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'teia.mjs'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
const ms = (t0: number) => Math.round(performance.now() - t0);
const pctl = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

try {
  const pkgPath = path.join(dir, 'big.json');
  const db = path.join(dir, 'big.db');
  teia('generate', '--enterprises', String(enterprises), '--flows-per-enterprise', String(perEnterprise), '--seed', '7', '--out', pkgPath);
  let t0 = performance.now();
  teia('import', pkgPath, '--db', db);
  console.log(`import: ${ms(t0)} ms`);

  const server = await startServe(['--db', db, '--no-sample']);
  const browser = await launchBrowser();
  try {
    t0 = performance.now();
    const res = await fetch(new URL('rpc/network-graph', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"maxNodes":5000}' });
    const graph = ((await res.json()) as { value: NetworkGraph }).value;
    console.log(`network-graph (HTTP): ${ms(t0)} ms — ${graph.nodes.length} nodes, ${graph.edges.length} edges drawn (of ${graph.totals.nodes} / ${graph.totals.edges})`);

    t0 = performance.now();
    forceLayout({ ids: graph.nodes.map((n) => n.id), edges: graph.edges });
    console.log(`ForceAtlas2 in Node (same settings as the worker): ${ms(t0)} ms`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const steps = [['groups', 'force'], ['groups', 'geo'], ['groups', 'tiers'], ['top', 'force'], ['top', 'geo']] as const;
    for (const [grouping, layout] of steps) {
      t0 = performance.now();
      if (grouping === 'groups' && layout === 'force') await page.goto(new URL('network?view=graph', server.url).href);
      else if (grouping === 'top' && layout === 'force') {
        await page.getByRole('combobox', { name: /^Layout/ }).selectOption('force');
        await page.locator('[data-testid="network-graph"][data-status="ready"]').waitFor({ timeout: 600_000 });
        t0 = performance.now();
        await page.getByRole('combobox', { name: /^Grouping/ }).selectOption('top');
      } else await page.getByRole('combobox', { name: /^Layout/ }).selectOption(layout);
      const canvas = page.locator('[data-testid="network-graph"][data-status="ready"]');
      await canvas.waitFor({ timeout: 600_000 });
      const total = ms(t0);
      fs.mkdirSync(artifactsDir, { recursive: true });
      await page.locator('.graph-layout').screenshot({ path: path.join(artifactsDir, `bench-graph-${grouping}-${layout}.png`) });
      const summary = await page.getByTestId('graph-summary').textContent();
      const draw = await canvas.getAttribute('data-draw-ms');
      const lay = await canvas.getAttribute('data-layout-ms');
      // Frame times while the person zooms and pans over the graph.
      const box = (await canvas.boundingBox())!;
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
      const f = await frames;
      console.log(
        `${grouping}/${layout}: ready after ${total} ms (layout ${lay ?? 'n/a'} ms in the worker, first draw ${draw} ms); ${summary}; zoom/pan frames: median ${Math.round(pctl(f, 50))} ms, p95 ${Math.round(pctl(f, 95))} ms, ${f.length} frames in 4 s`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
