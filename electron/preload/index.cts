// The only bridge between the page and the app: two functions, nothing else. The page cannot
// reach ipcRenderer itself, so it can only call contract methods, which main validates.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const bridge = {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('teia:invoke', method, input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on('teia:event', wrapped);
    return () => {
      ipcRenderer.removeListener('teia:event', wrapped);
    };
  },
} satisfies Record<string, (...args: never[]) => unknown>;

contextBridge.exposeInMainWorld('teia', bridge);
