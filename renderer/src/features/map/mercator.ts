/**
 * Web Mercator in pixels, as map tiles use it: at zoom z the world is 256·2^z pixels wide.
 * The view is a centre (lon, lat) and a zoom; supercluster and OpenStreetMap tiles share
 * these units, so outlines, points and tiles line up.
 */
export const tileSize = 256;
export const maxLat = 85.0511;

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export function worldSize(zoom: number): number {
  return tileSize * 2 ** zoom;
}

/** Longitude/latitude → world pixels at a zoom. */
export function project(lon: number, lat: number, zoom: number): [number, number] {
  const w = worldSize(zoom);
  const phi = (Math.max(-maxLat, Math.min(maxLat, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * w, (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * w];
}

/** World pixels → longitude/latitude. */
export function unproject(x: number, y: number, zoom: number): [number, number] {
  const w = worldSize(zoom);
  const lon = (x / w) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / w))) * 180) / Math.PI;
  return [lon, lat];
}

/** A screen point (0,0 = top-left of a width×height canvas) for a longitude/latitude. */
export function toScreen(view: View, width: number, height: number, lon: number, lat: number): [number, number] {
  const [cx, cy] = project(view.lon, view.lat, view.zoom);
  const [x, y] = project(lon, lat, view.zoom);
  return [x - cx + width / 2, y - cy + height / 2];
}

export function fromScreen(view: View, width: number, height: number, sx: number, sy: number): [number, number] {
  const [cx, cy] = project(view.lon, view.lat, view.zoom);
  return unproject(sx - width / 2 + cx, sy - height / 2 + cy, view.zoom);
}

/** [west, south, east, north] of what the canvas shows. */
export function bounds(view: View, width: number, height: number): [number, number, number, number] {
  const [w, n] = fromScreen(view, width, height, 0, 0);
  const [e, s] = fromScreen(view, width, height, width, height);
  return [Math.max(-180, w), Math.max(-maxLat, s), Math.min(180, e), Math.min(maxLat, n)];
}

/** The least zoom at which the world fills the canvas width (no grey bands at the sides). */
export function minZoom(width: number): number {
  return Math.max(0, Math.log2(width / tileSize));
}

export const maxZoom = 18;

/** The view that shows every point, with a margin; the whole world when there are none. */
export function fitView(lons: readonly number[], lats: readonly number[], width: number, height: number): View {
  if (!lons.length) return { lon: 0, lat: 20, zoom: minZoom(width) };
  let w = 180;
  let e = -180;
  let s = 90;
  let n = -90;
  for (let i = 0; i < lons.length; i++) {
    w = Math.min(w, lons[i]);
    e = Math.max(e, lons[i]);
    s = Math.min(s, lats[i]);
    n = Math.max(n, lats[i]);
  }
  const [x0, y0] = project(w, n, 0);
  const [x1, y1] = project(e, s, 0);
  const spanX = Math.max(x1 - x0, 1e-6);
  const spanY = Math.max(y1 - y0, 1e-6);
  const zoom = Math.min(Math.log2((width * 0.85) / spanX), Math.log2((height * 0.85) / spanY), 14);
  const [lon, lat] = unproject((x0 + x1) / 2, (y0 + y1) / 2, 0);
  return { lon, lat, zoom: Math.max(minZoom(width), zoom) };
}

/** Keeps the centre where the map still covers the canvas. */
export function clampView(v: View, width: number): View {
  const zoom = Math.max(minZoom(width), Math.min(maxZoom, v.zoom));
  return { zoom, lon: ((((v.lon + 180) % 360) + 360) % 360) - 180, lat: Math.max(-80, Math.min(80, v.lat)) };
}
