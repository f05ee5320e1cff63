import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { artifactsDir } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/tmp.ts';

/** Calls the real server's contract, as the app does, to know the engine's own figures. */
export async function rpc<T>(base: string, method: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`rpc/${method}`, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

/**
 * axe-core in the page: no serious or critical violations. The app's CSP (rightly) refuses the
 * inline <script> addScriptTag would add, so axe's source is evaluated through the DevTools
 * protocol instead, which the CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** A screenshot of one part of the screen (the app scrolls inside <main>, so full-page shots cut). */
export async function shot(target: Locator, name: string): Promise<void> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await target.scrollIntoViewIfNeeded();
  await target.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
}

