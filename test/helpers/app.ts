import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServe, type ServeProcess } from './serve.ts';
import { tempDir } from './tmp.ts';

export interface ServedApp {
  /** The test's own temporary folder (the catalogue file lives in it). */
  dir: string;
  server: ServeProcess;
  /** Its pages have opened the printed link first, so they hold the write secret. */
  browser: Browser;
  /** A fetch-like call to /rpc with the write secret, as the app sends it. */
  rpc(method: string, input: unknown): Promise<Response>;
}

/**
 * The real `teia serve` on a fresh catalogue (the sample loads on first start, unless `args`
 * say `--no-sample`) and a real
 * Chromium, set up before the enclosing describe block's tests and torn down after them.
 * The fields are filled in `beforeAll`: read them inside tests and hooks, not at definition.
 */
export function servedApp(args: string[] = []): ServedApp {
  const tmp = tempDir();
  const app = { dir: tmp.dir } as ServedApp;
  beforeAll(async () => {
    app.server = await startServe(['--db', path.join(tmp.dir, 'catalogue.db'), ...args]);
    app.browser = openingLink(await launchBrowser(), app.server);
    app.rpc = (method, input) => writeCall(app.server, method, input);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
    tmp.cleanup();
  });
  return app;
}

/**
 * Every new page first opens the link `teia serve` printed, as a person does: the app keeps the
 * write secret from its fragment for the tab (sessionStorage), so the page's later
 * navigations can make changes. The tests then go wherever they like in that tab.
 */
export function openingLink(browser: Browser, server: ServeProcess): Browser {
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await openLink(page, server.link);
    return page;
  };
  return browser;
}

export async function openLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  // A string, as this file is checked without DOM types: the app has taken the token in.
  await page.waitForFunction("sessionStorage.getItem('teia-token') !== null && location.hash === ''");
}

export function writeCall(server: ServeProcess, method: string, input: unknown): Promise<Response> {
  return fetch(new URL(`rpc/${method}`, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
}
