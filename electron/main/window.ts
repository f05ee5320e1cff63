import { BrowserWindow, shell, app } from 'electron';
import path from 'node:path';
import { appOrigin, isAppUrl, isSafeExternalUrl, secureWebPreferences } from './security.ts';

/** The app's window: sandboxed, no navigation away, new windows refused (links open outside). */
export function createMainWindow(buildDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    title: 'Teia',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: secureWebPreferences(path.join(buildDir, 'electron', 'preload', 'index.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${appOrigin}/`);
  return win;
}

/** Applies to every web contents the app ever creates, including ones we did not expect. */
export function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
