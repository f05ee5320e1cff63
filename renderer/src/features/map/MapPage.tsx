import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type WheelEvent } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link, useRoute } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { hasFilters, queryFromView, viewFromQuery } from '../enterprises/directory-state.ts';
import { clampView, fitView, fromScreen, project, toScreen, unproject, type View } from './mercator.ts';
import { drawBase, drawCluster, drawFlows, drawPlace, drawPoint, drawTiles, readColours, type Drawn, type MapColours } from './draw.ts';
import { countryOutlines } from './outlines.ts';
import { useClusterIndex, visibleItems } from './useClusters.ts';
import { useTiles } from './useTiles.ts';
import { MapSide } from './MapSide.tsx';
import { corePoints } from './core-box.ts';
import { mapMessages } from './messages.ts';
import { setPlace, usePlace } from '../search/index.ts';
import { DirectoryFilters } from '../enterprises/DirectoryFilters.tsx';
import type { DirectoryFilters as Filters } from '../../../../shared/contract/directory.ts';

export default function MapPage() {
  const t = useMessages(mapMessages);
  const { number } = useI18n();
  const { query, navigate } = useRoute();
  const queryString = query.toString();
  const filters = useMemo(() => viewFromQuery(new URLSearchParams(queryString)).filters, [queryString]);
  // The directory's search and filters, on the map: the same address parameters.
  const setFilters = useCallback(
    (next: Filters) => navigate(`/map${queryFromView({ filters: next, sort: { by: 'name', dir: 'asc' } })}`, { replace: true }),
    [navigate],
  );
  // A network chosen: its flows are drawn as lines between its enterprises.
  const graph = useQuery('network-graph', filters.network ? { network: filters.network, maxNodes: 5000 } : null);
  const focus = query.get('focus');
  const points = useQuery('map-points', { filters });
  const index = useClusterIndex(points.data);
  const outlines = useMemo(() => countryOutlines(), []);

  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [view, setView] = useState<View | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const place = usePlace();
  const [colours, setColours] = useState<MapColours | null>(null);
  const tiles = useTiles();

  // Size follows the container; colours follow the light/dark theme.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => setColours(readColours(el));
    onTheme();
    mq.addEventListener('change', onTheme);
    return () => {
      ro.disconnect();
      mq.removeEventListener('change', onTheme);
    };
  }, []);

  // Where most enterprises are: the first view fits these, "Show everything" every one.
  const core = useMemo(() => {
    if (!points.data) return null;
    const keep = corePoints(points.data.lon, points.data.lat);
    return { lon: keep.map((i) => points.data!.lon[i]), lat: keep.map((i) => points.data!.lat[i]), outside: points.data.ids.length - keep.length };
  }, [points.data]);
  const [showingAll, setShowingAll] = useState(false);
  const fitAll = useCallback(() => {
    if (!points.data || !size.width) return;
    setShowingAll(true);
    setView(fitView(points.data.lon, points.data.lat, size.width, size.height));
  }, [points.data, size.width, size.height, setView]);

  // First view: the focused enterprise at a regional zoom (the offline outlines show no streets,
  // so closer would be a blank square), else everything. Until the person moves the
  // map, a change of size (the layout settling, a window resize) fits again. Derived during
  // render (React's "adjust state when props change"), not in an effect.
  const [touched, setTouched] = useState(false);
  const [fittedFor, setFittedFor] = useState<string | null>(null);
  const fitKey = points.data && size.width ? `${queryString}|${touched ? '' : `${size.width}x${size.height}`}` : null;
  if (points.data && fitKey && fitKey !== fittedFor && !(touched && fittedFor?.startsWith(`${queryString}|`))) {
    setFittedFor(fitKey);
    const i = focus ? points.data.ids.indexOf(focus) : -1;
    if (i >= 0) {
      setView(clampView({ lon: points.data.lon[i], lat: points.data.lat[i], zoom: 8 }, size.width));
      setSelected(i);
    } else if (core) {
      setShowingAll(core.outside === 0);
      setView(fitView(core.lon, core.lat, size.width, size.height));
    }
  }

  const items = useMemo(() => visibleItems(index, view, size.width, size.height), [index, view, size]);

  const { flowLines, flowsWithoutCoords } = useMemo(() => {
    const lines: { from: { lat: number; lon: number }; to: { lat: number; lon: number }; solidarity: boolean; width: number }[] = [];
    let missing = 0;
    if (!graph.data) return { flowLines: lines, flowsWithoutCoords: 0 };
    const nodes = new Map(graph.data.nodes.map((n) => [n.id, n]));
    const max = Math.max(1, ...graph.data.edges.map((e) => e.value));
    for (const e of graph.data.edges) {
      const a = nodes.get(e.source);
      const b = nodes.get(e.target);
      if (!a || !b || a.lat === null || a.lon === null || b.lat === null || b.lon === null) {
        missing++;
        continue;
      }
      lines.push({ from: { lat: a.lat, lon: a.lon }, to: { lat: b.lat, lon: b.lon }, solidarity: a.solidarity, width: 1.5 + 4 * Math.sqrt(e.value / max) });
    }
    return { flowLines: lines, flowsWithoutCoords: missing };
  }, [graph.data]);

  // Draw: base (outlines or tiles), then clusters and points.
  useEffect(() => {
    const c = canvas.current;
    if (!c || !view || !colours || !size.width) return;
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(size.width * dpr)) c.width = Math.round(size.width * dpr);
    if (c.height !== Math.round(size.height * dpr)) c.height = Math.round(size.height * dpr);
    const ctx = c.getContext('2d');
    if (!ctx || !points.data) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawBase(ctx, view, size.width, size.height, outlines, colours, tiles.on);
    if (tiles.on) drawTiles(ctx, view, size.width, size.height, tiles.get);
    if (flowLines.length) {
      const at = (lon: number, lat: number) => toScreen(view, size.width, size.height, lon, lat);
      drawFlows(
        ctx,
        flowLines.map((l) => {
          const [x1, y1] = at(l.from.lon, l.from.lat);
          const [x2, y2] = at(l.to.lon, l.to.lat);
          return { x1, y1, x2, y2, solidarity: l.solidarity, width: l.width };
        }),
        colours,
      );
    }
    for (const d of items) {
      if (d.kind === 'cluster') drawCluster(ctx, d, colours, number(d.count, d.count >= 10_000 ? { notation: 'compact' } : undefined));
      else drawPoint(ctx, d, points.data.solidarity[d.index] === 1, colours, d.index === selected);
    }
    if (place) {
      const [x, y] = toScreen(view, size.width, size.height, place.lon, place.lat);
      drawPlace(ctx, x, y, colours);
    }
  }, [view, size, colours, items, outlines, tiles.on, tiles.get, tiles.version, points.data, selected, number, place, flowLines]);

  const move = useCallback(
    (fn: (v: View) => View) => {
      setTouched(true);
      setView((v) => (v ? clampView(fn(v), size.width) : v));
    },
    [size.width, setTouched, setView],
  );
  /** Zoom by `dz`, keeping the place under (sx, sy) where it is. */
  const zoomAt = useCallback(
    (dz: number, sx = size.width / 2, sy = size.height / 2) =>
      move((v) => {
        const [lon, lat] = fromScreen(v, size.width, size.height, sx, sy);
        const z = clampView({ ...v, zoom: v.zoom + dz }, size.width).zoom;
        const [px, py] = project(lon, lat, z);
        const [clon, clat] = unproject(px - (sx - size.width / 2), py - (sy - size.height / 2), z);
        return { lon: clon, lat: clat, zoom: z };
      }),
    [move, size],
  );
  const pan = useCallback(
    (dx: number, dy: number) =>
      move((v) => {
        const [cx, cy] = project(v.lon, v.lat, v.zoom);
        const [lon, lat] = unproject(cx + dx, cy + dy, v.zoom);
        return { ...v, lon, lat };
      }),
    [move],
  );

  const openCluster = useCallback(
    (d: Extract<Drawn, { kind: 'cluster' }>) => {
      if (!index) return;
      const z = Math.min(index.getClusterExpansionZoom(d.clusterId), 17);
      move((v) => ({ lon: d.lon, lat: d.lat, zoom: Math.max(z, v.zoom + 1) }));
    },
    [index, move],
  );

  const hit = (sx: number, sy: number): Drawn | undefined => {
    for (let i = items.length - 1; i >= 0; i--) {
      const d = items[i];
      if ((d.x - sx) ** 2 + (d.y - sy) ** 2 <= (d.r + 4) ** 2) return d;
    }
    return undefined;
  };

  // Drag to pan; a press that hardly moves is a click.
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    d.x = e.clientX;
    d.y = e.clientY;
    pan(-dx, -dy);
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const sx = e.clientX - rect.left;
    const sy = e.clientY - rect.top;
    const target = hit(sx, sy);
    if (target?.kind === 'cluster') openCluster(target);
    else if (target) setSelected(target.index);
    else if (selected !== null) setSelected(null);
    else if (view) {
      // Clicking anywhere else on the map makes that point my place (the search measures from it).
      const [rawLon, rawLat] = fromScreen(view, size.width, size.height, sx, sy);
      const lat = Math.round(rawLat * 1000) / 1000;
      const lon = Math.round((((rawLon + 540) % 360) - 180) * 1000) / 1000;
      const label = `${number(lat, { maximumFractionDigits: 3 })}; ${number(lon, { maximumFractionDigits: 3 })}`;
      setPlace({ lat, lon, label });
    }
  };
  const onWheel = (e: WheelEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    zoomAt(-e.deltaY * 0.0025, e.clientX - rect.left, e.clientY - rect.top);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = 120;
    const keys: Record<string, () => void> = {
      '+': () => zoomAt(1),
      '=': () => zoomAt(1),
      '-': () => zoomAt(-1),
      _: () => zoomAt(-1),
      '0': fitAll,
      ArrowLeft: () => pan(-step, 0),
      ArrowRight: () => pan(step, 0),
      ArrowUp: () => pan(0, -step),
      ArrowDown: () => pan(0, step),
      Escape: () => setSelected(null),
    };
    const action = keys[e.key];
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  };

  // The wheel must not scroll the page while zooming the map: a non-passive listener.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const stop = (e: globalThis.WheelEvent) => e.preventDefault();
    c.addEventListener('wheel', stop, { passive: false });
    return () => c.removeEventListener('wheel', stop);
  }, []);

  const popup = selected !== null && points.data && view ? (() => {
    const d = items.find((x) => x.kind === 'point' && x.index === selected);
    if (!d) return null;
    return {
      d,
      id: points.data.ids[selected],
      name: points.data.names[selected],
      solidarity: points.data.solidarity[selected] === 1,
      lat: points.data.lat[selected],
      lon: points.data.lon[selected],
    };
  })() : null;

  const total = points.data?.ids.length ?? 0;
  return (
    <section className="map-page">
      <div className="page-head">
        <h1>{t('title')}</h1>
        <p className="muted" aria-live="polite">
          {points.data ? t('onMap', { count: total }) : t('loading')}
          {points.data && points.data.withoutCoordinates > 0 ? ` · ${t('noCoords', { count: points.data.withoutCoordinates })}` : ''}
        </p>
      </div>
      <DirectoryFilters filters={filters} onChange={setFilters} />
      <p className="muted small map-place" data-testid="map-place">
        {place ? (
          <>
            {t('placeIs', { place: place.label })}{' '}
            <button type="button" className="link-button" onClick={() => setPlace(null)}>
              {t('forgetPlace')}
            </button>
          </>
        ) : (
          t('placeHint')
        )}
      </p>
      {core && core.outside > 0 && !showingAll && !focus && (
        <p className="muted small" data-testid="map-outliers">
          {t('outliers', { count: core.outside })}{' '}
          <button type="button" className="link-button" onClick={fitAll}>
            {t('reset')}
          </button>
        </p>
      )}
      {graph.data && (
        <p className="muted small" data-testid="map-flows" data-lines={flowLines.length}>
          {t('flowsShown', { count: flowLines.length })}
          {flowsWithoutCoords > 0 ? ` ${t('flowsNoCoords', { count: flowsWithoutCoords })}` : ''}
        </p>
      )}
      {hasFilters(filters) && (
        <p className="map-filtered">
          {t('filtered')} <Link to="/map">{t('showAll')}</Link> · <Link to={`/directory${queryFromView({ filters, sort: { by: 'name', dir: 'asc' } })}`}>{t('openDirectory')}</Link>
        </p>
      )}
      <ErrorNote error={points.error} />
      <div className="map-layout">
        <div className="map-frame">
          <div
            className="map-box"
            ref={box}
            tabIndex={0}
            role="application"
            aria-roledescription="map"
            aria-label={t('mapLabel')}
            onKeyDown={onKeyDown}
            data-testid="map"
            data-zoom={view ? view.zoom.toFixed(2) : ''}
            data-clusters={items.filter((d) => d.kind === 'cluster').length}
            data-points={items.filter((d) => d.kind === 'point').length}
          >
            <canvas
              ref={canvas}
              style={{ width: size.width, height: size.height }}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onWheel={onWheel}
            />
            {popup && (
              <div
                className={popup.d.y < 110 ? 'map-popup below' : 'map-popup'}
                style={{ left: Math.max(110, Math.min(size.width - 110, popup.d.x)), top: popup.d.y }}
                role="dialog"
                aria-label={popup.name}
              >
                <strong>{popup.name}</strong>
                <Link to={`/enterprise/${encodeURIComponent(popup.id)}`}>{t('open')}</Link>
                {/* "My place" for the consumer search: distances are measured from here. */}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setPlace({ lat: popup.lat, lon: popup.lon, label: popup.name })}
                  aria-pressed={place?.lat === popup.lat && place?.lon === popup.lon}
                >
                  {place?.lat === popup.lat && place?.lon === popup.lon ? t('isMyPlace') : t('useAsPlace')}
                </button>
                <button type="button" className="map-popup-close" onClick={() => setSelected(null)} aria-label={t('close')}>
                  ×
                </button>
              </div>
            )}
            {tiles.on && (
              <p className="map-attribution">
                © <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noreferrer noopener">OpenStreetMap</a> contributors
              </p>
            )}
          </div>
          <div className="map-controls">
            <button type="button" onClick={() => zoomAt(1)} aria-label={t('zoomIn')} title={t('zoomIn')}>
              +
            </button>
            <button type="button" onClick={() => zoomAt(-1)} aria-label={t('zoomOut')} title={t('zoomOut')}>
              −
            </button>
            <button type="button" onClick={fitAll}>
              {t('reset')}
            </button>
          </div>
        </div>
        <MapSide
          items={items}
          points={points.data}
          tilesOn={tiles.on}
          onTiles={tiles.setOn}
          onCluster={openCluster}
          onPoint={(i) => setSelected(i)}
          place={place}
        />
      </div>
    </section>
  );
}
