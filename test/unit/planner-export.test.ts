import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { planTable, type PlanTableText } from '../../renderer/src/features/planner/plan-table.ts';
import { planCsv, planXlsx } from '../../renderer/src/features/planner/export.ts';
import { unitName } from '../../renderer/src/i18n/units.ts';
import type { Link, PlanChange } from '../../renderer/src/features/planner/decisions.ts';
import type { MethodOutput } from '../../shared/contract/index.ts';

type Labels = MethodOutput<'network-labels'>;

const text: PlanTableText = {
  product: 'Product', from: 'Current supplier', to: 'New supplier', quantity: 'Quantity moved', of: 'Quantity today', unit: 'Unit', price: 'Price',
  value: 'Value moved', currency: 'Currency', distance: 'Distance (km)', email: 'Email', phone: 'Phone', town: 'Town',
  figure: 'Figure', before: 'Before', after: 'After', direct: 'Direct share', chain: 'Chain share', leakage: 'Leakage', cost: 'Cost',
};
const link: Link = {
  flow: 'f-usina', supplier: 'usina', buyer: 'armazem', product: 'sugar', quantity: 1200, value: 820, supplierScore: 0.1, priority: 738,
  substitutes: [{ enterprise: 'mascavo', product: 'sugar', spare: 300, coverage: 0.25, distanceKm: 87.345, score: 0.8, composite: 0.7 }],
  leastBadAlternative: null,
};
const change: PlanChange = { line: 'f-usina', buyer: 'armazem', product: 'sugar', from: 'usina', to: 'mascavo', quantity: 300 };
const labels: Labels = {
  enterprises: { usina: { name: 'Usina Açúcar, S.A.', solidarity: false, lat: null, lon: null }, mascavo: { name: 'Mascavo Capivari', solidarity: true, lat: null, lon: null } },
  products: { sugar: { name: 'Sugar', names: { pt: 'Açúcar' }, unit: 'kg' } },
  offers: [{ enterprise: 'mascavo', product: 'sugar', price: 4.5, capacity: 300, currency: 'BRL' }],
};
const compare = {
  members: [{ id: 'armazem', directBefore: 0.6833333333333335, directAfter: 0.7291666666666666, chainBefore: 0.5, chainAfter: 0.55 }],
  before: { leakage: { share: 0.41 }, cost: 24000.123 },
  after: { leakage: { share: 0.38 }, cost: 24410 },
} as unknown as Parameters<typeof planTable>[0]['compare'];

function table(lang: 'en' | 'pt') {
  return planTable({
    shop: 'armazem', links: [link], changes: [change], labels, compare, lang, money: 'BRL',
    contacts: { mascavo: { email: 'vendas@mascavo.example', phone: '+55 19 3333-0000', locality: 'Capivari' } },
    unitName: (u) => unitName(lang, u), text,
  });
}

describe('the plan as a table people read', () => {
  it('CSV: headings on the first line, names, units, price, currency, contacts, rounded amounts, percentages', () => {
    const csv = planCsv(table('en'), 'en-GB');
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Product,Current supplier,New supplier,Quantity moved,Quantity today,Unit,Price,Value moved,Currency,Distance (km),Email,Phone,Town');
    expect(lines[1]).toBe('Sugar,"Usina Açúcar, S.A.",Mascavo Capivari,300,1200,kilograms,4.5,205,BRL,87,vendas@mascavo.example,\'+55 19 3333-0000,Capivari'.replace('kilograms', unitName('en', 'kg')));
    // (A cell starting with + would run as a formula: it is kept as text with an apostrophe.)
    expect(lines).toContain('Direct share,68.3%,72.9%');
    expect(lines).toContain('Cost (BRL),24000.12,24410');
    // No raw floats, no internal flow ids.
    expect(csv).not.toMatch(/\d\.\d{3,}/);
    expect(csv).not.toContain('f-usina');
  });

  it('CSV in Portuguese: ";" between cells and decimal commas, so a spreadsheet there reads numbers', () => {
    const lines = planCsv(table('pt'), 'pt-BR').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[1].split(';').slice(0, 3)).toEqual(['Açúcar', '"Usina Açúcar, S.A."', 'Mascavo Capivari']);
    expect(lines[1]).toContain(';4,5;205;BRL;');
    expect(lines).toContain('Direct share;68,3%;72,9%');
  });

  it('XLSX: the same rows, numbers as numbers, shares as percentages, a bold heading row', async () => {
    const blob = await planXlsx(table('en'), 'Sourcing plan: Armazém');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await blob.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Sourcing plan  Armazém');
    expect(sheet.getRow(1).getCell(1).value).toBe('Product');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(4).value).toBe(300);
    expect(sheet.getRow(2).getCell(8).value).toBe(205);
    const direct = sheet.getRow(5);
    expect(direct.getCell(1).value).toBe('Direct share');
    expect(direct.getCell(2).value).toBeCloseTo(0.6833, 4);
    expect(direct.getCell(2).numFmt).toBe('0.0%');
  });
});
