import ExcelJS from 'exceljs';
import { acceptanceToCell } from '../import/formats/acceptance-cell.ts';
import type { Db } from '../db/open.ts';
import { readPackage } from '../catalogue/read-package.ts';
import { CRITERIA, type TeiaPackage } from '../../../shared/domain/package.ts';
import { EXAMPLE_LABEL, LABEL_LANGS, SHEET_LABELS, label, type LabelLang } from '../../../shared/domain/kind-labels.ts';
import type { RecordKind } from '../../../shared/domain/kinds.ts';
import { TEMPLATE_UNITS } from '../import/kinds/units.ts';

/**
 * Spreadsheets Teia writes: the catalogue as a workbook (one sheet per record kind, ids in
 * every reference, so it imports back to the same catalogue), and the empty template a forum
 * fills in (instructions, drop-down lists for yes/no, units and the catalogue's products, one
 * example row per sheet marked in its "Example" column and left out on import).
 */
const ORDER: RecordKind[] = ['networks', 'enterprises', 'products', 'currencies', 'offers', 'needs', 'flows'];
type TemplateKind = Exclude<RecordKind, 'networks' | 'currencies'>;
const TEMPLATE_ORDER: TemplateKind[] = ['enterprises', 'products', 'offers', 'needs', 'flows'];

/** Columns per kind, in sheet order (every field of the kind; the template leaves some out). */
const EXPORT_FIELDS: Record<RecordKind, string[]> = {
  enterprises: ['id', 'name', 'solidarity', 'description', 'street', 'locality', 'region', 'postcode', 'country', 'lat', 'lon', 'website', 'email', 'phone', 'activities', 'qualifiers', 'organisationalStructure', 'legalForm', 'currencies', 'networks', 'source', ...CRITERIA],
  products: ['id', 'name', 'namePt', 'nameEs', 'nameFr', 'parent', 'unit', 'hs'],
  offers: ['id', 'enterprise', 'product', 'capacity', 'price', 'currency', 'certifications'],
  needs: ['id', 'enterprise', 'product', 'quantity'],
  flows: ['id', 'supplier', 'buyer', 'product', 'quantity', 'value', 'currency', 'period'],
  networks: ['id', 'name', 'description'],
  currencies: ['id', 'name', 'kind', 'unit', 'rate', 'issuer', 'backing', 'description', 'products'],
};
/**
 * The template leaves out networks and currencies: both are named by id elsewhere (an
 * enterprise's networks, an acceptance, a currency's issuer), while the template is written
 * by names; the catalogue workbook carries them.
 */
const TEMPLATE_FIELDS: Record<RecordKind, string[]> = {
  enterprises: ['name', 'solidarity', 'locality', 'region', 'country', 'lat', 'lon', 'email', 'phone', 'website', 'legalForm', 'networks'],
  products: ['name', 'parent', 'unit', 'hs'],
  offers: ['enterprise', 'product', 'capacity', 'unit', 'price', 'currency'],
  needs: ['enterprise', 'product', 'quantity', 'unit'],
  flows: ['supplier', 'buyer', 'product', 'quantity', 'unit', 'value', 'currency', 'period'],
  networks: ['id', 'name', 'description'],
  currencies: [],
};

const YES_NO: Record<LabelLang, [string, string]> = { en: ['yes', 'no'], pt: ['sim', 'não'], es: ['sí', 'no'], fr: ['oui', 'non'] };
const li = (lang: LabelLang) => LABEL_LANGS.indexOf(lang);

type Cell = string | number | null;
const join = (v: string[] | undefined) => (v?.length ? v.join('; ') : null);

/** The rows of each kind's sheet for a package (cells in EXPORT_FIELDS order). */
export function packageRows(pkg: TeiaPackage, lang: LabelLang): Record<RecordKind, Cell[][]> {
  const [yes, no] = YES_NO[lang];
  return {
    enterprises: (pkg.enterprises ?? []).map((e) => [
      e.id, e.name, e.solidarity ? yes : no, e.description ?? null, e.street ?? null, e.locality ?? null, e.region ?? null, e.postcode ?? null,
      e.country ?? null, e.lat ?? null, e.lon ?? null, e.website ?? null, e.email ?? null, e.phone ?? null, join(e.activities), join(e.qualifiers),
      e.organisationalStructure ?? null, e.legalForm ?? null, join(e.currencies?.map(acceptanceToCell)), join(e.networks), e.source ?? null, ...CRITERIA.map((c) => e.criteria?.[c] ?? null),
    ]),
    products: (pkg.products ?? []).map((p) => [p.id, p.name, p.names?.pt ?? null, p.names?.es ?? null, p.names?.fr ?? null, p.parent ?? null, p.unit ?? null, p.codes?.hs ?? null]),
    offers: (pkg.offers ?? []).map((o) => [o.id ?? null, o.enterprise, o.product, o.capacity ?? null, o.price ?? null, o.currency ?? null, join(o.certifications)]),
    needs: (pkg.needs ?? []).map((n) => [n.id ?? null, n.enterprise, n.product, n.quantity]),
    networks: (pkg.networks ?? []).map((n) => [n.id, n.name, n.description ?? null]),
    flows: (pkg.flows ?? []).map((f) => [f.id ?? null, f.supplier, f.buyer, f.product, (f.quantity as number | null | undefined) ?? null, f.value ?? null, f.currency ?? null, f.period ?? null]),
    // Kind and backing as the package's codes (social-currency, full-reserve); the issuer an enterprise id.
    currencies: (pkg.currencies ?? []).map((c) => [c.id, c.name, c.kind, c.unit ?? null, c.rate ?? null, c.issuer ?? null, c.backing ?? null, c.description ?? null, join(c.products)]),
  };
}

export function exportHeaders(kind: RecordKind, lang: LabelLang): string[] {
  return EXPORT_FIELDS[kind].map((f) => label(kind, f, lang));
}

function headerRow(ws: ExcelJS.Worksheet, headers: string[]): void {
  const row = ws.addRow(headers);
  row.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  headers.forEach((h, i) => (ws.getColumn(i + 1).width = Math.max(12, Math.min(40, h.length + 4))));
}

/** The catalogue as a workbook, one sheet per kind; imports back to the same records. */
export async function writeCatalogueWorkbook(db: Db, lang: LabelLang = 'en'): Promise<Buffer> {
  const pkg = readPackage(db);
  const rows = packageRows(pkg, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Teia';
  for (const kind of ORDER) {
    const ws = wb.addWorksheet(SHEET_LABELS[kind][li(lang)]);
    headerRow(ws, exportHeaders(kind, lang));
    for (const r of rows[kind]) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const INSTRUCTIONS: Record<LabelLang, string[]> = {
  en: [
    'How to fill in this workbook',
    'One sheet per kind of record: enterprises, products, offers (what an enterprise can supply), needs (what it needs) and flows (who buys what from whom).',
    'Write enterprises and products by their names, as you know them: Teia finds the ones it already has and lists new ones for you to check.',
    'Leave a cell empty when you do not know: a flow without a quantity is a known link of unknown amount.',
    'Units, yes/no and products can be picked from the lists in their cells; you may also type a new product.',
    'Rows marked in the "Example" column are examples: they are not imported. Delete them or write over them.',
    'Import the filled-in file on Teia\u2019s Import screen (or: teia import FILE.xlsx). Nothing is written until you confirm.',
  ],
  pt: [
    'Como preencher esta planilha',
    'Uma aba por tipo de registro: empreendimentos, produtos, ofertas (o que um empreendimento pode fornecer), necessidades (o que ele precisa) e fluxos (quem compra o quê de quem).',
    'Escreva empreendimentos e produtos pelo nome, como você os conhece: a Teia encontra os que já tem e lista os novos para você conferir.',
    'Deixe a célula vazia quando não souber: um fluxo sem quantidade é uma ligação conhecida de valor desconhecido.',
    'Unidades, sim/não e produtos podem ser escolhidos nas listas das células; você também pode digitar um produto novo.',
    'As linhas marcadas na coluna "Exemplo" são exemplos: não são importadas. Apague-as ou escreva por cima.',
    'Importe o arquivo preenchido na tela Importar da Teia (ou: teia import ARQUIVO.xlsx). Nada é gravado até você confirmar.',
  ],
  es: [
    'Cómo completar este libro',
    'Una hoja por tipo de registro: emprendimientos, productos, ofertas (lo que un emprendimiento puede suministrar), necesidades (lo que necesita) y flujos (quién compra qué a quién).',
    'Escriba emprendimientos y productos por su nombre, como los conoce: Teia encuentra los que ya tiene y enumera los nuevos para que los revise.',
    'Deje la celda vacía si no lo sabe: un flujo sin cantidad es un vínculo conocido de cantidad desconocida.',
    'Unidades, sí/no y productos se pueden elegir en las listas de sus celdas; también puede escribir un producto nuevo.',
    'Las filas marcadas en la columna "Ejemplo" son ejemplos: no se importan. Bórrelas o escriba encima.',
    'Importe el archivo completado en la pantalla Importar de Teia (o: teia import ARCHIVO.xlsx). No se escribe nada hasta que confirme.',
  ],
  fr: [
    'Comment remplir ce classeur',
    'Une feuille par type d’enregistrement : entreprises, produits, offres (ce qu’une entreprise peut fournir), besoins (ce dont elle a besoin) et flux (qui achète quoi à qui).',
    'Écrivez les entreprises et les produits par leur nom, comme vous les connaissez : Teia retrouve ceux qu’il a déjà et liste les nouveaux pour que vous les vérifiiez.',
    'Laissez la cellule vide si vous ne savez pas : un flux sans quantité est un lien connu de quantité inconnue.',
    'Unités, oui/non et produits se choisissent dans les listes de leurs cellules ; vous pouvez aussi écrire un nouveau produit.',
    'Les lignes marquées dans la colonne « Exemple » sont des exemples : elles ne sont pas importées. Effacez-les ou écrivez par-dessus.',
    'Importez le fichier rempli dans l’écran Importer de Teia (ou : teia import FICHIER.xlsx). Rien n’est écrit avant votre confirmation.',
  ],
};

const EXAMPLES: Record<LabelLang, Record<TemplateKind, Record<string, Cell>>> = {
  en: {
    enterprises: { name: 'Example Co-operative', solidarity: 'yes', locality: 'São Paulo', country: 'BR' },
    products: { name: 'Green coffee', unit: 'kg', hs: '0901' },
    offers: { enterprise: 'Example Co-operative', product: 'Green coffee', capacity: 500, unit: 'kg', price: 30 },
    needs: { enterprise: 'Example Co-operative', product: 'Paper bags', quantity: 1000, unit: 'unit' },
    flows: { supplier: 'Example Farm', buyer: 'Example Co-operative', product: 'Green coffee', quantity: 200, unit: 'kg', value: 5000, period: '2026' },
  },
  pt: {
    enterprises: { name: 'Cooperativa Exemplo', solidarity: 'sim', locality: 'São Paulo', country: 'BR' },
    products: { name: 'Café verde', unit: 'kg', hs: '0901' },
    offers: { enterprise: 'Cooperativa Exemplo', product: 'Café verde', capacity: 500, unit: 'kg', price: 30 },
    needs: { enterprise: 'Cooperativa Exemplo', product: 'Sacos de papel', quantity: 1000, unit: 'unit' },
    flows: { supplier: 'Sítio Exemplo', buyer: 'Cooperativa Exemplo', product: 'Café verde', quantity: 200, unit: 'kg', value: 5000, period: '2026' },
  },
  es: {
    enterprises: { name: 'Cooperativa Ejemplo', solidarity: 'sí', locality: 'Montevideo', country: 'UY' },
    products: { name: 'Café verde', unit: 'kg', hs: '0901' },
    offers: { enterprise: 'Cooperativa Ejemplo', product: 'Café verde', capacity: 500, unit: 'kg', price: 30 },
    needs: { enterprise: 'Cooperativa Ejemplo', product: 'Bolsas de papel', quantity: 1000, unit: 'unit' },
    flows: { supplier: 'Finca Ejemplo', buyer: 'Cooperativa Ejemplo', product: 'Café verde', quantity: 200, unit: 'kg', value: 5000, period: '2026' },
  },
  fr: {
    enterprises: { name: 'Coopérative Exemple', solidarity: 'oui', locality: 'Lyon', country: 'FR' },
    products: { name: 'Café vert', unit: 'kg', hs: '0901' },
    offers: { enterprise: 'Coopérative Exemple', product: 'Café vert', capacity: 500, unit: 'kg', price: 30 },
    needs: { enterprise: 'Coopérative Exemple', product: 'Sacs en papier', quantity: 1000, unit: 'unit' },
    flows: { supplier: 'Ferme Exemple', buyer: 'Coopérative Exemple', product: 'Café vert', quantity: 200, unit: 'kg', value: 5000, period: '2026' },
  },
};

/** Rows of the template that get drop-down lists. */
const listRows = 500;

/** The empty workbook a forum fills in, in one of the four languages. */
export async function writeTemplate(db: Db, lang: LabelLang = 'en'): Promise<Buffer> {
  const products = (db.prepare('SELECT name, names FROM products ORDER BY position, id').all() as { name: string; names: string }[]).map((p) => {
    const names = JSON.parse(p.names) as Record<string, string>;
    return (lang !== 'en' && names[lang]) || p.name;
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Teia';
  const about = wb.addWorksheet(SHEET_LABELS.instructions[li(lang)]);
  INSTRUCTIONS[lang].forEach((line, i) => {
    const row = about.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  about.getColumn(1).width = 120;

  // The lists the drop-downs point at, on a sheet of their own (left out on import).
  const lists = wb.addWorksheet(SHEET_LABELS.lists[li(lang)], { state: 'hidden' });
  const yesNo = YES_NO[lang];
  const longest = Math.max(yesNo.length, TEMPLATE_UNITS.length, products.length);
  for (let i = 0; i < longest; i++) lists.addRow([yesNo[i] ?? null, TEMPLATE_UNITS[i] ?? null, products[i] ?? null]);
  const range = (col: string, n: number) => `'${SHEET_LABELS.lists[li(lang)]}'!$${col}$1:$${col}$${Math.max(1, n)}`;

  for (const kind of TEMPLATE_ORDER) {
    const ws = wb.addWorksheet(SHEET_LABELS[kind][li(lang)]);
    const fields = TEMPLATE_FIELDS[kind];
    headerRow(ws, [...fields.map((f) => label(kind, f, lang)), EXAMPLE_LABEL[li(lang)]]);
    const example = EXAMPLES[lang][kind];
    const row = ws.addRow([...fields.map((f) => example[f] ?? null), EXAMPLE_LABEL[li(lang)].toLowerCase()]);
    row.font = { italic: true, color: { argb: 'FF777777' } };
    fields.forEach((f, i) => {
      const col = ws.getColumn(i + 1).letter;
      let formulae: string | null = null;
      let strict = true;
      if (f === 'solidarity') formulae = range('A', yesNo.length);
      else if (f === 'unit') formulae = range('B', TEMPLATE_UNITS.length);
      else if (f === 'product' && products.length) {
        formulae = range('C', products.length);
        strict = false; // a product the catalogue lacks may be typed: it is created and listed
      }
      if (!formulae) return;
      for (let r = 2; r <= listRows + 1; r++) {
        ws.getCell(`${col}${r}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formulae],
          showErrorMessage: strict,
          errorStyle: strict ? 'stop' : 'information',
        };
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One kind as CSV (the export sheet's columns; `=+-@` cells guarded as the SSE CSV export does). */
export function writeKindCsv(db: Db, kind: RecordKind, lang: LabelLang = 'en'): string {
  const rows = packageRows(readPackage(db), lang)[kind];
  const quote = (c: Cell) => {
    if (c === null) return '';
    let s = String(c);
    if (typeof c === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [exportHeaders(kind, lang), ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
