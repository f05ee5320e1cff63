import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { servedApp } from '../helpers/app.ts';
import { rpc } from './network-helpers.ts';
import { shot } from './ui-shot.ts';

interface Relations {
  suppliers: { flowId: string | null; quantity: number | null; product: { id: string; unit: string | null } }[];
}
interface Outlet {
  flow: string;
  supplier: string;
  product: string;
  alternatives: { enterprise: string; room: number }[];
}

/** What each language calls the sample's units, pluralised (the app's unit labels). */
const units: Record<string, Record<string, [string, string]>> = {
  'en-GB': { kg: ['kg', 'kg'], kWh: ['kWh', 'kWh'], unit: ['unit', 'units'], hour: ['hour', 'hours'] },
  'pt-BR': { kg: ['kg', 'kg'], kWh: ['kWh', 'kWh'], unit: ['unidade', 'unidades'], hour: ['hora', 'horas'] },
  es: { kg: ['kg', 'kg'], kWh: ['kWh', 'kWh'], unit: ['unidad', 'unidades'], hour: ['hora', 'horas'] },
  fr: { kg: ['kg', 'kg'], kWh: ['kWh', 'kWh'], unit: ['unité', 'unités'], hour: ['heure', 'heures'] },
};
const tables: Record<string, string> = { 'en-GB': 'What it buys, and from whom', 'pt-BR': 'O que compra e de quem', es: 'Qué compra y a quién', fr: 'Ce qu’elle achète, et à qui' };
const roomWord: Record<string, string> = { 'en-GB': 'room', 'pt-BR': 'espaço', es: 'margen', fr: 'place' };
const fmt = (locale: string, n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: 'always' as unknown as boolean }).format(n);
const plural = (locale: string, n: number, unit: string) => units[locale][unit][new Intl.PluralRules(locale).select(n) === 'one' ? 0 : 1];

/** Issue 15: quantities in the planner read "1,200 kg", and the outlets' room too, in each language. */
describe('units in the planner and the outlets (the sample)', () => {
  const app = servedApp();

  it('the planner’s inputs table gives each quantity with its product’s unit, translated and pluralised', async () => {
    const rel = await rpc<Relations>(app.server.url, 'enterprise-relations', { id: 'armazem' });
    const withUnits = rel.suppliers.filter((s) => s.quantity !== null && s.product.unit);
    expect(withUnits.length).toBeGreaterThan(1);
    expect(new Set(withUnits.map((s) => s.product.unit)).size).toBeGreaterThan(0);
    for (const locale of Object.keys(units)) {
      const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(new URL('planner/armazem', app.server.url).href);
      const table = page.getByRole('table', { name: tables[locale] });
      await table.waitFor();
      const cells = (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children[3]?.textContent ?? ''))).sort();
      const expected = rel.suppliers
        .map((s) => (s.quantity === null ? '—' : s.product.unit ? `${fmt(locale, s.quantity)}\u00A0${plural(locale, s.quantity, s.product.unit)}`.replace('\u00A0', ' ') : fmt(locale, s.quantity)))
        .sort();
      // Intl may put a no-break or a narrow space before the unit: compare with plain spaces.
      expect(cells.map((c) => c.replace(/[\u00A0\u202F]/g, ' '))).toEqual(expected.map((c) => c.replace(/[\u00A0\u202F]/g, ' ')));
      await shot(page, `planner-units-${locale}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the outlets’ “could buy instead” cell is the same on the Network screen and in the planner, with the room in the unit', async () => {
    const analysis = await rpc<{ result: { sales: { outlets: Outlet[] } } }>(app.server.url, 'engine-analyse', { network: null, plan: false, limits: { links: 10, substitutes: 3, explain: 0 } });
    const outlet = analysis.result.sales.outlets.slice(0, 10).find((o) => o.alternatives.length > 0);
    if (!outlet) throw new Error('the sample has no outlet with a solidarity buyer that could take it');
    const labels = await rpc<{ products: Record<string, { unit: string | null }> }>(app.server.url, 'network-labels', { products: [outlet.product] });
    const unit = labels.products[outlet.product].unit!;
    const alt = outlet.alternatives[0];
    for (const locale of ['en-GB', 'pt-BR']) {
      const room = `(${roomWord[locale]} ${fmt(locale, alt.room)} ${plural(locale, alt.room, unit)})`;
      const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(new URL('network', app.server.url).href);
      const onNetwork = page.getByTestId('outlets').locator(`tr[data-flow="${outlet.flow}"] td`).last();
      const plain = async (cell: typeof onNetwork) => ((await cell.textContent()) ?? '').replace(/[\u00A0\u202F]/g, ' ');
      await expect.poll(() => plain(onNetwork)).toContain(room);
      const shown = await plain(onNetwork);
      await page.goto(new URL(`planner/${encodeURIComponent(outlet.supplier)}`, app.server.url).href);
      const inPlanner = page.getByTestId('who-buys').locator(`tr[data-flow="${outlet.flow}"] td`).last();
      await expect.poll(() => plain(inPlanner)).toBe(shown);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
