import { createContext, useCallback, useContext, useEffect, useMemo, useState, type MouseEvent, type ReactNode, type AnchorHTMLAttributes } from 'react';

/**
 * A small history router: the path and query live in the address, so a filtered view can be
 * shared as a link in browser mode. The desktop window's app:// origin supports it too.
 */
interface Route {
  path: string;
  query: URLSearchParams;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<Route | null>(null);

/** The app's own path, relative to where index.html was served (teia serve may sit under a prefix). */
const basePath = import.meta.env.BASE_URL;

function currentPath(): string {
  const p = location.pathname.startsWith(basePath) ? location.pathname.slice(basePath.length - 1) : location.pathname;
  return p === '/index.html' ? '/' : p || '/';
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [loc, setLoc] = useState(() => ({ path: currentPath(), search: location.search }));
  useEffect(() => {
    const onPop = () => setLoc({ path: currentPath(), search: location.search });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    const url = hrefFor(to);
    if (options?.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    setLoc({ path: currentPath(), search: location.search });
  }, []);
  const value = useMemo(() => ({ path: loc.path, query: new URLSearchParams(loc.search), navigate }), [loc, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRoute(): Route {
  const ctx = useContext(RouterContext);
  if (!ctx) throw new Error('useRoute needs a RouterProvider above it');
  return ctx;
}

/** Matches "/enterprise/:id" against a path; returns the decoded params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

/** The address of an in-app path ("/enterprise/x?tab=flows") under the app's base. */
export function hrefFor(to: string): string {
  const url = new URL(to.replace(/^\//, ''), new URL(basePath, location.origin));
  return url.pathname + url.search;
}

/** An in-app link: a real <a href> (so it can be opened, copied, focused) that routes on click. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRoute();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={hrefFor(to)} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
