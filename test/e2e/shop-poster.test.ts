// The fair-trade shop's poster for the till: from the planner's accepted substitute to a
// one-page print whose figures are the engine's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactsDir, watchErrors } from '../helpers/browser.ts';
import { rpc, shot } from './network-helpers.ts';
import { servedApp } from '../helpers/app.ts';

interface Link {
  flow: string;
  supplier: string;
  buyer: string;
  product: string;
  quantity: number;
  substitutes: { enterprise: string; spare: number | null }[];
}

describe('the shop poster', () => {
  const app = servedApp();

  it('shows the share now and after the accepted substitute, names the new supplier, and prints on one page (Portuguese)', async () => {
    const analysis = await rpc<{ result: { links: Link[] } }>(app.server.url, 'engine-analyse', { network: null, plan: false, limits: { links: 100000, substitutes: 10, explain: 0 } });
    const first = analysis.result.links.find((l) => l.substitutes.length > 0)!;
    const shop = first.buyer;
    const sub = first.substitutes[0];
    const change = { line: first.flow, buyer: shop, product: first.product, from: first.supplier, to: sub.enterprise, quantity: sub.spare === null ? first.quantity : Math.min(first.quantity, sub.spare) };
    const expected = (await rpc<{ members: { id: string; directBefore: number; directAfter: number }[] }>(app.server.url, 'scenario-compare', { network: null, changes: [change] })).members.find((m) => m.id === shop)!;
    const names = await rpc<{ enterprises: Record<string, { name: string }> }>(app.server.url, 'network-labels', { enterprises: [shop, sub.enterprise] });
    const pct = (v: number) => new Intl.NumberFormat('pt-BR', { style: 'percent', maximumFractionDigits: 1 }).format(v);

    const page = await app.browser.newPage({ locale: 'pt-BR', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL(`planner/${encodeURIComponent(shop)}`, app.server.url).href);
    const card = page.getByTestId(`link-${first.flow}`);
    await card.waitFor();
    await card.getByRole('button', { name: new RegExp(names.enterprises[sub.enterprise].name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();
    await page.getByTestId('direct-after').waitFor();
    await page.getByRole('link', { name: /Um cartaz destas mudanças/ }).click();
    await page.locator('[data-print-ready="true"]').waitFor();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(names.enterprises[shop].name);
    expect(await page.getByTestId('poster-now').textContent()).toBe(pct(expected.directBefore));
    expect(await page.getByTestId('poster-after').textContent()).toBe(pct(expected.directAfter));
    await expect.poll(() => page.locator('.poster-list').textContent()).toContain(names.enterprises[sub.enterprise].name);
    await shot(page.locator('.poster'), 'shop-poster-pt');

    // Printed, it is one page.
    const pdf = path.join(artifactsDir, 'shop-poster.pdf');
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    let pages: number;
    try {
      pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    } catch {
      console.log('shop-poster: pdfinfo (poppler-utils) is missing, so the page count is read from the PDF itself.');
      pages = (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    expect(pages).toBe(1);
    expect(errors).toEqual([]);
  });
});
