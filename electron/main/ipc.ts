import { ipcMain, type BrowserWindow } from 'electron';
import type { Core } from '../core/index.ts';
import { isTrustedSender } from './security.ts';

export const invokeChannel = 'teia:invoke';
export const eventChannel = 'teia:event';

/**
 * The IPC side of the contract: one channel, every call checked for its sender frame and
 * then validated by the core's dispatch exactly as an HTTP call would be.
 */
export function handleIpc(core: Core): void {
  ipcMain.handle(invokeChannel, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Calls are accepted only from Teia’s own window.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'invalid-input', message: 'The method name must be text.' } };
    }
    return core.dispatch(method, input);
  });
}

export function broadcast(windows: BrowserWindow[], payload: unknown): void {
  for (const w of windows) if (!w.isDestroyed()) w.webContents.send(eventChannel, payload);
}
