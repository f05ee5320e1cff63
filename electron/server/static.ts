import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Resolves a URL path inside `root`, or null when it would leave it (`..`, encoded
 * separators, NUL). Unknown paths fall back to index.html so client routes load.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string>): void {
  const resolved = resolveStatic(root, urlPath);
  if (!resolved) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end('Bad path');
    return;
  }
  let file = resolved;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // Client-side routes (/directory, /enterprise/x) load the app; missing assets are 404s.
    file = path.extname(urlPath) ? '' : path.join(root, 'index.html');
  }
  if (!file || !fs.existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(fs.existsSync(path.join(root, 'index.html')) ? 'Not found' : 'The app has not been built: run `npm run build:renderer`.');
    return;
  }
  const ext = path.extname(file);
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': types[ext] ?? 'application/octet-stream', 'cache-control': cache, ...headers });
  fs.createReadStream(file).pipe(res);
}
