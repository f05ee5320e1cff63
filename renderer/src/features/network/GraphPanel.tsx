import { useMemo, useState } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { networkMessages } from './messages.ts';
import { GraphView } from './GraphView.tsx';
import { nodeValue, withProposed } from './mapper.ts';
import { productName, useLabels } from './useLabels.ts';
import type { LayoutName, ProposedLink } from './types.ts';

/**
 * The most enterprises drawn at once. Measured (bench/graph-render.ts): 5,000 enterprises and
 * 20,000 links draw with preset positions in a few seconds on a 2-core machine without a GPU;
 * a bigger scope is cut to the enterprises carrying the most value, and the screen says so.
 */
export const DRAW_CAP = 800;

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
  const { number, lang } = useI18n();
  const [layout, setLayout] = useState<LayoutName>(focus ? 'tiers' : initialLayout);
  const [tiers, setTiers] = useState(initialTiers);
  const [product, setProduct] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const q = useQuery('network-graph', {
    network: focus ? null : network,
    ...(focus ? { focus, tiers } : {}),
    ...(product ? { product } : {}),
    maxNodes: DRAW_CAP,
  });
  const graph = useMemo(() => (q.data ? withProposed(q.data, proposed ?? []) : undefined), [q.data, proposed]);
  const productIds = useMemo(() => {
    const s = new Set<string>(product ? [product] : []);
    for (const e of graph?.edges ?? []) for (const p of e.products) s.add(p);
    return [...s].sort().slice(0, 500);
  }, [graph, product]);
  const labels = useLabels([], productIds);
  const node = graph?.nodes.find((n) => n.id === selected) ?? null;
  const top = useMemo(() => [...(graph?.nodes ?? [])].sort((a, b) => nodeValue(b) - nodeValue(a)).slice(0, 15), [graph]);
  const nonSolidarity = graph ? graph.edges.filter((e) => !graph.nodes.find((n) => n.id === e.source)?.solidarity).length : 0;
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
      {graph?.truncated && <p className="banner">{t('truncated', { shown: number(graph.nodes.length), total: number(graph.totals.nodes) })}</p>}
      <ul className="legend" aria-hidden="true">
        <li><span className="swatch round" style={{ background: '#2a8a70' }} />{t('legendSolidarity')}</li>
        <li><span className="swatch diamond" style={{ background: '#c0622a' }} />{t('legendOther')}</li>
        <li><span className="swatch line" style={{ background: '#d0753f' }} />{t('legendNonSolidarityLink')}</li>
        {network && !focus && <li><span className="swatch round" style={{ background: '#2a8a70', opacity: 0.5 }} />{t('legendOutside')}</li>}
        {proposed && proposed.length > 0 && <li><span className="swatch dashed" style={{ borderColor: '#1a5fd0' }} />{t('legendProposed')}</li>}
        <li className="muted">{t('legendSize')}</li>
      </ul>
      {graph && graph.nodes.length === 0 && <p>{t('emptyGraph')}</p>}
      <div className="graph-layout">
        {graph && graph.nodes.length > 0 && (
          <GraphView graph={graph} layout={layout} proposed={proposed} title={title} onSelect={setSelected} />
        )}
        {node && (
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
            {t('graphSummary', { nodes: number(graph.nodes.length), edges: number(graph.edges.length), nonSolidarity: number(nonSolidarity) })}
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
