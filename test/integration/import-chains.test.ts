import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open.ts';
import { parseFile } from '../../electron/core/import/formats/index.ts';
import { parsePackage } from '../../electron/core/import/formats/package.ts';
import { applyImportSync } from '../../electron/core/import/apply.ts';
import type { ParseOptions } from '../../electron/core/import/types.ts';
import { detectKind, suggestKindMapping } from '../../shared/domain/kinds.ts';
import { teia } from '../helpers/cli.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';

/** Sheets of flows, offers, needs and products: read, resolved against the catalogue, written. */
const examplePath = path.join(sharedDir, 'spec', 'example-network.json');
const csv = (text: string) => new TextEncoder().encode(text);

let tmp: ReturnType<typeof tempDir>;
let dbPath: string;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  dbPath = path.join(tmp.dir, 'teia.db');
  db = openDatabase(dbPath);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const importText = async (text: string, options: Omit<ParseOptions, 'fileName'> = {}, apply: Parameters<typeof applyImportSync>[2] = {}) =>
  applyImportSync(db, await parseFile(csv(text), { fileName: 'sheet.csv', ...options }), { fileName: 'sheet.csv', ...apply });
const loadExample = () => applyImportSync(db, parsePackage(fs.readFileSync(examplePath)), { fileName: 'example-network.json' });

describe('headers in four languages', () => {
  it('guesses flows, offers, needs, products and currencies from their columns', () => {
    expect(detectKind(['Fornecedor', 'Comprador', 'Produto', 'Quantidade'])).toBe('flows');
    expect(detectKind(['Proveedor', 'Cliente', 'Producto', 'Valor'])).toBe('flows');
    expect(detectKind(['Fournisseur', 'Acheteur', 'Produit', 'Valeur'])).toBe('flows');
    expect(detectKind(['Empreendimento', 'Produto', 'Capacidade', 'Preço'])).toBe('offers');
    expect(detectKind(['Entreprise', 'Produit', 'Quantité'])).toBe('needs');
    expect(detectKind(['Nome', 'Categoria', 'Unidade'])).toBe('products');
    expect(detectKind(['Nome', 'Cidade', 'Latitude', 'Longitude'])).toBe('enterprises');
    expect(detectKind(['Moeda', 'Tipo', 'Taxa', 'Emissor'])).toBe('currencies');
    expect(detectKind(['Monnaie', 'Type', 'Garantie'])).toBe('currencies');
    // A type and a currency are not enough: an enterprise sheet may have both.
    expect(detectKind(['Name', 'Type', 'Currency', 'Town'])).toBe('enterprises');
    expect(suggestKindMapping('flows', ['Fornecedor', 'Comprador', 'Produto', 'Quantidade', 'Preço', 'Período'])).toEqual({
      supplier: 'Fornecedor', buyer: 'Comprador', product: 'Produto', quantity: 'Quantidade', price: 'Preço', period: 'Período',
    });
  });
});

describe('a sheet of flows', () => {
  const sheet = [
    'Fornecedor,Comprador,Produto,Quantidade,Unidade,Valor,Período',
    'Moinho Paulista,Padaria Solidária,Farinha,100,kg,250,2025',
    'MOINHO PAULISTA LTDA,Padaria Solidária,Farinha,2,t,,2025-02',
    'Coopercafé Sul de Minas,Armazém Solidário,Café,,,,',
    'Padaria Solidária,Padaria Solidária,Farinha,5,kg,,',
    'Fazenda X,Coopercafé,Café,-3,kg,,',
    'Fazenda X,Coopercafé,Café,3,cestas,,',
  ].join('\n');

  it('resolves partners and products, creates the unknown ones unclassified, and reports every rejected row', async () => {
    loadExample();
    const before = { enterprises: count('enterprises'), flows: count('flows') };
    const r = await importText(sheet);
    expect(r.applied).toBe(true);
    expect(r.accepted + r.rejected.length).toBe(r.rowsRead);
    expect(r.rejected.map((x) => [x.line, x.reason.split(' ').slice(0, 4).join(' ')])).toEqual([
      [5, 'The buyer is also'],
      [6, 'Its quantity is negative'],
      [7, 'Its unit "cestas" is'],
    ]);
    // "Armazém Solidário" and "Coopercafé" are the example's own; "Café" is its coffee (pt name).
    const unknownAmount = db.prepare("SELECT supplier_id, buyer_id, product_id, quantity FROM flows WHERE buyer_id = 'armazem' AND supplier_id = 'coopercafe' AND product_id = 'coffee' AND quantity IS NULL").all();
    expect(unknownAmount).toHaveLength(1);
    // The two spellings of the mill are one new enterprise; tonnes became kilograms.
    const mill = db.prepare("SELECT id, solidarity, classified FROM enterprises WHERE name = 'Moinho Paulista'").all();
    expect(mill).toEqual([{ id: 'moinho-paulista', solidarity: 0, classified: 0 }]);
    expect(db.prepare("SELECT quantity FROM flows WHERE supplier_id = 'moinho-paulista' ORDER BY rowid").pluck().all()).toEqual([100, 2000]);
    expect(r.partners?.created.map((c) => c.name).sort()).toEqual(['Moinho Paulista', 'Padaria Solidária']);
    expect(r.partners?.newProducts.map((p) => p.name)).toEqual(['Farinha']);
    expect(count('enterprises')).toBe(before.enterprises + 2);
    expect(count('flows')).toBe(before.flows + 3);
  });

  it('updates on a second import instead of duplicating, and a dry run writes nothing', async () => {
    const dry = await importText(sheet, {}, { dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.written.flows).toBe(3);
    expect(count('flows') + count('enterprises') + count('products')).toBe(0);
    await importText(sheet);
    const after = { e: count('enterprises'), f: count('flows'), p: count('products') };
    const again = await importText(sheet);
    expect(again.partners?.created).toEqual([]);
    expect({ e: count('enterprises'), f: count('flows'), p: count('products') }).toEqual(after);
  });

  it('takes one value for a column the file lacks (--set), with a sentence when a required field has neither', async () => {
    const text = 'Supplier,Buyer,Quantity\nA Farm,B Mill,10\nB Mill,C Roaster,8\n';
    await expect(importText(text, { kind: 'flows' })).rejects.toThrow(/needs product.*--set product/);
    const r = await importText(text, { kind: 'flows', constants: { product: 'Green coffee', unit: 'kg' } });
    expect(r.written.flows).toBe(2);
    expect(db.prepare('SELECT DISTINCT product_id FROM flows').pluck().all()).toEqual(['green-coffee']);
    expect(db.prepare("SELECT unit FROM products WHERE id = 'green-coffee'").pluck().get()).toBe('kg');
  });

  it('puts namesakes on the review list: the CLI writes them apart and leaves a merge proposal, a decision takes the one chosen', async () => {
    loadExample();
    db.prepare("INSERT INTO enterprises (id, name, solidarity, locality) VALUES ('armazem-rj', 'Armazém Solidário', 1, 'Rio de Janeiro')").run();
    const text = 'Supplier,Buyer,Product,Quantity\nCOOPERCAFE SUL DE MINAS,ARMAZEM SOLIDARIO,coffee,10\n';
    const flagged = await importText(text, {}, { dryRun: true });
    expect(flagged.partners?.review).toHaveLength(1);
    const review = flagged.partners!.review[0];
    expect(review.candidates.map((c) => c.id).sort()).toEqual(['armazem', 'armazem-rj']);

    const decided = await importText(text, {}, { decisions: { [review.key]: 'armazem-rj' } });
    expect(decided.partners?.review).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM flows WHERE buyer_id = 'armazem-rj'").pluck().get()).toBe(1);

    fs.writeFileSync(path.join(tmp.dir, 'flows.csv'), text.replace('10', '11'));
    db.close();
    const cli = await teia('import', path.join(tmp.dir, 'flows.csv'), '--db', dbPath);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/1 to review/);
    const list = await teia('review', '--db', dbPath, '--json');
    const items = JSON.parse(list.stdout) as { id: number; existing: { id: string }; incoming: { id: string } }[];
    expect(items.map((i) => i.existing.id).sort()).toEqual(['armazem', 'armazem-rj']);
    const pick = items.find((i) => i.existing.id === 'armazem')!;
    const merged = await teia('review', '--db', dbPath, '--merge', String(pick.id));
    expect(merged.code).toBe(0);
    db = openDatabase(dbPath);
    expect(db.prepare('SELECT count(*) FROM enterprises WHERE id = ?').pluck().get(pick.incoming.id)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM flows WHERE buyer_id = 'armazem' AND quantity = 11").pluck().get()).toBe(1);
  });
});

describe('sheets of offers, needs and products', () => {
  it('imports products in four languages with parents by name, then offers and needs that name them', async () => {
    const products = 'Nome,Nome (ES),Nome (FR),Categoria,Unidade,HS\nAlimentos,Alimentos,Alimentation,,,\nCafé verde,Café verde,Café vert,Alimentos,kg,0901\n';
    const p = await importText(products, { kind: 'products', mapping: { name: 'Nome', nameEs: 'Nome (ES)', nameFr: 'Nome (FR)', parent: 'Categoria', unit: 'Unidade', hs: 'HS' } });
    expect(p.rejected).toEqual([]);
    expect(db.prepare("SELECT parent, unit FROM products WHERE id = 'cafe-verde'").get()).toEqual({ parent: 'alimentos', unit: 'kg' });
    const offers = 'Empreendimento,Produto,Capacidade,Unidade,Preço\nCooperativa Sul,café vert,2,t,30000\n';
    const o = await importText(offers);
    expect(o.written.offers).toBe(1);
    // 2 t at 30,000 a tonne is 2,000 kg at 30 a kilogram.
    expect(db.prepare('SELECT product_id, capacity, price FROM offers').get()).toEqual({ product_id: 'cafe-verde', capacity: 2000, price: 30 });
    const needs = 'Entreprise,Produit,Quantité\nCooperativa Sul,0901,50\nCooperativa Sul,Sucre,\n';
    const n = await importText(needs);
    expect(n.written.needs).toBe(1);
    expect(n.rejected[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/no quantity/) });
    expect(db.prepare('SELECT product_id FROM needs').pluck().get()).toBe('cafe-verde');
  });
});
