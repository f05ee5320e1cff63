import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { openLink } from '../helpers/app.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { tempDir } from '../helpers/tmp.ts';
import { shot as screenshot } from './ui-shot.ts';

/**
 * A catalogue shared at a forum: attendees open the read-only link (or scan its QR code on the
 * Settings screen) and can browse but not change anything; the organisers' link can.
 * 127.0.0.2 is loopback on Linux but not a "this machine only" name, so Teia shares as on a LAN.
 */
describe('sharing at a forum (teia serve --host)', () => {
  const tmp = tempDir();
  let server: ServeProcess;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServe(['--db', path.join(tmp.dir, 'catalogue.db'), '--host', '127.0.0.2']);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    tmp.cleanup();
  });

  it('an attendee with the read link sees the QR code in Spanish, and cannot write', async () => {
    const page = await browser.newPage({ locale: 'es-ES' });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await openLink(page, server.readLink!);
    await page.goto(new URL('settings', server.url).href);
    const panel = page.getByTestId('share-panel');
    await panel.getByRole('heading', { name: 'Compartir con los asistentes' }).waitFor();
    expect(await panel.getByRole('link').textContent()).toBe(server.readLink);
    const qr = panel.getByRole('img', { name: 'Código QR del enlace de solo lectura' });
    await qr.waitFor();
    // Drawn from the core's cells: one dark square per dark cell of the code.
    const squares = await qr.locator('path').evaluate((p) => (p.getAttribute('d') ?? '').split('z').length - 1);
    expect(squares).toBeGreaterThan(200);
    await page.getByText('Solo lectura: este catálogo se comparte para consulta.').waitFor();
    expect(await page.getByTestId('backups-panel').getByRole('button').count()).toBe(0);
    await screenshot(page, 'share-read-link-es');
    expect(errors).toEqual([]);
    // The page's own transport, with the token it kept, is refused by every writer it tries.
    const refused = await page.evaluate(async () => {
      const token = sessionStorage.getItem('teia-token');
      const res = await fetch('/rpc/enterprise-create', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ name: 'From the audience', solidarity: true }) });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'read-only' } } });
  });

  it('an organiser with the other link can change the catalogue', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    page.setDefaultTimeout(60_000);
    const errors = watchErrors(page);
    await openLink(page, server.link);
    await page.goto(new URL('settings', server.url).href);
    await page.getByTestId('share-panel').getByRole('heading', { name: 'Share with attendees' }).waitFor();
    const backups = page.getByTestId('backups-panel');
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await backups.getByText('Backup taken.').waitFor();
    expect(await page.getByText('Read-only: this catalogue is shared for browsing.').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
