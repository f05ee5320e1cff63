import path from 'node:path';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { servedApp } from '../helpers/app.ts';
import { teia } from '../helpers/cli.ts';
import { sharedDir } from '../helpers/tmp.ts';
import { axeViolations, rpc } from './network-helpers.ts';
import { shot } from './ui-shot.ts';

interface Analysis {
  unvalued: string[];
  leakage: { share: number | null; value: number };
  structure: { communities: { count: number } };
}

const lots = path.join(sharedDir, 'data', 'supply-chains', 'coffee-cqi-arabica-lots.csv');

/**
 * Issue 15, the organiser with real chain data: the Coffee Quality Institute's lots as farm →
 * mill flows, with the number of bags as the quantity and no value (as published). The Network
 * screen says what is missing, values the flows in place with a price, and can undo it.
 */
describe.skipIf(!fs.existsSync(lots))('Network screen: flows with quantities and no value (CQI coffee lots)', () => {
  const app = servedApp(['--no-sample']);
  let flows = 0;
  beforeAll(async () => {
    const r = await teia('import', lots, '--db', path.join(app.dir, 'catalogue.db'), '--kind', 'flows', '--json',
      '--map', 'supplier=Farm.Name,buyer=Mill,supplierPlace=Country.of.Origin,buyerPlace=Country.of.Origin,period=Harvest.Year,quantity=Number.of.Bags',
      '--set', 'product=Green coffee');
    expect(r.code, r.stderr).toBe(0);
    flows = (JSON.parse(r.stdout) as { accepted: number }).accepted;
    expect(flows).toBeGreaterThan(500);
  }, 120_000);

  const analyse = () => rpc<{ result: Analysis; structure: Analysis['structure'] }>(app.server.url, 'engine-analyse', { network: null, plan: false, limits: { links: 10, substitutes: 1, explain: 0 } });

  it('says how many flows carry no value and for which product, hides the figures that mean nothing, and a price values them (undoable)', async () => {
    if (!fs.existsSync(lots)) return console.warn(`skipped: ${lots} is not there`);
    const before = await analyse();
    expect(before.result.unvalued.length).toBe(flows);
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await page.goto(new URL('network', app.server.url).href);
    const sentence = page.getByTestId('unvalued-sentence');
    await expect.poll(() => sentence.textContent()).toBe(
      `${flows.toLocaleString('en-GB')} flows carry no value: give a price for Green coffee to value them. Until a flow has a value, the solidarity share, the leakage and the money paid cannot be worked out.`,
    );
    // No dashes for money that cannot be worked out, and no "728 communities" of one enterprise each.
    expect(await page.getByTestId('fig-share').count()).toBe(0);
    expect(await page.getByTestId('no-communities').textContent()).toMatch(/^No communities: the enterprises are not linked enough/);
    expect(await page.getByText(/^1 enterprise:$/).count()).toBe(0);
    expect(await page.getByTestId('no-sales-value').count()).toBe(1);
    expect(await page.getByTestId('network-figures').textContent()).not.toContain('—');
    await shot(page, 'network-unvalued-en');
    expect(await axeViolations(page)).toEqual([]);

    // A price that is not a number is refused in a sentence, and nothing is written.
    const price = page.getByLabel('Price of Green coffee per unit');
    await price.fill('twelve');
    await page.getByRole('button', { name: `Value ${flows.toLocaleString('en-GB')} flows` }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Give the price as a number above 0, such as 12.50.');
    expect((await analyse()).result.unvalued.length).toBe(flows);

    // 150 per bag, in US dollars (the catalogue has no currency of account yet).
    await price.fill('150');
    await page.getByLabel('Currency (e.g. EUR)').fill('usd');
    await page.getByRole('button', { name: `Value ${flows.toLocaleString('en-GB')} flows` }).click();
    await expect.poll(() => page.getByTestId('price-status').textContent()).toBe(`${flows.toLocaleString('en-GB')} flows of Green coffee valued at 150 USD per unit.`);
    // The figures come back with values, and the note about missing values goes. (The screen's
    // own analysis first: the engine is then asked again here, not twice at once.)
    await expect.poll(() => page.getByTestId('fig-leakage').count()).toBe(1);
    expect(await page.getByTestId('unvalued-sentence').count()).toBe(0);
    const after = await analyse();
    expect(after.result.unvalued).toEqual([]);
    expect(after.result.leakage.value).toBeGreaterThan(0);
    await shot(page, 'network-valued-en');

    // Undo puts every flow back without a value.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('price-status').textContent()).toBe('The values were put back.');
    await expect.poll(() => page.getByTestId('unvalued-sentence').count()).toBe(1);
    await expect.poll(() => page.getByTestId('fig-share').count()).toBe(0);
    expect((await analyse()).result.unvalued.length).toBe(flows);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says it in each language', async () => {
    const expected: Record<string, RegExp> = {
      es: /^[\d.]+ flujos no tienen valor: indique un precio para Green coffee para valorarlos\./,
      'pt-BR': /^[\d.]+ fluxos não têm valor: informe um preço para Green coffee para valorá-los\./,
      fr: /^[\d\u202F]+ flux n’ont pas de valeur\u202F: donnez un prix pour Green coffee pour les valoriser\./,
    };
    for (const [locale, re] of Object.entries(expected)) {
      const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(new URL('network', app.server.url).href);
      await expect.poll(() => page.getByTestId('unvalued-sentence').textContent()).toMatch(re);
      expect(await page.getByTestId('no-communities').count()).toBe(1);
      await shot(page, `network-unvalued-${locale}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
