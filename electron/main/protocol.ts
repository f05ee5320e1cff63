import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveStatic } from '../server/static.ts';
import { securityHeaders } from '../core/csp.ts';
import { appScheme, appHost } from './security.ts';

/** Must run before the app is ready: app:// behaves like https (secure, fetch, history API). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer on app://teia/ with the same CSP as `teia serve`, refusing paths
 * that leave the folder; unknown routes get index.html so deep links work.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== appHost) return new Response('Not found', { status: 404 });
    let file = resolveStatic(rendererDir, url.pathname);
    if (!file) return new Response('Bad path', { status: 400 });
    if (!path.extname(file)) file = path.join(rendererDir, 'index.html');
    const response = await net.fetch(pathToFileURL(file).href);
    const headers = new Headers(response.headers);
    for (const [k, v] of Object.entries(securityHeaders)) headers.set(k, v);
    return new Response(response.body, { status: response.status, headers });
  });
}
