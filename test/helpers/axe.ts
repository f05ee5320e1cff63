import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './tmp.ts';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Runs axe-core in the page and returns its serious and critical violations as readable lines
 * ("rule (help): targets"). The page must be opened with `bypassCSP: true`: axe is injected as
 * a script the app's Content-Security-Policy rightly refuses.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(() => (window as unknown as { axe: { run(ctx: Document): Promise<AxeResult> } }).axe.run(document));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
