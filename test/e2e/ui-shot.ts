import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser.ts';

/**
 * A full-page screenshot taken from the top: the top bar and sidebar are sticky, and a page
 * scrolled by a focus move would otherwise draw them in the middle of the picture.
 */
export async function shot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  return screenshot(page, name);
}
