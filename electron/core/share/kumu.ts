import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Db } from '../db/open.ts';
import { readPackage } from '../catalogue/read-package.ts';
import { loadVocab } from '../catalogue/vocab.ts';
import { activityLabel } from '../../../shared/domain/vocab.ts';


/**
 * A Kumu workbook (kumu.io's import layout): an Elements sheet (ID, Label, Type, Description,
 * Tags) and a Connections sheet (ID, From, To, Type, Strength = the flow's value). Both carry
 * Teia's ids, and connections name elements by ID, so importing a newer export into the same
 * Kumu map updates it instead of duplicating it. Tags are separated by "|", as Kumu reads them.
 */
export async function writeKumuWorkbook(db: Db, file: string): Promise<{ elements: number; connections: number }> {
  const pkg = readPackage(db);
  const vocab = loadVocab();
  const classified = new Map((db.prepare('SELECT id, classified FROM enterprises').all() as { id: string; classified: number }[]).map((r) => [r.id, r.classified === 1]));
  const products = new Map((pkg.products ?? []).map((p) => [p.id, p.name]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Teia';
  const elements = wb.addWorksheet('Elements');
  elements.columns = [
    { header: 'ID', key: 'id', width: 24 },
    { header: 'Label', key: 'label', width: 40 },
    { header: 'Type', key: 'type', width: 22 },
    { header: 'Description', key: 'description', width: 60 },
    { header: 'Tags', key: 'tags', width: 40 },
  ];
  for (const e of pkg.enterprises ?? []) {
    elements.addRow({
      id: e.id,
      label: e.name,
      type: classified.get(e.id) === false ? 'Not yet classified' : e.solidarity ? 'Solidarity enterprise' : 'Non-solidarity enterprise',
      description: e.description ?? '',
      tags: [...(e.activities ?? []).map((a) => activityLabel(vocab, a, 'en')), e.locality, e.country].filter(Boolean).join(' | '),
    });
  }
  const connections = wb.addWorksheet('Connections');
  connections.columns = [
    { header: 'ID', key: 'id', width: 24 },
    { header: 'From', key: 'from', width: 24 },
    { header: 'To', key: 'to', width: 24 },
    { header: 'Type', key: 'type', width: 30 },
    { header: 'Strength', key: 'strength', width: 12 },
    { header: 'Quantity', key: 'quantity', width: 12 },
  ];
  (pkg.flows ?? []).forEach((f, i) => {
    connections.addRow({ id: f.id ?? `f${i + 1}`, from: f.supplier, to: f.buyer, type: products.get(f.product) ?? f.product, strength: f.value ?? null, quantity: f.quantity ?? null });
  });
  for (const ws of [elements, connections]) ws.getRow(1).font = { bold: true };
  const partial = `${file}.partial`;
  await wb.xlsx.writeFile(partial);
  fs.renameSync(partial, file);
  return { elements: elements.rowCount - 1, connections: connections.rowCount - 1 };
}
