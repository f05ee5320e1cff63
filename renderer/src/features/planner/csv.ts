/**
 * CSV for spreadsheets. A cell starting with = + - @ (or a tab / carriage return) would run as
 * a formula in Excel, LibreOffice or Sheets; such a cell is prefixed with an apostrophe
 * (OWASP's advice) so it stays text. Numbers are written as numbers, with a dot.
 */
export type Cell = string | number | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  // A byte-order mark so spreadsheet programs read the accents as UTF-8.
  return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
