import { useMemo } from 'react';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, MultiPoint } from 'geojson';
import { countryOutlines } from '../map/outlines.ts';

/** The catalogue's map page: country outlines and a mark per enterprise, drawn as SVG for print. */
export function CatalogueMap({ points, label }: { points: { lat: number; lon: number; solidarity: boolean }[]; label: string }) {
  const width = 700;
  const height = 520;
  const drawn = useMemo(() => {
    const spread: Feature<MultiPoint> = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: points.map((p) => [p.lon, p.lat]) } };
    const projection = geoEqualEarth().fitExtent([[24, 24], [width - 24, height - 24]], spread);
    // One town's enterprises would zoom in to a street; keep a region around them in view,
    // centred again (the fit's translation was for the larger scale: the marks fell off the map).
    if (projection.scale() > 20000) {
      projection.scale(20000);
      const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(spread);
      const [tx, ty] = projection.translate();
      projection.translate([tx + width / 2 - (x0 + x1) / 2, ty + height / 2 - (y0 + y1) / 2]);
    }
    const path = geoPath(projection);
    return {
      land: countryOutlines().features.map((f) => path(f) ?? ''),
      marks: points.map((p) => ({ xy: projection([p.lon, p.lat]), solidarity: p.solidarity })),
    };
  }, [points]);
  return (
    <svg className="catalogue-map" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <rect width={width} height={height} fill="#e6eef2" />
      {drawn.land.map((d, i) => (
        <path key={i} d={d} fill="#f4f1e8" stroke="#b9b2a0" strokeWidth={0.5} />
      ))}
      {drawn.marks.map((m, i) =>
        m.xy ? (
          m.solidarity ? (
            <circle key={i} cx={m.xy[0]} cy={m.xy[1]} r={3.2} fill="#1f7a5c" stroke="#fff" strokeWidth={0.8} />
          ) : (
            <rect key={i} x={m.xy[0] - 2.8} y={m.xy[1] - 2.8} width={5.6} height={5.6} fill="#c0581c" stroke="#fff" strokeWidth={0.8} />
          )
        ) : null,
      )}
    </svg>
  );
}
