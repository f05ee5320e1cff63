import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../electron/core/csp.ts';
import { repoRoot } from '../helpers/tmp.ts';

/**
 * Static checks that complete test/unit/electron-security.test.ts: every IPC handler checks its
 * sender, every web contents is locked down, and no code of the UI turns text into markup or
 * code (the way an imported name could become a script).
 */
function sources(dir: string, ext: RegExp): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p, ext);
    return ext.test(d.name) ? [{ file: path.relative(repoRoot, p), text: fs.readFileSync(p, 'utf8') }] : [];
  });
}
const main = (name: string) => fs.readFileSync(path.join(repoRoot, 'electron', 'main', name), 'utf8');

describe('desktop shell, read as code', () => {
  it('checks the sender of every IPC handler', () => {
    for (const { file, text } of sources(path.join(repoRoot, 'electron', 'main'), /\.ts$/)) {
      const handlers = text.match(/ipcMain\.(handle|handleOnce|on|once)\(/g) ?? [];
      const checks = text.match(/isTrustedSender\(event\.senderFrame/g) ?? [];
      expect(checks.length, file).toBeGreaterThanOrEqual(handlers.length);
    }
  });

  it('locks down every web contents: no navigation away, no new windows, no webviews, no permissions', () => {
    const window = main('window.ts');
    expect(window).toMatch(/app\.on\('web-contents-created'/);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) expect(window, event).toMatch(new RegExp(`contents\\.on\\('${event}'[\\s\\S]*?preventDefault\\(\\)`));
    expect(window).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \}/);
    expect(window).not.toMatch(/action: 'allow'/);
    const index = main('index.ts');
    expect(index).toMatch(/lockDownWebContents\(\)/);
    expect(index).toMatch(/setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(false\)\)/);
  });
});

describe('the UI never turns text into markup or code', () => {
  it('has no raw-HTML or eval-like call in renderer/ or shared/', () => {
    const forbidden: [RegExp, string][] = [
      [/dangerouslySetInnerHTML/, 'dangerouslySetInnerHTML'],
      [/\.(innerHTML|outerHTML)\s*=/, 'innerHTML/outerHTML assignment'],
      [/insertAdjacentHTML|document\.write|createContextualFragment/, 'HTML from a string'],
      [/\beval\(|new Function\(/, 'eval'],
      [/srcdoc|javascript:/i, 'srcdoc or javascript: URL'],
      [/setTimeout\(\s*['"`]/, 'setTimeout with a string'],
    ];
    const found: string[] = [];
    for (const root of ['renderer/src', 'shared']) {
      for (const { file, text } of sources(path.join(repoRoot, root), /\.(ts|tsx)$/)) {
        for (const [re, what] of forbidden) if (re.test(text)) found.push(`${file}: ${what}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('serves the same headers to the browser: CSP, no sniffing, no framing', () => {
    expect(securityHeaders['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(securityHeaders['x-content-type-options']).toBe('nosniff');
    expect(securityHeaders['x-frame-options']).toBe('DENY');
  });
});
