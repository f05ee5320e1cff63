import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServe, type ServeProcess } from './serve.ts';
import { tempDir } from './tmp.ts';

export interface ServedApp {
  /** The test's own temporary folder (the catalogue file lives in it). */
  dir: string;
  server: ServeProcess;
  browser: Browser;
}

/**
 * The real `teia serve` on a fresh catalogue (the sample loads on first start) and a real
 * Chromium, set up before the enclosing describe block's tests and torn down after them.
 * The fields are filled in `beforeAll`: read them inside tests and hooks, not at definition.
 */
export function servedApp(): ServedApp {
  const tmp = tempDir();
  const app = { dir: tmp.dir } as ServedApp;
  beforeAll(async () => {
    app.server = await startServe(['--db', path.join(tmp.dir, 'catalogue.db')]);
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
    tmp.cleanup();
  });
  return app;
}
