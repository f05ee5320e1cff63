import { useI18n, useMessages } from '../../i18n/index.tsx';
import { circulationMessages } from './circulation-messages.ts';

export interface StuckBar {
  id: string;
  name: string;
  earn: number;
  spend: number;
  stuck: number;
}

/**
 * Where a currency's units get stuck (ENGINE.md §3.8): one bar per member, its length the
 * units it could earn, the part it cannot spend again drawn solid. An SVG with a title and
 * the same numbers as text beside each bar, so it reads without the picture too.
 */
export function StuckChart({ bars, currency }: { bars: StuckBar[]; currency: string }) {
  const t = useMessages(circulationMessages);
  const { number } = useI18n();
  const max = Math.max(...bars.map((b) => b.earn), 1);
  const row = 26;
  const label = 170;
  const width = 620;
  const plot = width - label - 200;
  const title = t('stuckChart', { currency });
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${bars.length * row + 8}`} width="100%" style={{ maxWidth: width }} data-testid="stuck-chart">
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * row + 4;
        const earnW = (b.earn / max) * plot;
        const stuckW = (b.stuck / max) * plot;
        return (
          <g key={b.id} data-enterprise={b.id}>
            <text x={label - 6} y={y + 15} textAnchor="end" fontSize="12" fill="currentColor">
              {b.name.length > 24 ? `${b.name.slice(0, 23)}…` : b.name}
            </text>
            <rect x={label} y={y + 3} width={earnW} height={16} fill="var(--solidarity-bg)" stroke="var(--solidarity)" />
            <rect x={label + earnW - stuckW} y={y + 3} width={stuckW} height={16} fill="var(--muted)" />
            <text x={label + plot + 6} y={y + 15} fontSize="12" fill="currentColor">
              {t('stuck')} {number(b.stuck, { maximumFractionDigits: 0 })} / {t('earned')} {number(b.earn, { maximumFractionDigits: 0 })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
