import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl, isTrustedSender, secureWebPreferences } from '../../electron/main/security.ts';
import { contentSecurityPolicy } from '../../electron/core/csp.ts';
import { repoRoot } from '../helpers/tmp.ts';

/**
 * The desktop shell cannot be launched here (no Electron binary), so its security is checked
 * statically: the window options, the CSP, the IPC sender check, and a scan of electron/ for
 * the settings Electron's checklist (and electronegativity's rules) forbid.
 */
function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.(c|m)?ts$/.test(d.name) ? [{ file: path.relative(repoRoot, p), text: fs.readFileSync(p, 'utf8') }] : [];
  });
}

describe('desktop window security', () => {
  it('keeps every window isolated, sandboxed and without Node', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('has a strict Content-Security-Policy: own scripts only, no eval, no plugins, no framing', () => {
    const directives = Object.fromEntries(contentSecurityPolicy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval/);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
  });

  it('answers IPC only from the app’s own frames and navigates nowhere else', () => {
    expect(isTrustedSender('app://teia/directory')).toBe(true);
    for (const bad of ['https://teia/', 'file:///etc/passwd', 'app://evil/', 'http://127.0.0.1:5177/', '', null, undefined]) {
      expect(isTrustedSender(bad), String(bad)).toBe(false);
    }
    expect(isAppUrl('app://teia/enterprise/x')).toBe(true);
    expect(isAppUrl('https://example.org')).toBe(false);
  });

  it('opens only web and mail links outside the app', () => {
    expect(isSafeExternalUrl('https://essglobal.org/')).toBe(true);
    expect(isSafeExternalUrl('mailto:coop@example.org')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org', 'not a url']) {
      expect(isSafeExternalUrl(bad), bad).toBe(false);
    }
  });

  it('has no forbidden setting anywhere in the Electron code', () => {
    const forbidden: [RegExp, string][] = [
      [/nodeIntegration\s*:\s*true/, 'nodeIntegration enabled'],
      [/contextIsolation\s*:\s*false/, 'context isolation off'],
      [/sandbox\s*:\s*false/, 'sandbox off'],
      [/webSecurity\s*:\s*false/, 'web security off'],
      [/allowRunningInsecureContent\s*:\s*true/, 'insecure content allowed'],
      [/experimentalFeatures\s*:\s*true/, 'experimental features on'],
      [/webviewTag\s*:\s*true/, 'webview enabled'],
      [/enableRemoteModule|@electron\/remote/, 'remote module'],
      [/loadURL\(\s*['"`]http/, 'loading a remote page'],
      [/exposeInMainWorld\([^)]*ipcRenderer\s*\)/, 'raw ipcRenderer exposed'],
      [/setPermissionRequestHandler\([^)]*callback\(true\)/, 'permissions granted'],
      [/insertCSS|executeJavaScript/, 'code injected into the page'],
    ];
    const found: string[] = [];
    for (const { file, text } of sources(path.join(repoRoot, 'electron'))) {
      for (const [re, what] of forbidden) if (re.test(text)) found.push(`${file}: ${what}`);
      if (/shell\.openExternal\(/.test(text) && !/isSafeExternalUrl\(/.test(text)) found.push(`${file}: openExternal without isSafeExternalUrl`);
    }
    expect(found).toEqual([]);
  });

  it('exposes exactly two functions from the preload', () => {
    const preload = fs.readFileSync(path.join(repoRoot, 'electron', 'preload', 'index.cts'), 'utf8');
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    const bridge = /const bridge = \{([\s\S]*?)\n\} satisfies/.exec(preload)?.[1] ?? '';
    const keys = [...bridge.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['invoke', 'onEvent']);
    expect(preload).not.toMatch(/require\(|import .* from '(?!electron')/);
  });
});
