import net from 'node:net';

/**
 * Which `Host` headers `teia serve` answers. A page on another site can make a browser talk to
 * 127.0.0.1 by pointing its own name at it (DNS rebinding); the browser then sends that name as
 * `Host`, so refusing unknown names closes the door. The same rule as Vite's dev server and
 * webpack-dev-server: IP literals (a rebinding never produces one), localhost and its
 * subdomains, the address given with --host and the names given with --allowed-host.
 */
export function allowedHosts(listenHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(['localhost']);
  for (const h of [listenHost, ...extra]) {
    const name = normaliseName(h);
    if (name) names.add(name);
  }
  return names;
}

/** True when the request's Host header (name and optional port) names this server. */
export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!header) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)(?::\d{1,5})?$/.exec(header);
  if (!m) return false;
  const name = normaliseName(m[1]);
  if (!name) return false;
  if (net.isIP(name.replace(/^\[|\]$/g, ''))) return true;
  return allowed.has(name) || name.endsWith('.localhost');
}

/** Lower case, brackets off IPv6, URL's own normalisation (so `0x7f.1` reads as 127.0.0.1). */
function normaliseName(host: string): string | null {
  const bare = host.trim().replace(/^\[|\]$/g, '');
  if (!bare) return null;
  try {
    const shown = net.isIPv6(bare) ? `[${bare}]` : bare;
    return new URL(`http://${shown}/`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return null;
  }
}
