import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Every screen: its path pattern, the component (loaded on demand so the first paint stays
 * small) and, for screens in the sidebar, the navigation key. Features add one line each.
 */
export interface RouteDef {
  path: string;
  component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
  nav?: NavKey;
}

export type NavKey = 'home' | 'search' | 'directory' | 'map' | 'network' | 'planner' | 'import' | 'settings';

export const routes: RouteDef[] = [
  { path: '/', component: lazy(() => import('../features/home/HomePage.tsx')), nav: 'home' },
  { path: '/search', component: lazy(() => import('../features/search/SearchPage.tsx')), nav: 'search' },
  { path: '/import', component: lazy(() => import('../features/import/ImportPage.tsx')), nav: 'import' },
  { path: '/directory', component: lazy(() => import('../features/enterprises/DirectoryPage.tsx')), nav: 'directory' },
  { path: '/enterprise/new', component: lazy(() => import('../features/enterprises/NewEnterprisePage.tsx')) },
  { path: '/enterprise/:id', component: lazy(() => import('../features/enterprises/EnterprisePage.tsx')) },
  { path: '/map', component: lazy(() => import('../features/map/MapPage.tsx')), nav: 'map' },
  { path: '/network', component: lazy(() => import('../features/network/NetworkPage.tsx')), nav: 'network' },
  { path: '/planner', component: lazy(() => import('../features/planner/PlannerPage.tsx')), nav: 'planner' },
  { path: '/planner/:id', component: lazy(() => import('../features/planner/PlannerPage.tsx')) },
  { path: '/print/poster/:id', component: lazy(() => import('../features/catalogue/PosterPage.tsx')) },
  { path: '/products', component: lazy(() => import('../features/chains/ProductsPage.tsx')) },
  { path: '/interview', component: lazy(() => import('../features/chains/InterviewPage.tsx')) },
  { path: '/interview/:id', component: lazy(() => import('../features/chains/InterviewPage.tsx')) },
  { path: '/print/catalogue', component: lazy(() => import('../features/catalogue/CataloguePage.tsx')) },
  { path: '/currencies', component: lazy(() => import('../features/currencies/CurrencyListPage.tsx')) },
  { path: '/currency/new', component: lazy(() => import('../features/currencies/NewCurrencyPage.tsx')) },
  { path: '/currency/:id', component: lazy(() => import('../features/currencies/CurrencyPage.tsx')) },
  { path: '/settings', component: lazy(() => import('../features/settings/SettingsPage.tsx')), nav: 'settings' },
];
