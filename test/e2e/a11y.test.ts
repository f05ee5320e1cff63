import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchErrors } from '../helpers/browser.ts';
import { shot as screenshot } from './ui-shot.ts';
import { repoRoot } from '../helpers/tmp.ts';
import { servedApp } from '../helpers/app.ts';

const axePath = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page; returns the serious and critical violations, written for a person.
 * The app's Content-Security-Policy (rightly) refuses an injected <script>, so axe's source is
 * evaluated through the DevTools protocol instead of addScriptTag: the page keeps its real CSP.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(axePath, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return { violations: result.violations, passed: result.passes.length };
  });
  // A guard against a silent no-op: axe must really have checked the page.
  expect(violations.passed).toBeGreaterThan(10);
  return violations.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('\n')}`);
}

/** The main screens, each brought to a state worth checking (results shown, a file being mapped). */
const screens: { name: string; open(page: Page, base: string): Promise<void> }[] = [
  {
    name: 'home',
    async open(page, base) {
      await page.goto(base);
      await page.getByTestId('stat-enterprises').waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="stat-enterprises"]')?.textContent !== '…');
    },
  },
  {
    name: 'search',
    async open(page, base) {
      await page.goto(new URL('search?q=leafy%20greens&product=leafy-greens', base).href);
      await page.getByRole('region', { name: 'Who offers Leafy greens' }).getByRole('listitem').first().waitFor();
      await page.getByRole('list', { name: 'Enterprises' }).waitFor();
    },
  },
  {
    name: 'import',
    async open(page, base) {
      await page.goto(new URL('import', base).href);
      await page.getByTestId('import-file').setInputFiles(path.join(repoRoot, 'test', 'fixtures', 'ui-import-coops.csv'));
      await page.getByLabel('Name *').selectOption('Nome do empreendimento');
      await page.getByText(/If you import now/).waitFor();
      await page.getByRole('radio', { name: /^From a column of the file/ }).check();
      // The file has a row without a name: importing the rest is a choice the person makes.
      await page.getByRole('checkbox', { name: /^Leave out the \d+ rejected rows/ }).check();
    },
  },
  {
    name: 'import-report',
    async open(page) {
      // Continues from the mapped file above: import it, and check the report (and any merge questions).
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('region', { name: 'Import report' }).waitFor();
      await page.getByRole('heading', { name: 'Export the catalogue' }).waitFor();
    },
  },
  {
    name: 'settings',
    async open(page, base) {
      await page.goto(new URL('settings', base).href);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    },
  },
];

describe('accessibility of the main screens (axe-core, light and dark)', () => {
  const app = servedApp();

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violation in ${scheme} mode`, async () => {
      const page = await app.browser.newPage({ locale: 'en-GB', colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
      const errors = watchErrors(page);
      const found: string[] = [];
      for (const screen of screens) {
        await screen.open(page, app.server.url);
        await screenshot(page, `a11y-${screen.name}-${scheme}`);
        for (const v of await seriousViolations(page)) found.push(`[${screen.name}, ${scheme}] ${v}`);
      }
      expect(found, `axe-core found:\n${found.join('\n')}`).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it('says so when a screen cannot load, and the rest of the window keeps working', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB' });
    page.setDefaultTimeout(60_000);
    // As when a newer build replaced the screen's file on the server: its chunk fails to load.
    await page.route(/ImportPage-[^/]*\.js$/, (route) => route.abort());
    await page.goto(app.server.url);
    await page.getByTestId('stat-enterprises').waitFor();
    await page.getByRole('link', { name: 'Import & export' }).click();
    await page.getByRole('alert').filter({ hasText: 'This screen could not be shown.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  });

  it('reaches every screen from the keyboard alone', async () => {
    const page = await app.browser.newPage({ locale: 'en-GB' });
    page.setDefaultTimeout(60_000); // a shared 2-core machine can be slow; a real hang still fails
    await page.goto(app.server.url);
    await page.getByTestId('stat-enterprises').waitFor();
    // The skip link comes first, then the brand, the search box and the sidebar's links.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const navLinks = await page.getByRole('navigation', { name: 'Teia' }).getByRole('link').allTextContents();
    expect(navLinks.length).toBeGreaterThanOrEqual(4);
    const reached = new Set<string>();
    for (let i = 0; i < 20 && reached.size < navLinks.length; i++) {
      await page.keyboard.press('Tab');
      const inNav = await page.evaluate(() => (document.activeElement?.closest('nav') ? document.activeElement.textContent : null));
      if (inNav) reached.add(inNav);
    }
    expect([...reached].sort()).toEqual([...navLinks].sort());
    // Enter on a focused link opens its screen, and focus lands on the new content.
    await page.getByRole('link', { name: 'Import & export' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Import & export' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Ctrl+K focuses the search box from anywhere.
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
  });
});
