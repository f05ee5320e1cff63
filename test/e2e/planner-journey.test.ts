import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { screenshot, watchErrors } from '../helpers/browser.ts';
import { axeViolations, rpc, shot } from './network-helpers.ts';
import { servedApp } from '../helpers/app.ts';

interface Link {
  flow: string;
  supplier: string;
  buyer: string;
  product: string;
  quantity: number;
  substitutes: { enterprise: string; product: string; spare: number | null }[];
}

describe('sourcing planner: a shop finds its worst link and replaces it', () => {
  const app = servedApp();

  it('accepts a substitute for the worst link and sees the share rise by the engine’s figure', async () => {
    // The shop: the sample's member with the most valued non-solidarity purchases.
    const analysis = await rpc<{ result: { links: Link[] } }>(app.server.url, 'engine-analyse', { network: null, plan: false, limits: { links: 100000, substitutes: 10, explain: 0 } });
    const worst = analysis.result.links.find((l) => l.substitutes.length > 0)!;
    expect(worst).toBeDefined();
    const shop = worst.buyer;
    const shopLinks = analysis.result.links.filter((l) => l.buyer === shop);
    // The worst link of this shop is the first of its links in the engine's order.
    const first = shopLinks[0];
    const sub = first.substitutes[0];
    expect(sub).toBeDefined();
    const change = { line: first.flow, buyer: shop, product: first.product, from: first.supplier, to: sub.enterprise, quantity: sub.spare === null ? first.quantity : Math.min(first.quantity, sub.spare) };
    const expected = await rpc<{ members: { id: string; directBefore: number; directAfter: number }[] }>(app.server.url, 'scenario-compare', { network: null, changes: [change] });
    const mine = expected.members.find((m) => m.id === shop)!;
    expect(mine.directAfter).toBeGreaterThan(mine.directBefore);
    const pct = (v: number) => new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v);
    const names = await rpc<{ enterprises: Record<string, { name: string }> }>(app.server.url, 'network-labels', { enterprises: [shop, sub.enterprise, first.supplier] });

    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors = watchErrors(page);
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Sourcing planner', exact: true }).click();
    await page.getByLabel('Enterprise').fill(names.enterprises[shop].name.slice(0, 6));
    await page.getByRole('link', { name: names.enterprises[shop].name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Sourcing plan: ${names.enterprises[shop].name}` }).waitFor();

    const card = page.getByTestId(`link-${first.flow}`);
    await card.waitFor();
    expect(await card.getByRole('heading', { level: 3 }).textContent()).toContain('Worst link');
    // Names arrive a moment after the engine's ids.
    await expect.poll(() => card.textContent()).toContain(names.enterprises[first.supplier].name);
    await expect.poll(() => page.getByTestId('shop-direct').textContent()).toBe(pct(mine.directBefore));
    await screenshot(page, 'planner-worst-link');
    await shot(card, 'planner-worst-link-card');

    await card.getByRole('button', { name: `Accept ${names.enterprises[sub.enterprise].name}` }).click();
    await expect.poll(() => page.getByTestId('direct-after').textContent(), { timeout: 30_000 }).toBe(pct(mine.directAfter));
    expect(await page.getByTestId('direct-before').textContent()).toBe(pct(mine.directBefore));
    const points = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format((mine.directAfter - mine.directBefore) * 100);
    expect(await page.getByTestId('direct-change').textContent()).toBe(`+${points} points`);
    await page.getByTestId('sankey-after').waitFor();
    await screenshot(page, 'planner-accepted');
    await shot(page.locator('section.outcome'), 'planner-outcome');
    await shot(page.locator('.flows'), 'planner-sankey');
    await page.getByTestId('network-graph').and(page.locator('[data-status="ready"]')).waitFor({ timeout: 60_000 });
    await shot(page.locator('.graph-layout'), 'planner-graph');

    // Adjust: half the quantity, and the figure follows the engine again.
    const half = change.quantity / 2;
    await card.getByLabel(/Quantity moved to/).fill(String(half));
    const halfExpected = await rpc<{ members: { id: string; directAfter: number }[] }>(app.server.url, 'scenario-compare', { network: null, changes: [{ ...change, quantity: half }] });
    await expect.poll(() => page.getByTestId('direct-after').textContent(), { timeout: 30_000 }).toBe(pct(halfExpected.members.find((m) => m.id === shop)!.directAfter));

    // Export the plan as CSV: names as text, figures as numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain(names.enterprises[sub.enterprise].name);
    expect(csv).toContain(String(half));

    // Save as a scenario; the engine has it with the same change.
    await page.getByLabel('Scenario name').fill('Coffee from the co-op');
    await page.getByRole('button', { name: 'Save as a scenario' }).click();
    await page.getByText('Saved as “Coffee from the co-op”.').waitFor();
    const list = await rpc<{ scenarios: { id: number; name: string }[] }>(app.server.url, 'scenario-list', {});
    const saved = await rpc<{ changes: typeof change[] }>(app.server.url, 'scenario-get', { id: list.scenarios.find((s) => s.name === 'Coffee from the co-op')!.id });
    expect(saved.changes).toEqual([{ ...change, quantity: half }]);

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'planner-print');
    await page.emulateMedia({ media: 'screen' });

    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
