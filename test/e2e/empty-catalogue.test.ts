import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchErrors } from '../helpers/browser.ts';
import { servedApp } from '../helpers/app.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { shot } from './ui-shot.ts';
import { axeViolations } from './network-helpers.ts';

/**
 * Every screen of the app, read from its route table (a new screen is walked too): a route's
 * parameters get an id nobody has. The Network screen's tabs are screens of their own here.
 */
function everyScreen(): string[] {
  const table = fs.readFileSync(path.join(repoRoot, 'renderer', 'src', 'app', 'routes.tsx'), 'utf8');
  const paths = [...table.matchAll(/\{ path: '([^']+)'/g)].map((m) => m[1].replace(/:\w+/g, 'nobody'));
  expect(paths.length).toBeGreaterThan(10);
  return [...paths, '/network?view=graph', '/network?view=flows'];
}

const titles: Record<string, string> = {
  'en-GB': 'This catalogue is empty',
  es: 'Este catálogo está vacío',
  'pt-BR': 'Este catálogo está vazio',
  fr: 'Ce catalogue est vide',
};

/** Issue 15: an empty catalogue (`--no-sample`) says on every screen what to do, and nothing fails. */
describe('an empty catalogue', () => {
  const app = servedApp(['--no-sample']);

  it('every screen says the catalogue is empty and how to fill it, with no error and no dashes for figures', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(30_000);
    const errors = watchErrors(page);
    const note = page.getByTestId('empty-catalogue');
    for (const screen of everyScreen()) {
      await page.goto(new URL(screen.replace(/^\//, ''), app.server.url).href);
      await note.waitFor();
      expect(await note.getByRole('heading').textContent(), screen).toBe('This catalogue is empty');
      expect(await note.textContent(), screen).toContain('Import a sheet of enterprises, type an enterprise in, or load the illustrative sample');
      // The screen itself loaded (its lazy part came and did not fail).
      const noteText = (await note.innerText()).length;
      await expect.poll(async () => (await page.locator('main').innerText()).length - noteText, { message: screen }).toBeGreaterThan(20);
      expect(await page.getByText('Something went wrong inside Teia').count(), screen).toBe(0);
      // No figure of an empty network is drawn as a dash, and no empty table is left standing.
      await expect.poll(() => page.locator('main table').count(), { message: screen }).toBe(0);
      expect(await page.getByTestId('network-figures').count(), screen).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so in each language, and its button loads the sample, after which the note goes', async () => {
    for (const [locale, title] of Object.entries(titles)) {
      const page = await app.browser.newPage({ locale, viewport: { width: 1280, height: 800 } });
      const errors = watchErrors(page);
      await page.goto(new URL('network', app.server.url).href);
      await expect.poll(() => page.getByTestId('empty-catalogue').getByRole('heading').textContent()).toBe(title);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await shot(page, `empty-network-${locale}`);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
    const page = await app.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'Load the sample' }).click();
    await expect.poll(() => page.getByTestId('empty-catalogue').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(async () => Number((await page.getByTestId('stat-enterprises').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(10);
    // Only into an empty catalogue: a second load is refused with a sentence.
    const again = (await (await app.rpc('catalogue-load-sample', {})).json()) as { ok: boolean; error?: { message: string } };
    expect(again.ok).toBe(false);
    expect(again.error?.message).toMatch(/only into an empty catalogue/);
    expect(errors).toEqual([]);
  });
});
