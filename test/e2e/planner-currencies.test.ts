import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { axeViolations, rpc, shot } from './network-helpers.ts';
import { servedApp } from '../helpers/app.ts';

/**
 * The shop's and the organiser's currency questions on the sample catalogue (issue 13 §3),
 * every figure checked against what the engine's methods return for the same question (the
 * sample's currencies change as the catalogue grows, so no number here is written down).
 */
interface Summary { payableValue: number; payableShare: number | null; circulation: number | null; stuck: number; acceptors: number; nextAcceptors: { enterprise: string; gain: number }[] }
interface Compare { currencies: { currency: string; before: Summary; after: Summary }[] }
interface Payable {
  purchasesTotal: number;
  currencies: { currency: string; held: boolean; spend: number; payableShare: number | null; purchases: { flow: string; supplier: string; payable: number }[] }[];
}
interface Analysis { result: { scope: { members: string[] }; currencies: { currency: string; members: { enterprise: string; spend: number }[]; nextAcceptors: { enterprise: string; gain: number }[] }[] } }

describe('currencies in the Planner and the "if they accepted it" scenario', () => {
  const app = servedApp();

  it('shows a shop its purchases payable per currency, then runs, saves and compares "if they accepted it" from the Network screen', async () => {
    const { money: code } = await rpc<{ money: string | null }>(app.server.url, 'catalogue-stats', {});
    const moneyIn = (locale: string) => (v: number) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: 'always' as unknown as boolean, ...(code ? { style: 'currency', currency: code } : {}) }).format(v);
    const pctIn = (locale: string) => (v: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v);

    // The shop: the member (whole catalogue, as the Planner asks) that could pay the most in a currency it holds.
    // (limits.links also bounds each currency's member rows.)
    const whole = await rpc<Analysis>(app.server.url, 'engine-analyse', { network: null, plan: false, limits: { links: 100_000, substitutes: 0, explain: 0 } });
    let shop: { id: string; payable: Payable } | null = null;
    let best = 0;
    for (const c of whole.result.currencies) {
      for (const m of c.members) {
        if (m.spend <= best) continue;
        const payable = await rpc<Payable>(app.server.url, 'engine-payable', { enterprise: m.enterprise, network: null });
        if (payable.currencies.some((x) => x.held && x.currency === c.currency && Math.abs(x.spend - m.spend) <= 1e-9 * m.spend)) {
          shop = { id: m.enterprise, payable };
          best = m.spend;
        }
      }
    }
    expect(shop, 'the sample has a member paying in a currency it holds').not.toBeNull();
    const { id, payable } = shop!;

    for (const [locale, lang] of [['en-GB', 'en'], ['pt-BR', 'pt']] as const) {
      const money = moneyIn(locale);
      const pct = pctIn(locale);
      const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(new URL(`planner/${encodeURIComponent(id)}`, app.server.url).href);
      await page.getByTestId('payable').waitFor({ timeout: 60_000 });
      for (const c of payable.currencies) {
        const card = page.getByTestId(`payable-${c.currency}`);
        await card.waitFor();
        expect(await card.getAttribute('data-held')).toBe(c.held ? 'yes' : 'no');
        const total = card.getByTestId('payable-total');
        expect(Number(await total.getAttribute('data-spend'))).toBe(c.spend);
        expect(Number(await total.getAttribute('data-total'))).toBe(payable.purchasesTotal);
        // The amounts take the catalogue's currency once its stats have come (a query of their
        // own, which may answer after the engine's): waited for, then read.
        await total.filter({ hasText: money(c.spend) }).waitFor();
        const sentence = await total.textContent();
        expect(sentence).toContain(money(c.spend));
        expect(sentence).toContain(money(payable.purchasesTotal));
        if (c.payableShare !== null) expect(sentence).toContain(pct(c.payableShare));
        if (c.purchases.length) {
          const rows = card.getByTestId('payable-purchases').locator('tbody tr');
          expect(await rows.evaluateAll((tr) => tr.map((x) => x.getAttribute('data-flow')))).toEqual(c.purchases.map((p) => p.flow));
          expect(await card.getByTestId('payable-amount').allTextContents()).toEqual(c.purchases.map((p) => money(p.payable)));
          // The count in the language's plural.
          const n = c.purchases.length;
          const counted = lang === 'en' ? `${n} purchase${n === 1 ? '' : 's'} payable in it` : `${n} ${n === 1 ? 'compra pagável' : 'compras pagáveis'} nela`;
          expect(await card.getByTestId('payable-purchases').locator('caption').textContent()).toBe(counted);
        }
      }
      // Supplier names arrive a moment after the engine's ids.
      const firstHeld = payable.currencies.find((c) => c.held && c.purchases.length)!;
      const names = await rpc<{ enterprises: Record<string, { name: string }> }>(app.server.url, 'network-labels', { enterprises: [firstHeld.purchases[0].supplier] });
      await expect.poll(() => page.getByTestId(`payable-${firstHeld.currency}`).textContent()).toContain(names.enterprises[firstHeld.purchases[0].supplier].name);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await shot(page.getByTestId('payable'), `planner-payable-${lang}`);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }

    // The organiser: a network with a currency that has suppliers to invite.
    const { networks } = await rpc<{ networks: { id: string }[] }>(app.server.url, 'network-list', {});
    let target: { network: string; currency: string; next: string[] } | null = null;
    for (const n of networks) {
      const a = await rpc<Analysis>(app.server.url, 'engine-analyse', { network: n.id, plan: false, limits: { links: 0, substitutes: 0, explain: 0 } });
      const c = a.result.currencies.find((x) => x.nextAcceptors.length > 0);
      if (c) {
        target = { network: n.id, currency: c.currency, next: c.nextAcceptors.map((x) => x.enterprise) };
        break;
      }
    }
    expect(target, 'the sample has a currency with suppliers to invite').not.toBeNull();
    const { network, currency, next } = target!;
    const expected = await rpc<Compare>(app.server.url, 'scenario-compare', { network, acceptances: [{ currency, enterprises: next }] });
    const engine = expected.currencies.find((c) => c.currency === currency)!;
    expect(engine.after.payableValue).toBeGreaterThan(engine.before.payableValue);

    for (const [locale, lang] of [['pt-BR', 'pt'], ['en-GB', 'en']] as const) {
      const pct = pctIn(locale);
      const plain = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v);
      const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(new URL(`network?network=${encodeURIComponent(network)}`, app.server.url).href);
      const card = page.getByTestId(`currency-${currency}`);
      await card.waitFor({ timeout: 60_000 });
      await card.getByRole('button', { name: lang === 'pt' ? 'E se a aceitassem?' : 'What if they accepted it?' }).click();
      const whatIf = card.getByTestId(`what-if-${currency}`);
      // Pre-filled: every supplier to invite is ticked.
      const boxes = whatIf.getByRole('checkbox');
      expect(await boxes.count()).toBe(next.length);
      for (let i = 0; i < next.length; i++) expect(await boxes.nth(i).isChecked()).toBe(true);

      // A share outside (0, 100 %] gets a sentence in the page's language, and nothing is asked.
      const share = whatIf.getByLabel(lang === 'pt' ? 'Maior parcela de um preço que aceitariam nela (%)' : 'Largest part of a price they would take in it (%)');
      await share.fill('150');
      await whatIf.getByRole('button', { name: lang === 'pt' ? 'Recalcular' : 'Recompute' }).click();
      await whatIf.getByRole('alert').filter({ hasText: lang === 'pt' ? 'Informe uma parcela acima de 0 % e de no máximo 100 %.' : 'Give a share above 0 % and at most 100 %.' }).waitFor();
      await share.fill('100');
      await whatIf.getByRole('button', { name: lang === 'pt' ? 'Recalcular' : 'Recompute' }).click();
      const figures = whatIf.getByTestId('what-if-figures');
      await figures.waitFor({ timeout: 60_000 });
      const cell = (figure: string, col: 'before' | 'after') => figures.locator(`tr[data-figure="${figure}"]`).getByTestId(col).textContent();
      const show = (v: number | null) => (v === null ? '—' : pct(v));
      expect(await cell('payable-share', 'before')).toBe(show(engine.before.payableShare));
      expect(await cell('payable-share', 'after')).toBe(show(engine.after.payableShare));
      expect(await cell('circulation', 'before')).toBe(show(engine.before.circulation));
      expect(await cell('circulation', 'after')).toBe(show(engine.after.circulation));
      expect(await cell('stuck', 'after')).toBe(plain(engine.after.stuck));
      expect(await cell('payable-value', 'after')).toBe(plain(engine.after.payableValue));
      const after = whatIf.getByTestId('what-if-next');
      if (engine.after.nextAcceptors.length) {
        expect(await after.locator('li').evaluateAll((li) => li.map((x) => x.getAttribute('data-enterprise')))).toEqual(engine.after.nextAcceptors.map((n) => n.enterprise));
      }
      await shot(whatIf, `network-what-if-${lang}`);

      // Saved as a scenario, and compared like the plan's scenarios.
      const name = `If they took ${currency} (${lang})`;
      await whatIf.getByLabel(lang === 'pt' ? 'Nome do cenário' : 'Scenario name').fill(name);
      await whatIf.getByRole('button', { name: lang === 'pt' ? 'Salvar como cenário' : 'Save as a scenario' }).click();
      await whatIf.getByRole('status').waitFor();
      const list = await rpc<{ scenarios: { id: number; name: string; network: string | null; acceptances: number; changes: number }[] }>(app.server.url, 'scenario-list', {});
      const saved = list.scenarios.find((s) => s.name === name)!;
      expect(saved).toMatchObject({ network, acceptances: 1, changes: 0 });
      expect(await rpc<{ acceptances: unknown[] }>(app.server.url, 'scenario-get', { id: saved.id })).toMatchObject({ acceptances: [{ currency, enterprises: next }] });

      await page.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) }).check();
      await page.getByRole('button', { name: lang === 'pt' ? 'Comparar' : 'Compare', exact: true }).click();
      const table = page.getByTestId('scenario-compare-currencies');
      await table.waitFor({ timeout: 60_000 });
      const row = table.locator(`tr[data-currency="${currency}"][data-scenario="${saved.id}"] td.num`);
      expect(await row.allTextContents()).toEqual([show(engine.after.payableShare), show(engine.after.circulation), plain(engine.after.stuck)]);
      const today = table.locator(`tr[data-currency="${currency}"][data-scenario="today"] td.num`);
      expect(await today.allTextContents()).toEqual([show(engine.before.payableShare), show(engine.before.circulation), plain(engine.before.stuck)]);
      await shot(page.getByTestId('scenario-compare-currencies'), `network-scenario-currencies-${lang}`);

      // Only for one product (the first of the taxonomy, with what is narrower) at half the price: the engine's figures again.
      const onlyFor = whatIf.getByLabel(lang === 'pt' ? 'Só para (e o que é mais específico)' : 'Only for (and what is narrower)');
      const product = await onlyFor.locator('option').nth(1).getAttribute('value');
      await onlyFor.selectOption(product!);
      await share.fill(lang === 'pt' ? '50,0' : '50');
      const limited = (
        await rpc<Compare>(app.server.url, 'scenario-compare', { network, acceptances: [{ currency, enterprises: next, share: 0.5, products: [product] }] })
      ).currencies.find((c) => c.currency === currency)!;
      await whatIf.getByRole('button', { name: lang === 'pt' ? 'Recalcular' : 'Recompute' }).click();
      await expect.poll(() => cell('payable-value', 'after'), { timeout: 60_000 }).toBe(plain(limited.after.payableValue));
      expect(await cell('payable-share', 'after')).toBe(show(limited.after.payableShare));
      expect(await cell('circulation', 'after')).toBe(show(limited.after.circulation));
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
