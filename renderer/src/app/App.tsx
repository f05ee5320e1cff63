import { Suspense, useEffect, useRef } from 'react';
import { matchPath, useRoute, Link } from './router.tsx';
import { routes, type NavKey } from './routes.tsx';
import { appMessages } from './messages.ts';
import { useMessages } from '../i18n/index.tsx';
import { useQuery } from '../api/hooks.ts';
import { GlobalSearch } from './GlobalSearch.tsx';
import { ScreenBoundary } from './ScreenBoundary.tsx';
import { EmptyCatalogue } from '../components/EmptyCatalogue.tsx';

const navOrder: NavKey[] = ['home', 'search', 'directory', 'map', 'network', 'planner', 'import', 'settings'];

export function App() {
  const { path } = useRoute();
  const t = useMessages(appMessages);
  const info = useQuery('app-info', {});
  const main = useRef<HTMLElement>(null);

  let page = null;
  for (const r of routes) {
    const params = matchPath(r.path, path);
    if (params) {
      page = <r.component params={params} />;
      break;
    }
  }
  const activeNav = routes.find((r) => r.nav && matchPath(r.path, path))?.nav;
  // Each screen names the window or tab, so a person (and a screen reader) knows where they are.
  const screenName = activeNav && activeNav !== 'home' ? t(activeNav) : null;
  useEffect(() => {
    document.title = screenName ? `${screenName} · Teia` : 'Teia';
  }, [screenName]);

  // Moving to another screen moves focus to its content, as a page load would for a screen reader.
  // Not on the first load (the browser starts at the top, so Tab reaches the skip link first),
  // and not while typing in the search box: its first letter opens the search screen.
  const firstPath = useRef(path);
  useEffect(() => {
    if (firstPath.current === path) return;
    firstPath.current = '';
    if (document.activeElement?.closest('[role="search"]')) return;
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Teia">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Teia</span>
        </Link>
        <GlobalSearch label={t('searchLabel')} placeholder={t('searchPlaceholder')} />
      </header>
      <nav className="sidebar" aria-label="Teia">
        <ul>
          {navOrder
            .filter((key) => routes.some((r) => r.nav === key))
            .map((key) => {
              const r = routes.find((x) => x.nav === key)!;
              return (
                <li key={key}>
                  <Link to={r.path} aria-current={activeNav === key ? 'page' : undefined}>
                    {t(key)}
                  </Link>
                </li>
              );
            })}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {info.data?.sample && <p className="banner">{t('sampleBanner')}</p>}
        {info.data?.readOnly && <p className="banner">{t('readOnly')}</p>}
        <EmptyCatalogue />
        <ScreenBoundary key={path} message={t('screenFailed')} retry={t('reload')}>
          <Suspense fallback={<p className="muted">{t('loading')}</p>}>
            {page ?? (
              <section>
                <h1>{t('notFound')}</h1>
                <Link to="/">{t('goHome')}</Link>
              </section>
            )}
          </Suspense>
        </ScreenBoundary>
      </main>
    </div>
  );
}
