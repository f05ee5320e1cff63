import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openCore } from '../../electron/core/index.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { tempDir } from '../helpers/tmp.ts';

/**
 * Content from imported files is shown as text: an enterprise named like an HTML attack renders
 * inert on every screen (no dialog opens, no <img src=x> or event-handler attribute reaches
 * the DOM), and every export carries the name escaped in a well-formed document.
 */
const evil = '<img src=x onerror=alert(1)>';
const evilPlace = '<svg onload=alert(3)>';

describe('hostile names from an imported file', () => {
  const tmp = tempDir();
  let server: ServeProcess;
  let browser: Browser;
  let network = '';

  beforeAll(async () => {
    const file = path.join(tmp.dir, 'catalogue.db');
    const core = openCore({ dbPath: file, host: 'cli', sample: true });
    try {
      const db = core.ctx.db;
      network = db.prepare('SELECT id FROM networks ORDER BY position, id LIMIT 1').pluck().get() as string;
      const member = db.prepare('SELECT enterprise_id FROM memberships WHERE network_id = ? ORDER BY position LIMIT 1').pluck().get(network) as string;
      const product = db.prepare('SELECT product_id FROM offers ORDER BY rowid LIMIT 1').pluck().get() as string;
      const pkg = {
        format: 'teia-package',
        version: 1,
        enterprises: [{ id: 'evil', name: evil, solidarity: true, description: '<script>alert(2)</script>', locality: evilPlace, country: 'BR', lat: -21.987, lon: -47.883, networks: [network] }],
        offers: [{ enterprise: 'evil', product, capacity: 50, price: 2 }],
        flows: [{ supplier: 'evil', buyer: member, product, quantity: 10, value: 100 }],
      };
      const report = await core.call('import-run', { fileName: 'evil.json', format: 'package', contentBase64: Buffer.from(JSON.stringify(pkg)).toString('base64'), onDuplicate: 'keep-both' });
      expect(report.rejected).toEqual([]);
    } finally {
      core.close();
    }
    server = await startServe(['--db', file]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  /** Nothing the name or place could have become is in the DOM. */
  const injected = (page: Page) => page.locator('img[src="x"], [onerror], [onload], script:not([src]):not([type="application/json"])').count();

  it('renders inert on every screen', async () => {
    const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(60_000);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    const screens: { path: string; shows?: string }[] = [
      { path: '', shows: undefined },
      { path: 'directory', shows: evil },
      { path: 'enterprise/evil', shows: evil },
      { path: `search?q=${encodeURIComponent('img onerror')}`, shows: evil },
      { path: 'map' },
      { path: 'network' },
      { path: 'planner' },
      { path: 'settings' },
    ];
    for (const s of screens) {
      await page.goto(new URL(s.path, server.url).href);
      if (s.shows) await page.getByText(s.shows, { exact: true }).first().waitFor();
      else await page.waitForTimeout(1500);
      expect(await injected(page), s.path).toBe(0);
    }
    // The enterprise page shows the place and description as text too.
    await page.goto(new URL('enterprise/evil', server.url).href);
    await page.getByText(evilPlace, { exact: false }).first().waitFor();
    expect(await injected(page)).toBe(0);
    await screenshot(page, 'xss-enterprise');

    // The map's popup for it (opened from the enterprise page).
    await page.goto(new URL('map?focus=evil', server.url).href);
    await expect.poll(() => page.locator('.map-popup strong').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.map-popup strong').textContent()).toBe(evil);
    expect(await injected(page)).toBe(0);
    await screenshot(page, 'xss-map-popup');

    // The network graph labels, and the SVG it exports.
    await page.goto(new URL('network', server.url).href);
    await page.getByRole('combobox', { name: /^Network/ }).selectOption(network);
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.locator('[data-testid="network-graph"][data-status="ready"]').waitFor();
    expect(await injected(page)).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as SVG' }).click()]);
    const fs = await import('node:fs');
    const svg = fs.readFileSync((await download.path())!, 'utf8');
    expect(await wellFormed(page, svg, 'image/svg+xml')).toBe(true);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    expect(dialogs).toEqual([]);
  });

  it('is escaped in every export, and XML exports are well-formed', async () => {
    const page = await browser.newPage();
    const exportText = async (format: string) => {
      const res = await fetch(new URL('rpc/export-run', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ format }) });
      const body = (await res.json()) as { ok: boolean; value: { text: string } };
      expect(body.ok, format).toBe(true);
      return body.value.text;
    };
    for (const format of ['gexf', 'graphml']) {
      const xml = await exportText(format);
      expect(await wellFormed(page, xml, 'application/xml'), format).toBe(true);
      expect(xml, format).not.toContain(evil);
      expect(await page.evaluate(`(${xmlHasText.toString()})(${JSON.stringify(xml)}, ${JSON.stringify(evil)})`), format).toBe(true);
    }
    for (const format of ['package', 'geojson']) {
      const text = await exportText(format);
      expect(text, format).toContain(JSON.stringify(evil).slice(1, -1));
      expect(JSON.parse(text)).toBeTruthy();
    }
    expect(await exportText('sse-csv')).toContain(evil);
  });
});

/** Parsed by the browser's own XML parser: no <parsererror>. */
async function wellFormed(page: Page, text: string, type: string): Promise<boolean> {
  return page.evaluate(
    `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(text)}, ${JSON.stringify(type)}); return d.getElementsByTagName('parsererror').length === 0 && d.getElementsByTagName('img').length === 0; })()`,
  ) as Promise<boolean>;
}

/** The parsed document holds the name as text (it was escaped, not dropped). Runs in the page. */
function xmlHasText(xml: string, needle: string): boolean {
  const doc = new (globalThis as unknown as { DOMParser: new () => { parseFromString(s: string, t: string): { documentElement: { textContent: string | null } } } }).DOMParser().parseFromString(xml, 'application/xml');
  return (doc.documentElement.textContent ?? '').includes(needle) || xml.includes(needle.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}
