import { ipcMain, type BrowserWindow } from 'electron';
import type { Result } from '../../shared/contract/index.ts';
import { isTrustedSender } from './security.ts';

export const invokeChannel = 'teia:invoke';
export const eventChannel = 'teia:event';

/**
 * The IPC side of the contract: one channel, every call checked for its sender frame and
 * then passed to the core's process, whose dispatch validates it exactly as an HTTP call.
 */
export function handleIpc(core: { dispatch(method: string, input: unknown): Promise<Result<unknown>> }): void {
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
