import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { axeViolations, rpc, shot } from './network-helpers.ts';
import { servedApp } from '../helpers/app.ts';

interface Figures {
  currency: string;
  circulation: number | null;
  payableShare: number | null;
  nextAcceptors: { enterprise: string; gain: number }[];
}
interface Analysis {
  result: {
    currencies: Figures[];
    sales: { value: number; outlets: { flow: string; supplier: string }[] };
  };
}

describe('network screen: currency circulation and the sales side (ENGINE.md §3.8, §3.9)', () => {
  const app = servedApp();

  it('shows each currency’s circulation and next acceptors, and the outlets, as engine-analyse gives them', async () => {
    const { networks } = await rpc<{ networks: { id: string }[] }>(app.server.url, 'network-list', {});
    const net = networks[0];
    // The same question the dashboard asks.
    const engine = await rpc<Analysis>(app.server.url, 'engine-analyse', { network: net.id, plan: false, limits: { links: 10, substitutes: 3, explain: 0 } });
    const circulating = engine.result.currencies.filter((c) => c.circulation !== null);
    expect(circulating.length).toBeGreaterThan(0);
    const pct = (v: number) => new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v);
    const whole = (v: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(v);

    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();
    await page.getByRole('combobox', { name: /^Network/ }).selectOption(net.id);
    await page.getByTestId('currencies').waitFor({ timeout: 60_000 });

    for (const c of engine.result.currencies) {
      const card = page.getByTestId(`currency-${c.currency}`);
      await card.waitFor();
      expect(await card.getByTestId('circulation').getAttribute('data-value')).toBe(c.circulation === null ? '' : String(c.circulation));
      if (c.circulation !== null) expect(await card.getByTestId('circulation').textContent()).toBe(pct(c.circulation));
      if (c.payableShare !== null) expect(await card.getByTestId('payable-share').textContent()).toBe(pct(c.payableShare));
      const items = card.getByTestId('next-acceptors').locator('li');
      expect(await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-enterprise')))).toEqual(c.nextAcceptors.map((n) => n.enterprise));
      expect(await card.getByTestId('gain').allTextContents()).toEqual(c.nextAcceptors.map((n) => whole(n.gain)));
    }
    // Where units get stuck: a chart for a currency members earn but cannot all spend again.
    const stuck = circulating.find((c) => c.circulation! < 1);
    if (stuck) await page.getByTestId(`currency-${stuck.currency}`).getByTestId('stuck-chart').waitFor();

    // The sales side: value sold to non-solidarity buyers, the outlets in the engine's order.
    expect(await page.getByTestId('sales-value').textContent()).toBe(whole(engine.result.sales.value));
    const rows = page.getByTestId('outlets').locator('tbody tr');
    if (engine.result.sales.outlets.length) {
      expect(await rows.evaluateAll((tr) => tr.map((x) => x.getAttribute('data-flow')))).toEqual(engine.result.sales.outlets.map((o) => o.flow));
    }
    await shot(page.getByTestId('currencies'), 'network-currencies');
    await shot(page.getByTestId('sales'), 'network-sales');
    expect(await axeViolations(page)).toEqual([]);

    // The Planner, for a seller with an outlet: "who buys from us".
    const seller = engine.result.sales.outlets[0]?.supplier;
    if (seller) {
      await page.goto(new URL(`planner/${encodeURIComponent(seller)}`, app.server.url).href);
      await page.getByTestId('who-buys').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('who-buys').locator('tbody tr').count()).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
  });
});
