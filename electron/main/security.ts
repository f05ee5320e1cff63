import type { WebPreferences } from 'electron';

/**
 * The security rules of the desktop window (Electron's security checklist), as plain
 * functions with no Electron import so tests and the static check can verify them in Node.
 */
export const appScheme = 'app';
export const appHost = 'teia';
export const appOrigin = `${appScheme}://${appHost}`;

/** Every window is sandboxed and isolated, with no Node in the page. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/** Only the app's own pages may load in a window. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${appScheme}:` && u.host === appHost;
  } catch {
    return false;
  }
}

/** IPC is answered only for frames showing the app itself (not an injected or navigated page). */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Links leave the app only to the web or an email client, never to file:, javascript: or custom schemes. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:') && !u.username && !u.password;
  } catch {
    return false;
  }
}
