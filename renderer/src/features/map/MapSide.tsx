import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import type { Drawn } from './draw.ts';
import { mapMessages } from './messages.ts';
import { haversineKm } from './distance.ts';
import type { Place } from '../search/place.ts';

const listLimit = 30;

interface Props {
  items: Drawn[];
  points: MethodOutput<'map-points'> | undefined;
  tilesOn: boolean;
  onTiles(on: boolean): void;
  onCluster(d: Extract<Drawn, { kind: 'cluster' }>): void;
  onPoint(index: number): void;
  /** My place: the list is then ordered by distance from it, nearest first. */
  place: Place | null;
}

/**
 * Beside the map: the legend (shape and colour, never colour alone), the tiles switch, and
 * what is in view as a list, so every point and group is reachable from the keyboard and
 * readable by a screen reader.
 */
export function MapSide({ items, points, tilesOn, onTiles, onCluster, onPoint, place }: Props) {
  const t = useMessages(mapMessages);
  const { percent, number } = useI18n();
  const clusters = items.filter((d): d is Extract<Drawn, { kind: 'cluster' }> => d.kind === 'cluster').sort((a, b) => b.count - a.count);
  const singles = items.filter((d): d is Extract<Drawn, { kind: 'point' }> => d.kind === 'point');
  const km = (d: { lat: number; lon: number }) => (place ? haversineKm(place, d) : 0);
  if (points) singles.sort((a, b) => km(a) - km(b) || points.names[a.index].localeCompare(points.names[b.index]));
  // With a place, the nearest enterprises come first and groups after them (a group has no one distance).
  const shown = (place ? [...singles, ...clusters] : [...clusters, ...singles]).slice(0, listLimit);
  const hidden = clusters.length + singles.length - shown.length;
  return (
    <aside className="map-side">
      <h2 className="visually-hidden">{t('legend')}</h2>
      <ul className="map-legend">
        <li>
          <svg width="18" height="18" aria-hidden="true">
            <circle cx="9" cy="9" r="6" className="legend-solidarity" />
          </svg>
          {t('solidarity')}
        </li>
        <li>
          <svg width="18" height="18" aria-hidden="true">
            <rect x="3.5" y="3.5" width="11" height="11" className="legend-other" />
          </svg>
          {t('other')}
        </li>
        <li>
          <svg width="18" height="18" aria-hidden="true">
            <circle cx="9" cy="9" r="8" className="legend-other" />
            <path d="M9 9 L9 1 A8 8 0 1 1 2.1 13 Z" className="legend-solidarity" />
            <circle cx="9" cy="9" r="4.5" className="legend-halo" />
          </svg>
          {t('cluster')}
        </li>
        {place && (
          <li>
            <svg width="18" height="18" aria-hidden="true">
              <circle cx="9" cy="9" r="5.5" className="legend-place" />
              <path d="M1 9 H17 M9 1 V17" className="legend-place" />
            </svg>
            {t('legendPlace')}
          </li>
        )}
      </ul>
      <label className="check tiles-switch">
        <input type="checkbox" checked={tilesOn} onChange={(e) => onTiles(e.target.checked)} />
        {t('tiles')}
      </label>
      <p className="muted small">{t('tilesNote')}</p>
      {points && (
        <>
          <h2>{t('inView')}</h2>
          {items.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <ul className="in-view">
              {shown.map((d) =>
                d.kind === 'cluster' ? (
                  <li key={`c${d.clusterId}`}>
                    <button type="button" className="link-button" onClick={() => onCluster(d)}>
                      {t('zoomCluster', { count: d.count, share: percent(d.solidarity / d.count) })}
                    </button>
                  </li>
                ) : (
                  <li key={`p${d.index}`}>
                    <span className={points.solidarity[d.index] ? 'dot dot-solidarity' : 'dot dot-other'} aria-hidden="true" />
                    {/* Name and distance wrap as one text beside the dot, not as two columns. */}
                    <span>
                      <Link to={`/enterprise/${encodeURIComponent(points.ids[d.index])}`} onFocus={() => onPoint(d.index)}>
                        {points.names[d.index]}
                      </Link>
                      {place && <span className="muted small nowrap"> · {t('kmAway', { km: number(km(d), { maximumFractionDigits: km(d) < 10 ? 1 : 0 }) })}</span>}
                    </span>
                  </li>
                ),
              )}
            </ul>
          )}
          {hidden > 0 && <p className="muted small">{t('more', { count: hidden })}</p>}
        </>
      )}
    </aside>
  );
}
