// The README's quick start is what CI runs: if either changes without the other, this fails.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = fs.readFileSync('README.md', 'utf8');
const ciRun = fs.readFileSync('.ci/run', 'utf8');

/** The commands of the sh block under "## Quick start", split at `&&`, comments dropped. */
function quickStartCommands(): string[] {
  const section = readme.split(/^## Quick start$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .flatMap((l) => l.split('&&').map((c) => c.trim()));
}

/** What .ci/run executes: its command lines, `bash .ci/start-check CMD` counted as CMD. */
function ciCommands(): string[] {
  return ciRun
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.replace(/^bash \.ci\/start-check /, ''));
}

describe('quick start and CI', () => {
  it('the README gives exactly the two commands of the quick start', () => {
    expect(quickStartCommands()).toEqual(['npm ci', 'npm start', 'npm ci', 'npm test']);
  });

  it('.ci/run runs each quick-start command, in the README order, with nothing set before it', () => {
    const ci = ciCommands();
    let at = -1;
    for (const cmd of new Set(quickStartCommands())) {
      const i = ci.indexOf(cmd);
      expect(i, `.ci/run does not run "${cmd}" as the README types it`).toBeGreaterThan(at);
      at = i;
    }
    // No environment a newcomer would not have: no export, no VAR=value before a command.
    for (const line of ci) {
      expect(line, `.ci/run sets the environment: ${line}`).not.toMatch(/^(export\s|[A-Z_][A-Z0-9_]*=)/);
    }
  });

  it('package.json keeps Electron\'s download out of npm ci, so it installs offline', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { allowScripts?: Record<string, boolean> };
    expect(pkg.allowScripts?.electron).toBe(false);
  });
});
