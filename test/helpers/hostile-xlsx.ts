import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Hostile workbooks built from a real one (written by exceljs), with its first sheet's XML
 * changed: the same parts a spreadsheet program writes, plus the attack.
 */
async function baseParts(): Promise<Record<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Enterprises');
  ws.addRow(['name', 'locality']);
  ws.addRow(['Cooperativa Hostil', 'Porto']);
  return unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const sheetPart = 'xl/worksheets/sheet1.xml';

async function withSheet(change: (xml: string) => string, level: 0 | 6 | 9 = 6): Promise<Uint8Array> {
  const parts = await baseParts();
  parts[sheetPart] = strToU8(change(strFromU8(parts[sheetPart])));
  return zipSync(parts, { level });
}

export const hostileXlsx = {
  /** 40 MB of blanks inside the sheet (valid XML) that pack to a few tens of KB. */
  zipBomb: () => withSheet((xml) => xml.replace('<sheetData>', `<sheetData>${' '.repeat(40 * 1024 * 1024)}`), 9),
  /** An external entity (XXE) and an entity expansion, used in a cell. */
  externalEntity: () =>
    withSheet((xml) =>
      xml
        .replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
        .replace('<sheetData>', '<sheetData><row r="9"><c r="A9" t="inlineStr"><is><t>&xxe;&b;</t></is></c></row>'),
    ),
  /** 100,000 empty rows after the data. */
  emptyRows: () => withSheet((xml) => xml.replace('</sheetData>', `${Array.from({ length: 100_000 }, (_, i) => `<row r="${i + 3}"/>`).join('')}</sheetData>`)),
  /** One cell far away: the reader would fill a table of a million rows by 16,384 columns. */
  farCell: () => withSheet((xml) => xml.replace('</sheetData>', '<row r="1000000"><c r="XFD1000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')),
};
