import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Enterprise, TeiaPackage } from '../../shared/domain/package.ts';
import { exportSseCsv } from '../../electron/core/export/sse-csv.ts';
import { exportGeojson } from '../../electron/core/export/geojson.ts';
import { exportGexf } from '../../electron/core/export/gexf.ts';
import { exportGraphml } from '../../electron/core/export/graphml.ts';
import { exporterFor } from '../../electron/core/export/index.ts';
import { sseCsvParser } from '../../electron/core/import/formats/sse-csv.ts';
import { geojsonParser } from '../../electron/core/import/formats/geojson.ts';
import { loadVocab } from '../../electron/core/catalogue/vocab.ts';
import { loadBaseTaxonomy, readBaseTaxonomy } from '../../electron/core/catalogue/taxonomy.ts';
import { writePackage } from '../../electron/core/catalogue/write-package.ts';
import { openDatabase } from '../../electron/core/db/open.ts';
import { openCore } from '../../electron/core/index.ts';
import { tempDir } from '../helpers/tmp.ts';

const XSS = '<img src=x onerror=alert(1)>';
const pkg: TeiaPackage = {
  format: 'teia-package',
  version: 1,
  name: 'Rede & "Teste"',
  products: [
    { id: 'cafe', name: 'Café <torrado>' },
    { id: 'pao', name: 'Pão' },
  ],
  enterprises: [
    {
      id: 'e1', name: XSS, description: 'Line one\nline two, with "quotes"', solidarity: true, organisationalStructure: 'OS60',
      activities: ['ICA280', 'ICA10'], qualifiers: ['q01'], street: '1 Rua A', locality: 'Porto Alegre', region: 'RS',
      postcode: '90000-000', country: 'BR', lat: -30.03, lon: -51.22, website: 'https://e1.example', email: 'a@e1.example',
      phone: '+55 51 0000', currencies: ['palmas'], networks: ['rede-sul'],
    },
    { id: 'e2', name: '=HYPERLINK("http://evil.example","click")', solidarity: false, legalForm: 'Society', lat: 51.5, lon: -0.12 },
    { id: 'e3', name: 'Sem posição & cia', solidarity: true, locality: "Sant'Ana" },
  ],
  flows: [
    { id: 'f-a', supplier: 'e1', buyer: 'e2', product: 'cafe', quantity: 10, value: 250, currency: 'BRL', period: '2026' },
    { supplier: 'e2', buyer: 'e3', product: 'pao', quantity: 3 },
  ],
};

/** The package fields an exporter promises to carry (criteria and source are not in these formats). */
function comparable(e: Enterprise): Enterprise {
  const { criteria: _c, source: _s, ...rest } = e;
  return rest as Enterprise;
}

/**
 * A small XML 1.0 well-formedness check: tags nest and close, attributes are quoted, and
 * text holds no raw `<` or stray `&`. Returns the elements with unescaped attributes.
 */
function checkXml(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = token.exec(body))) {
    pos = token.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[5])) throw new Error(`stray & in text: ${m[5]}`);
      if (elements.length) elements[elements.length - 1].text += unescape(m[5]);
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([A-Za-z_][\w:.-]*)="([^"]*)"/g)) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(a[2])) throw new Error(`stray & in attribute ${a[1]}`);
      attrs[a[1]] = unescape(a[2]);
    }
    elements.push({ name, attrs, text: '' });
    if (!selfClose) stack.push(name);
  }
  if (pos !== body.length) throw new Error(`not well-formed at offset ${pos}: ${body.slice(pos, pos + 40)}`);
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`);
  return elements;
}

describe('exporters', () => {
  it('SSE CSV → SSE CSV import gives the same enterprises, with formulas guarded', async () => {
    const csv = exportSseCsv(pkg, loadVocab());
    expect(csv).toContain('http://purl.org/essglobal/standard/organisational-structure/OS60');
    expect(csv).toContain('http://purl.org/essglobal/standard/activities-ica/ICA280');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain("'+55 51 0000");
    expect(csv).toContain(',-51.22,'); // a negative number is a number, not a formula
    const parsed = await sseCsvParser.parse(new TextEncoder().encode(csv), {});
    expect(parsed.rejected).toEqual([]);
    expect(parsed.enterprises.map((e) => e.value)).toEqual(pkg.enterprises!.map(comparable));
  });

  it('GeoJSON → GeoJSON import gives the same enterprises, those without a position included', async () => {
    const text = exportGeojson(pkg);
    const doc = JSON.parse(text) as { features: { geometry: unknown }[] };
    expect(doc.features).toHaveLength(3);
    expect(doc.features[2].geometry).toBeNull();
    const parsed = await geojsonParser.parse(new TextEncoder().encode(text), {});
    expect(parsed.rejected).toEqual([]);
    expect(parsed.enterprises.map((e) => e.value)).toEqual(pkg.enterprises!.map(comparable));
    expect(parsed.enterprises.every((e) => e.extra === undefined)).toBe(true);
  });

  it('GEXF 1.3 is well-formed, escapes names and carries nodes, attributes and directed edges', () => {
    const xml = exportGexf(pkg);
    expect(xml).not.toContain('<img');
    const els = checkXml(xml);
    expect(els[0]).toMatchObject({ name: 'gexf', attrs: { version: '1.3', xmlns: 'http://gexf.net/1.3' } });
    expect(els.find((e) => e.name === 'graph')?.attrs.defaultedgetype).toBe('directed');
    const nodes = els.filter((e) => e.name === 'node');
    expect(nodes.map((n) => [n.attrs.id, n.attrs.label])).toEqual(pkg.enterprises!.map((e) => [e.id, e.name]));
    const edges = els.filter((e) => e.name === 'edge');
    expect(edges.map((e) => [e.attrs.id, e.attrs.source, e.attrs.target, e.attrs.weight])).toEqual([
      ['f-a', 'e1', 'e2', '250'],
      ['f2', 'e2', 'e3', '3'],
    ]);
    const values = els.filter((e) => e.name === 'attvalue').map((a) => `${a.attrs.for}=${a.attrs.value}`);
    expect(values).toEqual(expect.arrayContaining(['solidarity=false', 'lat=-30.03', 'lon=-51.22', 'product=cafe', 'productName=Café <torrado>', 'value=250']));
    expect(els.filter((e) => e.name === 'viz:position')).toHaveLength(2);
  });

  it('GraphML is well-formed, escapes names and declares every key it uses', () => {
    const xml = exportGraphml(pkg);
    expect(xml).not.toContain('<img');
    const els = checkXml(xml);
    const keys = new Set(els.filter((e) => e.name === 'key').map((k) => k.attrs.id));
    const data = els.filter((e) => e.name === 'data');
    for (const d of data) expect(keys.has(d.attrs.key)).toBe(true);
    expect(data.filter((d) => d.attrs.key === 'name').map((d) => d.text)).toEqual(pkg.enterprises!.map((e) => e.name));
    expect(els.find((e) => e.name === 'graph')?.attrs).toMatchObject({ id: 'Rede & "Teste"', edgedefault: 'directed' });
    expect(els.filter((e) => e.name === 'edge').map((e) => [e.attrs.source, e.attrs.target])).toEqual([['e1', 'e2'], ['e2', 'e3']]);
  });
});

describe('exporters and the base taxonomy against a catalogue file', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('writes each format from the database through the registry', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase(path.join(tmp.dir, 'teia.db'));
    try {
      db.transaction(() => writePackage(db, pkg))();
      expect(checkXml(exporterFor('gexf').write(db)).filter((e) => e.name === 'node')).toHaveLength(3);
      expect(checkXml(exporterFor('graphml').write(db)).filter((e) => e.name === 'edge')).toHaveLength(2);
      expect((JSON.parse(exporterFor('geojson').write(db)) as { features: unknown[] }).features).toHaveLength(3);
      // Records end in CRLF; the LF inside a quoted description is part of its value.
      expect(exporterFor('sse-csv').write(db).split('\r\n').filter(Boolean)).toHaveLength(1 + 3);
    } finally {
      db.close();
    }
  });

  it('loads the HS taxonomy once, as a forest, without overwriting a product a person made', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase(path.join(tmp.dir, 'teia.db'));
    try {
      const shipped = readBaseTaxonomy();
      expect(shipped.length).toBeGreaterThan(1000);
      db.prepare("INSERT INTO products (id, name) VALUES ('hs-0901', 'Nosso café')").run();
      const added = loadBaseTaxonomy(db);
      expect(added).toBe(shipped.length - 1);
      expect(db.prepare("SELECT name FROM products WHERE id = 'hs-0901'").pluck().get()).toBe('Nosso café');
      const orphans = db.prepare('SELECT count(*) FROM products p WHERE parent IS NOT NULL AND NOT EXISTS (SELECT 1 FROM products q WHERE q.id = p.parent)').pluck().get();
      expect(orphans).toBe(0);
      expect(db.prepare("SELECT parent FROM products WHERE id = 'hs-09'").pluck().get()).toBe('hs-section-II');
      expect(db.prepare("SELECT json_extract(codes, '$.hs') FROM products WHERE id = 'hs-1801'").pluck().get()).toBe('1801');
      db.prepare("DELETE FROM products WHERE id = 'hs-1801'").run();
      expect(loadBaseTaxonomy(db)).toBe(0); // a deleted product stays deleted
      expect(loadBaseTaxonomy(db, { force: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('vocab-get labels the shipped vocabularies in the asked language, falling back to English', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const core = openCore({ dbPath: path.join(tmp.dir, 'teia.db'), host: 'cli', sample: false });
    try {
      const es = await core.call('vocab-get', { lang: 'es' });
      expect(es.lang).toBe('es');
      const ica = es.schemes.find((s) => s.id === 'activities-ica')!;
      expect(ica.title).toBe('Actividad económica');
      expect(ica.concepts.find((c) => c.code === 'ICA10')?.label).toBe('Agricultura');
      const pt = await core.call('vocab-get', { lang: 'pt-BR' });
      expect(pt.lang).toBe('pt');
      expect(pt.schemes.find((s) => s.id === 'activities-ica')!.concepts.find((c) => c.code === 'ICA10')?.label).toBe('Agriculture');
      expect(pt.schemes.map((s) => s.id)).toEqual(expect.arrayContaining(['organisational-structure', 'qualifiers', 'legal-form']));
      const q = pt.schemes.find((s) => s.id === 'qualifiers')!.concepts.find((c) => c.code === 'Organic');
      expect(q?.broader).toBe('q01');
    } finally {
      core.close();
    }
  });
});
