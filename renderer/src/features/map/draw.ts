import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { project, tileSize, worldSize, type View } from './mercator.ts';

/** Colours from the stylesheet (light or dark), read when the theme changes. */
export interface MapColours {
  water: string;
  land: string;
  border: string;
  solidarity: string;
  other: string;
  halo: string;
  text: string;
}

export function readColours(el: Element): MapColours {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    water: v('--map-water'),
    land: v('--map-land'),
    border: v('--map-border'),
    solidarity: v('--map-solidarity'),
    other: v('--map-other'),
    halo: v('--map-halo'),
    text: v('--map-text'),
  };
}

/** What is drawn at a screen position, for clicks and for the list beside the map. */
export type Drawn =
  | { kind: 'cluster'; x: number; y: number; r: number; clusterId: number; count: number; solidarity: number; lon: number; lat: number }
  | { kind: 'point'; x: number; y: number; r: number; index: number; lon: number; lat: number };

/** A d3 projection matching the Mercator view, for the country outlines. */
function projectionFor(view: View, width: number, height: number) {
  const [cx, cy] = project(view.lon, view.lat, view.zoom);
  const w = worldSize(view.zoom);
  return geoMercator()
    .scale(w / (2 * Math.PI))
    .translate([w / 2 - cx + width / 2, w / 2 - cy + height / 2])
    .clipExtent([
      [-2, -2],
      [width + 2, height + 2],
    ]);
}

export function drawBase(ctx: CanvasRenderingContext2D, view: View, width: number, height: number, outlines: FeatureCollection, c: MapColours, tiles: boolean) {
  ctx.fillStyle = c.water;
  ctx.fillRect(0, 0, width, height);
  if (tiles) return; // tiles are drawn by the caller, outlines on top would hide their detail
  const path = geoPath(projectionFor(view, width, height), ctx);
  ctx.beginPath();
  path(outlines);
  ctx.fillStyle = c.land;
  ctx.fill();
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = c.border;
  ctx.stroke();
}

/** OpenStreetMap tiles for the view (only when the person turned them on). Missing tiles are asked for and drawn when they arrive. */
export function drawTiles(ctx: CanvasRenderingContext2D, view: View, width: number, height: number, getTile: (z: number, x: number, y: number) => HTMLImageElement | null) {
  const z = Math.max(0, Math.min(19, Math.round(view.zoom)));
  const scale = 2 ** (view.zoom - z);
  const [cx, cy] = project(view.lon, view.lat, z);
  const size = tileSize * scale;
  const left = cx * scale - width / 2;
  const top = cy * scale - height / 2;
  const n = 2 ** z;
  for (let ty = Math.floor(top / size); ty * size < top + height; ty++) {
    if (ty < 0 || ty >= n) continue;
    for (let tx = Math.floor(left / size); tx * size < left + width; tx++) {
      const img = getTile(z, ((tx % n) + n) % n, ty);
      if (img) ctx.drawImage(img, Math.round(tx * size - left), Math.round(ty * size - top), Math.ceil(size), Math.ceil(size));
    }
  }
}

/** A cluster: a disc split by the share of solidarity enterprises, with its count in the middle. */
export function drawCluster(ctx: CanvasRenderingContext2D, d: Extract<Drawn, { kind: 'cluster' }>, c: MapColours, label: string) {
  const share = d.count ? d.solidarity / d.count : 0;
  ctx.beginPath();
  ctx.arc(d.x, d.y, d.r + 2, 0, Math.PI * 2);
  ctx.fillStyle = c.halo;
  ctx.fill();
  const start = -Math.PI / 2;
  const mid = start + share * Math.PI * 2;
  if (share > 0) {
    ctx.beginPath();
    ctx.moveTo(d.x, d.y);
    ctx.arc(d.x, d.y, d.r, start, mid);
    ctx.closePath();
    ctx.fillStyle = c.solidarity;
    ctx.fill();
  }
  if (share < 1) {
    ctx.beginPath();
    ctx.moveTo(d.x, d.y);
    ctx.arc(d.x, d.y, d.r, mid, start + Math.PI * 2);
    ctx.closePath();
    ctx.fillStyle = c.other;
    ctx.fill();
  }
  // The count sits on a plain inner disc so it reads on either colour.
  ctx.beginPath();
  ctx.arc(d.x, d.y, d.r * 0.68, 0, Math.PI * 2);
  ctx.fillStyle = c.halo;
  ctx.fill();
  ctx.fillStyle = c.text;
  ctx.font = `600 ${label.length > 4 ? 10.5 : 12}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, d.x, d.y + 0.5);
}

/** One enterprise: a circle if solidarity, a square if not (shape as well as colour). */
export function drawPoint(ctx: CanvasRenderingContext2D, d: Extract<Drawn, { kind: 'point' }>, solidarity: boolean, c: MapColours, selected: boolean) {
  const r = d.r;
  ctx.beginPath();
  if (solidarity) ctx.arc(d.x, d.y, r, 0, Math.PI * 2);
  else ctx.rect(d.x - r * 0.9, d.y - r * 0.9, r * 1.8, r * 1.8);
  ctx.fillStyle = solidarity ? c.solidarity : c.other;
  ctx.fill();
  ctx.lineWidth = selected ? 3 : 1.5;
  ctx.strokeStyle = selected ? c.text : c.halo;
  ctx.stroke();
}

/** "My place": a ring with a cross, unlike any enterprise's mark, drawn above them. */
export function drawPlace(ctx: CanvasRenderingContext2D, x: number, y: number, c: MapColours) {
  ctx.beginPath();
  ctx.arc(x, y, 9, 0, Math.PI * 2);
  ctx.lineWidth = 3;
  ctx.strokeStyle = c.halo;
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = c.text;
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x - 13, y);
  ctx.lineTo(x + 13, y);
  ctx.moveTo(x, y - 13);
  ctx.lineTo(x, y + 13);
  ctx.stroke();
}

/**
 * Flows of the chosen network as lines from supplier to buyer (a supply chain on the map),
 * under the points; a solidarity supplier's line in its colour, others dashed.
 */
export function drawFlows(
  ctx: CanvasRenderingContext2D,
  lines: readonly { x1: number; y1: number; x2: number; y2: number; solidarity: boolean; width: number }[],
  c: MapColours,
) {
  ctx.save();
  ctx.globalAlpha = 0.7;
  for (const l of lines) {
    ctx.beginPath();
    ctx.moveTo(l.x1, l.y1);
    ctx.lineTo(l.x2, l.y2);
    ctx.lineWidth = l.width;
    ctx.strokeStyle = l.solidarity ? c.solidarity : c.other;
    ctx.setLineDash(l.solidarity ? [] : [6, 4]);
    ctx.stroke();
  }
  ctx.restore();
}
