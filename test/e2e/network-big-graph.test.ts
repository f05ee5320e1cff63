import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { teia } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { shot } from './network-helpers.ts';

// The whole network at 5,000 enterprises / 20,000 flows: every enterprise drawn, and the graph
// answers to the mouse. How long it takes is the bench's business (bench/graph-render.ts).
describe('network view: a 5,000-enterprise network, every enterprise drawn', () => {
  const tmp = tempDir();
  let server: ServeProcess;
  let browser: Browser;
  beforeAll(async () => {
    const pkg = path.join(tmp.dir, 'big.json');
    const db = path.join(tmp.dir, 'big.db');
    expect((await teia('generate', '--enterprises', '5000', '--flows-per-enterprise', '4', '--seed', '7', '--out', pkg)).code).toBe(0);
    expect((await teia('import', pkg, '--db', db)).code).toBe(0);
    server = await startServe(['--db', db, '--no-sample']);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  it('draws every enterprise, names none at full view, and names those in view once zoomed in', async () => {
    const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(new URL('network?view=graph', server.url).href);
    const canvas = page.locator('[data-testid="network-graph"][data-status="ready"]');
    await canvas.waitFor({ timeout: 540_000 });
    const summary = (await page.getByTestId('graph-summary').textContent()) ?? '';
    const drawn = Number(/([\d,]+) enterprises/.exec(summary)?.[1].replace(/,/g, ''));
    // Every enterprise that trades is in the picture (the generator leaves a few without flows).
    expect(drawn).toBeGreaterThan(4900);
    expect(await page.getByRole('combobox', { name: /^Grouping/ }).inputValue()).toBe('all');
    await expect.poll(() => canvas.getAttribute('data-labelled'), { timeout: 60_000 }).toBe('0');
    const fitZoom = Number(await canvas.getAttribute('data-zoom'));
    // The links are on the view's own layer under cytoscape's (edge-layer.ts): it is painted.
    const linkPixels = () => page.evaluate(() => {
      const layer = document.querySelector<HTMLCanvasElement>('[data-testid="network-graph"] > canvas[data-layer="links"]');
      if (!layer) return -1;
      const px = layer.getContext('2d')!.getImageData(0, 0, layer.width, layer.height).data;
      let painted = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
      return painted;
    });
    expect(await linkPixels()).toBeGreaterThan(1000);
    await shot(page.locator('.graph-layout'), 'network-big-graph-whole');

    // Zoom in with the wheel over the middle: the graph follows, and names appear for what is in view.
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Cytoscape zooms a few per cent per wheel notch: ten notches at a time, each batch waiting for
    // the view to settle, until names are readable (11 px type at ≥ 9 px on screen: zoom ≥ 0.82).
    let zoom = fitZoom;
    for (let round = 0; round < 20 && zoom < 0.9; round++) {
      const before = await canvas.getAttribute('data-zoom');
      for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -1000);
      await expect.poll(() => canvas.getAttribute('data-zoom'), { timeout: 60_000 }).not.toBe(before);
      zoom = Number(await canvas.getAttribute('data-zoom'));
    }
    expect(zoom).toBeGreaterThanOrEqual(0.9);
    expect(Number(await canvas.getAttribute('data-labelled'))).toBeGreaterThan(0);
    expect(Number(await canvas.getAttribute('data-labelled'))).toBeLessThanOrEqual(300);
    // Zoomed in, the links follow the view (repainted at the new zoom, not left as they were).
    expect(await linkPixels()).toBeGreaterThan(1000);
    await shot(page.locator('.graph-layout'), 'network-big-graph-zoomed');
    // The saved picture is the whole graph: enterprises over their links, one PNG.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Save as PNG' }).click()]);
    const png = fs.readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Width and height from the IHDR chunk: the whole graph, not the 1280-px view.
    expect(png.readUInt32BE(16)).toBeGreaterThan(2000);
    expect(errors).toEqual([]);
  }, 600_000);
});
