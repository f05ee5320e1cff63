import { app, BrowserWindow, session, Menu } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DesktopCore } from './core-host.ts';
import { rendererDir } from '../core/paths.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { handleIpc, broadcast } from './ipc.ts';
import { createMainWindow, lockDownWebContents } from './window.ts';
import { buildMenu } from './menu.ts';

// Compiled to build/electron/main/index.js: the build folder is two levels up.
const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

app.setName('Teia');
registerAppScheme();
lockDownWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: DesktopCore | null = null;
  let closed = false;
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  void app.whenReady().then(() => {
    // No page of ours needs the camera, location or notifications: refuse every request.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    // The core runs in its own process (build/electron/core/host/utility.js), never in this one.
    core = new DesktopCore(
      path.join(buildDir, 'electron', 'core', 'host', 'utility.js'),
      { dbPath: process.env.TEIA_DB ?? path.join(app.getPath('userData'), 'teia.db'), host: 'desktop' },
      (event) => broadcast(BrowserWindow.getAllWindows(), event),
    );
    handleIpc(core);
    serveRenderer(rendererDir());
    Menu.setApplicationMenu(buildMenu());
    createMainWindow(buildDir);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(buildDir);
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // The catalogue is closed before the app ends (a write in flight finishes or rolls back whole).
  app.on('will-quit', (event) => {
    if (!core || closed) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
