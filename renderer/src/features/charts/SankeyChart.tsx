import { useMemo, useRef } from 'react';
import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useMoney } from '../../components/money.ts';
import { chartMessages } from './messages.ts';
import { sankeyShares, type SankeyData, type SankeyLinkDatum, type SankeyNodeDatum } from './sankey-data.ts';
import { SaveImageButtons } from './SaveImageButtons.tsx';
import { LINE_PX, placeLabels } from './sankey-labels.ts';

/** Fixed colours (not CSS variables) so a saved image looks the same outside the app. */
export const sankeyColours = { solidarity: '#2a8a70', other: '#c0622a', proposed: '#1a5fd0', node: '#3d4743', text: '#1d2421' };

type N = SankeyNodeDatum & { x0?: number; x1?: number; y0?: number; y1?: number };
type L = SankeyLinkDatum & { width?: number };

export function SankeyChart({ data, title, testId }: { data: SankeyData; title: string; testId?: string }) {
  const t = useMessages(chartMessages);
  const { number, percent } = useI18n();
  const { money } = useMoney();
  const svgRef = useRef<SVGSVGElement>(null);
  const width = 960;
  const height = Math.max(240, Math.min(1400, data.nodes.length * 34));
  const deepest = Math.max(0, ...data.nodes.map((n) => n.tier));
  const layout = useMemo(() => {
    if (!data.links.length) return null;
    const gen = sankey<N, L>()
      .nodeId((d) => d.id)
      .nodeAlign((d) => deepest - (d as N).tier)
      .nodeWidth(14)
      .nodePadding(16)
      .extent([
        [8, 8],
        [width - 8, height - 8],
      ]);
    return gen({ nodes: data.nodes.map((n) => ({ ...n })), links: data.links.map((l) => ({ ...l })) } as SankeyGraph<N, L>);
  }, [data, deepest, height]);
  const labels = useMemo(
    () => (layout ? placeLabels(layout.nodes.map((n) => ({ id: n.id, name: n.name, x0: n.x0 ?? 0, x1: n.x1 ?? 0, y0: n.y0 ?? 0, y1: n.y1 ?? 0 })), width) : []),
    [layout],
  );
  const names = useMemo(() => new Map(data.nodes.map((n) => [n.id, n.name])), [data]);
  const shares = sankeyShares(data);
  const path = sankeyLinkHorizontal<N, L>();
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-head">
        <strong>{title}</strong>
        <SaveImageButtons svg={svgRef} title={title} />
      </figcaption>
      {!layout ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <svg ref={svgRef} viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} className="sankey">
          <rect width={width} height={height} fill="#ffffff" />
          <g fill="none">
            {layout.links.map((l, i) => (
              <path
                key={i}
                d={path(l) ?? ''}
                stroke={l.proposed ? sankeyColours.proposed : l.solidarity ? sankeyColours.solidarity : sankeyColours.other}
                strokeOpacity={0.55}
                strokeWidth={Math.max(1, l.width ?? 1)}
                strokeDasharray={l.proposed ? '6 4' : undefined}
              >
                <title>{`${(l.source as N).name} → ${(l.target as N).name}: ${number(l.value, { maximumFractionDigits: 0 })}`}</title>
              </path>
            ))}
          </g>
          <g>
            {layout.nodes.map((n) => (
              <rect key={n.id} x={n.x0} y={n.y0} width={(n.x1 ?? 0) - (n.x0 ?? 0)} height={Math.max(1, (n.y1 ?? 0) - (n.y0 ?? 0))} fill={n.solidarity ? sankeyColours.solidarity : sankeyColours.other}>
                <title>{n.name}</title>
              </rect>
            ))}
            {labels.map((l) => (
              <text key={l.id} x={l.x} y={l.y} textAnchor={l.anchor} fontSize={12} fontFamily="sans-serif" fill={sankeyColours.text}>
                {l.lines.map((line, i) => (
                  // Lines centred on the bar's middle: 0.35em brings one line's middle to y.
                  <tspan key={i} x={l.x} y={l.y + (i - (l.lines.length - 1) / 2) * LINE_PX} dy="0.35em">
                    {line}
                  </tspan>
                ))}
                {l.text !== names.get(l.id) && <title>{names.get(l.id)}</title>}
              </text>
            ))}
          </g>
        </svg>
      )}
      <ul className="legend" aria-hidden="true">
        <li><span className="swatch" style={{ background: sankeyColours.solidarity }} />{t('solidarity')}</li>
        <li><span className="swatch" style={{ background: sankeyColours.other }} />{t('other')}</li>
        {data.links.some((l) => l.proposed) && <li><span className="swatch dashed" style={{ borderColor: sankeyColours.proposed }} />{t('proposed')}</li>}
      </ul>
      {data.omitted > 0 && <p className="muted small">{t('omitted', { count: data.omitted })}</p>}
      <table className="table compact">
        <caption>{t('tableCaption')}</caption>
        <thead>
          <tr><th scope="col">{t('tier')}</th><th scope="col">{t('tierValue')}</th><th scope="col">{t('tierShare')}</th></tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.tier}>
              <td>{s.tier === 1 ? t('tierDirect') : t('tierN', { n: s.tier })}</td>
              <td>{money(s.value, 0)}</td>
              <td>{s.value > 0 ? percent(s.solidarityValue / s.value) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
