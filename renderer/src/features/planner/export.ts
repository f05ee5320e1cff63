import { csvCell } from './csv.ts';
import type { PlanTable, TableCell } from './plan-table.ts';

/**
 * Where the decimal mark is a comma (es, pt, fr), spreadsheets there read ";" between cells:
 * numbers are written with the person's decimal mark so the file opens as numbers, not text.
 */
function csvStyle(locale: string): { sep: string; decimal: string } {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return { sep: decimal === ',' ? ';' : ',', decimal };
}

function csvValue(cell: TableCell, decimal: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).replace('.', decimal) : '';
  if (typeof cell === 'object') return `${String(Math.round(cell.percent * 1000) / 10).replace('.', decimal)}%`;
  return cell;
}

/** The plan's table as CSV in the person's locale, with a byte-order mark so accents read as UTF-8. */
export function planCsv(table: PlanTable, locale: string): string {
  const { sep, decimal } = csvStyle(locale);
  const line = (cells: TableCell[]) =>
    cells
      .map((c) => {
        const v = csvValue(c, decimal);
        const text = typeof c === 'string' ? csvCell(v) : v;
        return text.includes(sep) && !text.startsWith('"') ? `"${text}"` : text;
      })
      .join(sep);
  const lines = [line(table.header), ...table.rows.map(line)];
  if (table.figures.length) lines.push('', line(table.figuresHeader), ...table.figures.map(line));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/**
 * The same table as an XLSX workbook (exceljs, loaded only when asked: it is large): numbers as
 * numbers with two decimals, shares as percentages, a bold frozen heading row, columns sized to
 * their text.
 */
export async function planXlsx(table: PlanTable, sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Plan', { views: [{ state: 'frozen', ySplit: 1 }] });
  const put = (cells: TableCell[], bold = false) => {
    const row = sheet.addRow(cells.map((c) => (c !== null && typeof c === 'object' ? c.percent : c)));
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c !== null && typeof c === 'object') cell.numFmt = '0.0%';
      else if (typeof c === 'number') cell.numFmt = Number.isInteger(c) ? '#,##0' : '#,##0.00';
    });
    if (bold) row.font = { bold: true };
  };
  put(table.header, true);
  for (const r of table.rows) put(r);
  if (table.figures.length) {
    sheet.addRow([]);
    put(table.figuresHeader, true);
    for (const r of table.figures) put(r);
  }
  sheet.columns.forEach((col, i) => {
    const widths = [table.header[i], ...table.rows.map((r) => r[i]), ...table.figures.map((r) => r[i])].map((c) => (c === null || c === undefined ? 0 : String(typeof c === 'object' ? c.percent : c).length));
    col.width = Math.min(50, Math.max(10, ...widths) + 2);
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
