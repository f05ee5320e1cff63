import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { axeViolations, rpc, shot } from './network-helpers.ts';
import { servedApp } from '../helpers/app.ts';

interface Analysis {
  result: {
    leakage: { share: number | null };
    gaps: { product: string }[];
    plan: { shareBefore: number | null; shareAfter: number | null; changes: unknown[] } | null;
  };
}

describe('network dashboard: an organiser runs the plan and sees the gaps', () => {
  const app = servedApp();

  it('shows the engine’s figures and gaps, runs the plan with a progress bar, saves and compares it', async () => {
    const { networks } = await rpc<{ networks: { id: string; name: string }[] }>(app.server.url, 'network-list', {});
    const net = networks[0];
    expect(net).toBeDefined();
    const engine = await rpc<Analysis>(app.server.url, 'engine-analyse', { network: net.id, plan: true, limits: { links: 10, substitutes: 1, explain: 0 } });
    const labels = await rpc<{ products: Record<string, { name: string }> }>(app.server.url, 'network-labels', { products: engine.result.gaps.map((g) => g.product) });
    const pct = (v: number) => new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v);

    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    await page.getByRole('combobox', { name: /^Network/ }).selectOption(net.id);
    await expect.poll(() => page.getByTestId('fig-leakage').textContent(), { timeout: 30_000 }).toBe(pct(engine.result.leakage.share!));
    expect(await page.getByTestId('fig-share').textContent()).toBe(pct(1 - engine.result.leakage.share!));

    // The gaps, named, in the engine's order.
    expect(engine.result.gaps.length).toBeGreaterThan(0);
    const gapRows = page.getByTestId('gaps').locator('tbody tr');
    await expect.poll(() => gapRows.first().locator('td').first().textContent()).toBe(labels.products[engine.result.gaps[0].product].name);
    expect(await gapRows.count()).toBe(Math.min(20, engine.result.gaps.length));
    await shot(page.locator('section[aria-labelledby="dash-h"] > dl'), 'network-figures');
    await shot(page.getByTestId('gaps'), 'network-gaps');

    // Run the plan: a progress bar while it runs, then the engine's before and after.
    await page.getByRole('button', { name: 'Run the re-sourcing plan' }).click();
    await page.locator('.job progress').waitFor({ timeout: 10_000 }).catch(() => {});
    await expect.poll(() => page.getByTestId('plan-share-after').textContent(), { timeout: 60_000 }).toBe(pct(engine.result.plan!.shareAfter!));
    expect(await page.getByRole('heading', { name: `Changes (${engine.result.plan!.changes.length})` }).count()).toBe(1);
    await shot(page.locator('section[aria-labelledby="plan-h"]'), 'network-plan');
    await screenshot(page, 'network-dashboard');

    await page.getByLabel('Scenario name').fill('Plan A <b>bold</b>');
    await page.getByRole('button', { name: 'Save as a scenario' }).click();
    await page.getByText('Saved as “Plan A <b>bold</b>”.').waitFor();
    await page.getByRole('checkbox', { name: /Plan A <b>bold<\/b>/ }).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    const table = page.getByTestId('scenario-compare');
    await table.waitFor({ timeout: 60_000 });
    const compare = await rpc<{ after: { solidarityShare: number } }>(app.server.url, 'scenario-compare', {
      id: (await rpc<{ scenarios: { id: number }[] }>(app.server.url, 'scenario-list', {})).scenarios[0].id,
    });
    expect(await table.locator('tbody tr').nth(1).locator('td').first().textContent()).toBe(pct(compare.after.solidarityShare));
    await shot(page.locator('.scenario-compare'), 'network-scenarios');
    expect(await axeViolations(page)).toEqual([]);

    // The graph: drawn from preset positions, exported as an inert SVG.
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    const canvas = page.locator('[data-testid="network-graph"][data-status="ready"]');
    await canvas.waitFor({ timeout: 60_000 });
    await shot(page.locator('.graph-layout'), 'network-graph-force');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as SVG' }).click()]);
    const svg = fs.readFileSync((await svgDownload.path())!, 'utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).not.toMatch(/<script|<img|href=/i);
    // Well-formed for a real XML parser (Chromium's), with nothing but drawing in it.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, tags: [...new Set([...doc.getElementsByTagName('*')].map((e) => e.tagName))].sort() };
    }, svg);
    expect(parsed.error).toBe(0);
    expect(parsed.tags).toEqual(['circle', 'g', 'line', 'path', 'rect', 'svg', 'text', 'title']);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as PNG' }).click()]);
    expect(fs.readFileSync((await pngDownload.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.getByRole('combobox', { name: /^Layout/ }).selectOption('geo');
    await canvas.waitFor({ timeout: 60_000 });
    await shot(page.locator('.graph-layout'), 'network-graph-geo');
    await page.getByRole('combobox', { name: /^Layout/ }).selectOption('tiers');
    await canvas.waitFor({ timeout: 60_000 });
    await shot(page.locator('.graph-layout'), 'network-graph-tiers');
    expect(await axeViolations(page)).toEqual([]);

    // The flow diagram with the saved scenario.
    await page.getByRole('button', { name: 'Flow diagram', exact: true }).click();
    await page.getByTestId('sankey-before').waitFor({ timeout: 30_000 });
    await shot(page.getByTestId('sankey-before'), 'network-sankey');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
