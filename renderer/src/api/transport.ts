import type { Result } from '../../../shared/contract/errors.ts';
import type { TeiaEvent } from '../../../shared/contract/events.ts';

/** How the renderer reaches the core: Electron IPC or HTTP. The client never knows which. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: TeiaEvent) => void): () => void;
}

/** The bridge the desktop preload exposes on window.teia (functions only). */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: TeiaEvent) => void): () => void;
}

declare global {
  interface Window {
    teia?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return { invoke: (m, i) => bridge.invoke(m, i), subscribe: (l) => bridge.onEvent(l) };
}

/** Reads the access token of a shared server from the link (#token=…) once, then keeps it. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem('teia-token', match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem('teia-token');
}

export function httpTransport(base = new URL(import.meta.env.BASE_URL, location.origin).href): Transport {
  const token = takeToken();
  const listeners = new Set<(e: TeiaEvent) => void>();
  let source: EventSource | null = null;
  return {
    async invoke(method, input) {
      let res: Response;
      try {
        res = await fetch(new URL(`rpc/${encodeURIComponent(method)}`, base), {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Teia’s server cannot be reached. Is `teia serve` still running?', key: 'server-unreachable' } };
      }
      try {
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The server answered ${res.status} without a usable reply.`, key: 'server-bad-reply', args: { status: res.status } } };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        const url = new URL('events', base);
        if (token) url.searchParams.set('token', token);
        source = new EventSource(url);
        source.onmessage = (m) => {
          const event = JSON.parse(m.data as string) as TeiaEvent;
          for (const l of listeners) l(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}
