import type { Exporter } from './types.ts';
import { readPackage } from '../catalogue/read-package.ts';
import type { TeiaPackage } from '../../../shared/domain/package.ts';
import { xmlEscape as x, xmlNumber } from './xml.ts';

/**
 * GEXF 1.3 for Gephi: enterprises as nodes (attributes solidarity, lat, lon, country,
 * locality, activities; viz:position x = longitude, y = latitude so a geographic layout is
 * one click away), flows as directed edges (product, product name, quantity, value,
 * currency, period). An edge's weight is its value when known, else its quantity.
 */
export function exportGexf(pkg: TeiaPackage): string {
  const productNames = new Map((pkg.products ?? []).map((p) => [p.id, p.name]));
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
  );
  out.push(`  <meta><creator>Teia</creator>${pkg.name ? `<description>${x(pkg.name)}</description>` : ''}</meta>`);
  out.push('  <graph defaultedgetype="directed" mode="static">');
  out.push('    <attributes class="node">');
  for (const [id, type] of [['solidarity', 'boolean'], ['lat', 'double'], ['lon', 'double'], ['country', 'string'], ['locality', 'string'], ['activities', 'string']]) {
    out.push(`      <attribute id="${id}" title="${id}" type="${type}"/>`);
  }
  out.push('    </attributes>');
  out.push('    <attributes class="edge">');
  for (const [id, type] of [['product', 'string'], ['productName', 'string'], ['quantity', 'double'], ['value', 'double'], ['currency', 'string'], ['period', 'string']]) {
    out.push(`      <attribute id="${id}" title="${id}" type="${type}"/>`);
  }
  out.push('    </attributes>');

  out.push('    <nodes>');
  for (const e of pkg.enterprises ?? []) {
    const values: string[] = [`<attvalue for="solidarity" value="${e.solidarity}"/>`];
    if (e.lat !== undefined) values.push(`<attvalue for="lat" value="${xmlNumber(e.lat)}"/>`);
    if (e.lon !== undefined) values.push(`<attvalue for="lon" value="${xmlNumber(e.lon)}"/>`);
    if (e.country) values.push(`<attvalue for="country" value="${x(e.country)}"/>`);
    if (e.locality) values.push(`<attvalue for="locality" value="${x(e.locality)}"/>`);
    if (e.activities?.length) values.push(`<attvalue for="activities" value="${x(e.activities.join(';'))}"/>`);
    const position = e.lat !== undefined && e.lon !== undefined ? `<viz:position x="${xmlNumber(e.lon)}" y="${xmlNumber(e.lat)}" z="0"/>` : '';
    out.push(`      <node id="${x(e.id)}" label="${x(e.name)}"><attvalues>${values.join('')}</attvalues>${position}</node>`);
  }
  out.push('    </nodes>');

  out.push('    <edges>');
  (pkg.flows ?? []).forEach((f, i) => {
    // A flow without an id is known by its position (f1, f2…), as in the engine.
    const id = f.id ?? `f${i + 1}`;
    const values: string[] = [`<attvalue for="product" value="${x(f.product)}"/>`];
    const name = productNames.get(f.product);
    if (name) values.push(`<attvalue for="productName" value="${x(name)}"/>`);
    if (f.quantity !== undefined) values.push(`<attvalue for="quantity" value="${xmlNumber(f.quantity)}"/>`);
    if (f.value !== undefined) values.push(`<attvalue for="value" value="${xmlNumber(f.value)}"/>`);
    if (f.currency) values.push(`<attvalue for="currency" value="${x(f.currency)}"/>`);
    if (f.period) values.push(`<attvalue for="period" value="${x(f.period)}"/>`);
    const weight = xmlNumber(f.value ?? f.quantity ?? 1);
    out.push(`      <edge id="${x(id)}" source="${x(f.supplier)}" target="${x(f.buyer)}" weight="${weight}"><attvalues>${values.join('')}</attvalues></edge>`);
  });
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return out.join('\n') + '\n';
}

export const gexfExporter: Exporter = {
  format: 'gexf',
  extension: 'gexf',
  mimeType: 'application/gexf+xml',
  write: (db) => exportGexf(readPackage(db)),
};
