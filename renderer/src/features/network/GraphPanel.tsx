import { useMemo, useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { networkMessages } from './messages.ts';
import { graphMessages } from './graph-messages.ts';
import { GraphView } from './GraphView.tsx';
import { nodeValue, withProposed } from './mapper.ts';
import { aggregate, subgraph, topByValue, topEdges } from './groups.ts';
import { useCommunities } from './useCommunities.ts';
import { productName, useLabels } from './useLabels.ts';
import type { LayoutName, ProposedLink } from './types.ts';

/**
 * Above this many enterprises the view offers grouping by trading community, or the ones moving
 * most value; by default it still draws every enterprise (bench/graph-render.ts measures the
 * whole-network draw at 5,000 enterprises / 20,000 links against plain cytoscape).
 */
export const DRAW_CAP = 800;
/** What the core sends at most; beyond it, the enterprises moving most value. */
const FETCH_CAP = 20_000;
/** Links drawn between communities (the heaviest): thousands of thin ones only add noise and cost frames. */
const OVERVIEW_LINKS = 600;

export function GraphPanel({
  network,
  focus,
  onFocus,
  proposed,
  initialLayout = 'force',
  tiers: initialTiers = 3,
}: {
  network: string | null;
  focus: string | null;
  onFocus(id: string | null): void;
  proposed?: ProposedLink[];
  initialLayout?: LayoutName;
  tiers?: number;
}) {
  const t = useMessages(networkMessages);
  const g = useMessages(graphMessages);
  const { number, percent, lang } = useI18n();
  const [layout, setLayout] = useState<LayoutName>(focus ? 'tiers' : initialLayout);
  const [tiers, setTiers] = useState(initialTiers);
  const [product, setProduct] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [grouping, setGrouping] = useState<'all' | 'groups' | 'top'>('all');
  const [opened, setOpened] = useState<string | null>(null);
  const q = useQuery('network-graph', {
    network: focus ? null : network,
    ...(focus ? { focus, tiers } : {}),
    ...(product ? { product } : {}),
    maxNodes: FETCH_CAP,
  });
  const full = useMemo(() => (q.data ? withProposed(q.data, proposed ?? []) : undefined), [q.data, proposed]);
  const big = full !== undefined && full.nodes.length > DRAW_CAP;
  const membership = useCommunities(big && grouping === 'groups' ? full : undefined);
  const grouped = useMemo(() => {
    if (!full || !membership) return null;
    return aggregate(full, membership, (g) =>
      // The count first: a long name is cut at the end on the canvas.
      t('groupName', { lead: g.lead, n: number(g.members.length) }),
    );
  }, [full, membership, t, number]);
  const graph = useMemo(() => {
    if (!full || !big || grouping === 'all') return full;
    if (grouping === 'top') return topByValue(full, DRAW_CAP, focus);
    if (!grouped) return undefined;
    if (opened && grouped.groups.has(opened)) return topByValue(subgraph(full, new Set(grouped.groups.get(opened)!.members)), DRAW_CAP);
    return topEdges(topByValue(grouped.graph, DRAW_CAP), OVERVIEW_LINKS);
  }, [full, big, grouping, grouped, opened, focus]);
  // The geographic layout draws only the enterprises with coordinates, and says how many it leaves off.
  const geo = useMemo(() => {
    if (!graph || layout !== 'geo') return null;
    const placed = graph.nodes.filter((n) => n.lat !== null && n.lon !== null);
    if (placed.length === graph.nodes.length) return { graph, missing: 0 };
    const ids = new Set(placed.map((n) => n.id));
    return { graph: { ...graph, nodes: placed, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) }, missing: graph.nodes.length - placed.length };
  }, [graph, layout]);
  const drawn = geo ? geo.graph : graph;
  const unvalued = useMemo(() => (graph ? graph.nodes.every((n) => nodeValue(n) === 0) : false), [graph]);
  const overview = big && grouping === 'groups' && !opened;
  const group = selected && grouped ? (grouped.groups.get(selected) ?? null) : null;
  const productIds = useMemo(() => {
    const s = new Set<string>(product ? [product] : []);
    for (const e of full?.edges ?? []) for (const p of e.products) s.add(p);
    return [...s].sort().slice(0, 500);
  }, [full, product]);
  const labels = useLabels([], productIds);
  const node = graph?.nodes.find((n) => n.id === selected) ?? null;
  const top = useMemo(() => [...(full?.nodes ?? [])].sort((a, b) => nodeValue(b) - nodeValue(a)).slice(0, 15), [full]);
  const nonSolidarity = useMemo(() => {
    if (!graph) return 0;
    const solidarity = new Set(graph.nodes.filter((n) => n.solidarity).map((n) => n.id));
    return graph.edges.filter((e) => !solidarity.has(e.source)).length;
  }, [graph]);
  const title = focus && graph ? t('chainTitle', { name: graph.nodes.find((n) => n.id === focus)?.name ?? focus }) : t('graphTitle');

  return (
    <section aria-labelledby="graph-h">
      <h2 id="graph-h">{title}</h2>
      <div className="controls no-print">
        <label>
          {t('layout')}
          <select value={layout} onChange={(e) => setLayout(e.target.value as LayoutName)}>
            <option value="force">{t('layoutForce')}</option>
            <option value="geo">{t('layoutGeo')}</option>
            <option value="tiers">{t('layoutTiers')}</option>
          </select>
        </label>
        <label>
          {t('productFilter')}
          <select value={product} onChange={(e) => setProduct(e.target.value)}>
            <option value="">{t('allProducts')}</option>
            {productIds.map((p) => (
              <option key={p} value={p}>
                {productName(labels, p, lang)}
              </option>
            ))}
          </select>
        </label>
        {big && (
          <label>
            {t('grouping')}
            <select
              value={grouping}
              onChange={(e) => {
                setGrouping(e.target.value as 'all' | 'groups' | 'top');
                setOpened(null);
              }}
            >
              <option value="all">{t('groupingAll')}</option>
              <option value="groups">{t('groupingCommunities')}</option>
              <option value="top">{t('groupingTop', { n: number(DRAW_CAP) })}</option>
            </select>
          </label>
        )}
        {opened && (
          <button type="button" onClick={() => setOpened(null)}>
            {t('backToGroups')}
          </button>
        )}
        {focus && (
          <>
            <label>
              {t('tiers')}
              <input type="number" min={1} max={20} value={tiers} onChange={(e) => setTiers(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} />
            </label>
            <button type="button" onClick={() => onFocus(null)}>{t('clearFocus')}</button>
          </>
        )}
      </div>
      <ErrorNote error={q.error} />
      {q.data?.truncated && <p className="banner">{t('truncated', { shown: number(q.data.nodes.length), total: number(q.data.totals.nodes) })}</p>}
      {big && grouping === 'groups' && !opened && grouped && (
        <p className="muted small" data-testid="graph-grouped">{t('groupedNote', { total: number(full!.nodes.length), groups: number(grouped.groups.size), cap: number(DRAW_CAP) })}</p>
      )}
      {big && grouping === 'groups' && opened && grouped?.groups.get(opened) && (
        <p className="muted small">{t('openedNote', { name: grouped.groups.get(opened)!.lead, n: grouped.groups.get(opened)!.members.length })}</p>
      )}
      {big && grouping === 'top' && <p className="muted small">{t('topNote', { shown: number(DRAW_CAP), total: number(full!.nodes.length) })}</p>}
      {big && !graph && <p className="muted" role="status">{t('grouping')}…</p>}
      <ul className="legend" aria-hidden="true">
        <li><span className="swatch round" style={{ background: '#2a8a70' }} />{t('legendSolidarity')}</li>
        <li><span className="swatch diamond" style={{ background: '#c0622a' }} />{t('legendOther')}</li>
        <li><span className="swatch line" style={{ background: '#d0753f' }} />{t('legendNonSolidarityLink')}</li>
        {network && !focus && <li><span className="swatch round" style={{ background: '#2a8a70', opacity: 0.5 }} />{t('legendOutside')}</li>}
        {proposed && proposed.length > 0 && <li><span className="swatch dashed" style={{ borderColor: '#1a5fd0' }} />{t('legendProposed')}</li>}
        <li className="muted">{unvalued ? g('legendSizeLinks') : t('legendSize')}</li>
      </ul>
      {graph && graph.nodes.length === 0 && <p>{t('emptyGraph')}</p>}
      {geo && geo.missing > 0 && drawn && drawn.nodes.length > 0 && (
        <p className="muted small" data-testid="geo-note">{g('geoSome', { missing: geo.missing, n: number(graph!.nodes.length) })}</p>
      )}
      {geo && drawn && drawn.nodes.length === 0 && graph!.nodes.length > 0 && (
        <div className="banner" role="status" data-testid="geo-note">
          <p>{g('geoNone', { n: graph!.nodes.length })}</p>
          <button type="button" onClick={() => setLayout('force')}>{g('useForce')}</button>{' '}
          <button type="button" onClick={() => setLayout('tiers')}>{g('useTiers')}</button>
        </div>
      )}
      <div className="graph-layout">
        {drawn && drawn.nodes.length > 0 && (
          <GraphView graph={drawn} layout={layout} proposed={proposed} title={title} onSelect={setSelected} />
        )}
        {group && (
          <aside className="graph-details" aria-live="polite" data-testid="graph-details">
            <h3>{t('groupTitle', { lead: group.lead })}</h3>
            <p>{t('groupFacts', { n: group.members.length, share: group.solidarityShare === null ? '—' : percent(group.solidarityShare) })}</p>
            <button type="button" onClick={() => { setOpened(group.id); setSelected(null); }}>
              {t('openGroup')}
            </button>
          </aside>
        )}
        {node && !group && (
          <aside className="graph-details" aria-live="polite" data-testid="graph-details">
            <h3>{node.name}</h3>
            <SolidarityBadge solidarity={node.solidarity} />
            <dl className="facts">
              <dt>{t('inValue')}</dt>
              <dd>{number(node.inValue, { maximumFractionDigits: 0 })}</dd>
              <dt>{t('outValue')}</dt>
              <dd>{number(node.outValue, { maximumFractionDigits: 0 })}</dd>
              {network && !focus && (
                <>
                  <dt>{t('member')}</dt>
                  <dd>{node.member ? t('yes') : t('no')}</dd>
                </>
              )}
            </dl>
            <ul className="plain-list">
              <li><Link to={`/enterprise/${encodeURIComponent(node.id)}`}>{t('openEnterprise')}</Link></li>
              <li><Link to={`/planner/${encodeURIComponent(node.id)}`}>{t('openPlanner')}</Link></li>
              {focus !== node.id && (
                <li>
                  <button type="button" className="link-button" onClick={() => onFocus(node.id)}>{t('focusChain')}</button>
                </li>
              )}
            </ul>
          </aside>
        )}
      </div>
      {graph && (
        <>
          <p className="muted small" data-testid="graph-summary">
            {overview
              ? t('graphSummaryGrouped', { nodes: number(graph.nodes.length), edges: number(graph.edges.length), all: number(grouped?.graph.edges.length ?? 0) })
              : t('graphSummary', { nodes: number(graph.nodes.length), edges: number(graph.edges.length), nonSolidarity: number(nonSolidarity) })}
          </p>
          <details>
            <summary>{t('graphTable')}</summary>
            <table className="table compact">
              <caption className="sr-only">{t('graphTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('enterprise')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col" className="num">{t('inValue')}</th>
                  <th scope="col" className="num">{t('outValue')}</th>
                </tr>
              </thead>
              <tbody>
                {top.map((n) => (
                  <tr key={n.id}>
                    <td><Link to={`/enterprise/${encodeURIComponent(n.id)}`}>{n.name}</Link></td>
                    <td><SolidarityBadge solidarity={n.solidarity} /></td>
                    <td className="num">{number(n.inValue, { maximumFractionDigits: 0 })}</td>
                    <td className="num">{number(n.outValue, { maximumFractionDigits: 0 })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
