import type { Exporter } from './types.ts';
import { readPackage } from '../catalogue/read-package.ts';
import type { TeiaPackage } from '../../../shared/domain/package.ts';
import { xmlEscape as x, xmlNumber } from './xml.ts';

/**
 * GraphML (yEd, Cytoscape desktop, NetworkX, igraph): enterprises as nodes with name,
 * solidarity, lat, lon, country, locality and activities; flows as directed edges with
 * product, product name, quantity, value, currency and period. Keys are declared once.
 */
const NODE_KEYS = [
  ['name', 'string'], ['solidarity', 'boolean'], ['lat', 'double'], ['lon', 'double'],
  ['country', 'string'], ['locality', 'string'], ['activities', 'string'],
] as const;
const EDGE_KEYS = [
  ['product', 'string'], ['productName', 'string'], ['quantity', 'double'], ['value', 'double'],
  ['currency', 'string'], ['period', 'string'],
] as const;

export function exportGraphml(pkg: TeiaPackage): string {
  const productNames = new Map((pkg.products ?? []).map((p) => [p.id, p.name]));
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const [id, type] of NODE_KEYS) out.push(`  <key id="${id}" for="node" attr.name="${id}" attr.type="${type}"/>`);
  for (const [id, type] of EDGE_KEYS) out.push(`  <key id="${id}" for="edge" attr.name="${id}" attr.type="${type}"/>`);
  out.push(`  <graph id="${x(pkg.name ?? 'teia')}" edgedefault="directed">`);
  const data = (key: string, value: string | number | boolean | undefined) =>
    value === undefined || value === '' ? '' : `<data key="${key}">${typeof value === 'number' ? xmlNumber(value) : x(value)}</data>`;
  for (const e of pkg.enterprises ?? []) {
    const cells = [
      data('name', e.name), data('solidarity', e.solidarity), data('lat', e.lat), data('lon', e.lon),
      data('country', e.country), data('locality', e.locality), data('activities', e.activities?.join(';')),
    ];
    out.push(`    <node id="${x(e.id)}">${cells.join('')}</node>`);
  }
  (pkg.flows ?? []).forEach((f, i) => {
    const cells = [
      data('product', f.product), data('productName', productNames.get(f.product)), data('quantity', f.quantity),
      data('value', f.value), data('currency', f.currency), data('period', f.period),
    ];
    out.push(`    <edge id="${x(f.id ?? `f${i + 1}`)}" source="${x(f.supplier)}" target="${x(f.buyer)}">${cells.join('')}</edge>`);
  });
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}

export const graphmlExporter: Exporter = {
  format: 'graphml',
  extension: 'graphml',
  mimeType: 'application/graphml+xml',
  write: (db) => exportGraphml(readPackage(db)),
};
