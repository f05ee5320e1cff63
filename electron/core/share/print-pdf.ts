import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../index.ts';
import { rendererDir } from '../paths.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import type { TeiaEvent } from '../../../shared/contract/index.ts';

export interface CataloguePdfOptions {
  dbPath?: string;
  lang: 'en' | 'es' | 'pt' | 'fr';
  network: string | null;
  paper: 'a4' | 'letter';
}

const LOCALES = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR', fr: 'fr-FR' } as const;

/** Where a Chromium or Chrome may be: CHROMIUM_PATH first, then the usual places. */
function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    process.env.PROGRAMFILES && path.join(process.env.PROGRAMFILES, 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

/**
 * The printed catalogue as a PDF, made by the browser's own print engine: the app's
 * /print/catalogue page, served on a private loopback port, opened in headless Chromium, printed
 * once the page says everything has arrived. Written under a temporary name, so a failure
 * leaves no half file.
 */
export async function printCataloguePdf(file: string, options: CataloguePdfOptions): Promise<{ bytes: number }> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new TeiaError('unsupported', 'Printing the catalogue to a PDF needs Chromium or Google Chrome on this machine (Debian/Ubuntu: apt-get install chromium). You can also open the catalogue in Teia and print it from there.');
  }
  if (!fs.existsSync(path.join(rendererDir(), 'index.html'))) {
    throw new TeiaError('unsupported', 'The app is not built yet: run `npm run build:renderer` first.');
  }
  const { chromium } = await import('playwright-core');
  const live: { server?: RunningServer } = {};
  const core = openCore({ dbPath: options.dbPath, host: 'server', sample: false, readOnly: true, emit: (e: TeiaEvent) => live.server?.broadcast(e) });
  const server = (live.server = await startServer({ host: '127.0.0.1', port: 0, staticDir: rendererDir(), dispatch: core.dispatch }));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const partial = `${file}.partial`;
  try {
    const page = await (await browser.newContext({ locale: LOCALES[options.lang] })).newPage();
    const query = new URLSearchParams({ paper: options.paper, ...(options.network ? { network: options.network } : {}) });
    await page.goto(new URL(`print/catalogue?${query}`, server.url).toString());
    await page.locator('[data-print-ready="true"], .error-note, [role="alert"]').first().waitFor({ timeout: 300_000 });
    if (!(await page.locator('[data-print-ready="true"]').count())) {
      const said = (await page.locator('.error-note, [role="alert"]').first().textContent())?.trim();
      throw new TeiaError('invalid-input', said || 'The catalogue could not be prepared.');
    }
    await page.pdf({ path: partial, printBackground: true, preferCSSPageSize: true, format: options.paper === 'letter' ? 'Letter' : 'A4' });
    fs.renameSync(partial, file);
    return { bytes: fs.statSync(file).size };
  } finally {
    fs.rmSync(partial, { force: true });
    await browser.close();
    await server.close();
    core.close();
  }
}
