import { useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { useRoute } from '../../app/router.tsx';
import { networkMessages } from './messages.ts';
import { Dashboard } from './Dashboard.tsx';
import { GraphPanel } from './GraphPanel.tsx';
import { FlowsPanel } from './FlowsPanel.tsx';
import { useCatalogueEmpty } from '../../components/EmptyCatalogue.tsx';
import { UnclassifiedNotice } from '../../components/UnclassifiedNotice.tsx';

type Tab = 'dashboard' | 'graph' | 'flows';
const tabs: Tab[] = ['dashboard', 'graph', 'flows'];

/**
 * The organisers' screen: a network (or the whole catalogue) — its figures, gaps and plan;
 * its graph; its flows. Scope, tab and focus live in the address, so a view can be shared.
 */
export default function NetworkPage() {
  const t = useMessages(networkMessages);
  const { query, navigate, path } = useRoute();
  const networks = useQuery('network-list', {});
  const network = query.get('network') || null;
  const tab = (tabs as string[]).includes(query.get('view') ?? '') ? (query.get('view') as Tab) : 'dashboard';
  const focus = query.get('focus') || null;
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    navigate(`${path}${s ? `?${s}` : ''}`, { replace: true });
  };
  // An empty catalogue has no figure, graph or chain: the shell's note says what to do instead.
  const empty = useCatalogueEmpty();
  const tabLabel: Record<Tab, string> = { dashboard: t('tabDashboard'), graph: t('tabGraph'), flows: t('tabFlows') };
  return (
    <div className="network-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <label className="scope-picker no-print">
          {t('scope')}
          <select value={network ?? ''} onChange={(e) => go({ network: e.target.value || null, focus: null })}>
            <option value="">{t('wholeCatalogue')}</option>
            {(networks.data?.networks ?? []).map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({n.members})
              </option>
            ))}
          </select>
        </label>
      </div>
      <UnclassifiedNotice />
      {empty === false && (
      <>
      <div className="segmented no-print" role="group" aria-label={t('views')}>
        {tabs.map((k) => (
          <button key={k} type="button" aria-pressed={tab === k} onClick={() => go({ view: k === 'dashboard' ? null : k })}>
            {tabLabel[k]}
          </button>
        ))}
      </div>
      {tab === 'dashboard' && <Dashboard key={network ?? ''} network={network} />}
      {tab === 'graph' && <GraphPanel key={`${network ?? ''}:${focus ?? ''}`} network={network} focus={focus} onFocus={(id) => go({ focus: id })} />}
      {tab === 'flows' && <FlowsPanel key={network ?? ''} network={network} />}
      </>
      )}
    </div>
  );
}
