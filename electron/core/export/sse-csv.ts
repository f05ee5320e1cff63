import { acceptedCurrency } from '../catalogue/acceptance.ts';
import type { Exporter } from './types.ts';
import { readPackage } from '../catalogue/read-package.ts';
import type { Enterprise, TeiaPackage } from '../../../shared/domain/package.ts';
import type { Vocab } from '../../../shared/domain/vocab.ts';
import { uriOfCode } from '../../../shared/domain/vocab.ts';
import { SSE_CSV_COLUMNS } from '../import/formats/sse-csv.ts';
import { loadVocab } from '../catalogue/vocab.ts';

/**
 * Enterprises in the "SSE standard CSV" of the solidarity-economy maps, ESSGLOBAL codes
 * written back as the URIs those maps expect. Three columns the standard lacks are added at
 * the end — Solidarity (yes/no), Currencies, Networks — so a Teia → CSV → Teia round trip
 * keeps them; map tools ignore columns they do not know. Criteria have no column.
 *
 * Safety: a text cell starting with = + - @ (or a tab/CR) gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it as a formula (OWASP "CSV injection");
 * Teia's CSV import removes that apostrophe again. Numbers we write (lat/lon) are not touched.
 * Lines end in CRLF (RFC 4180); the file is UTF-8 without a BOM unless `bom` is set.
 */
export const SSE_CSV_EXTRA_COLUMNS = ['Solidarity', 'Currencies', 'Networks'] as const;

const ACTIVITY_SCHEMES = ['activities-ica', 'activities', 'activities-modified'];

export function exportSseCsv(pkg: TeiaPackage, vocab: Vocab = loadVocab(), options: { bom?: boolean } = {}): string {
  const uri = (code: string, schemes: string[]) => uriOfCode(vocab, code, schemes);
  const lines = [[...SSE_CSV_COLUMNS, ...SSE_CSV_EXTRA_COLUMNS].map((h) => csvCell(h)).join(',')];
  for (const e of pkg.enterprises ?? []) {
    const [primary, ...others] = e.activities ?? [];
    const row: Record<string, string> = {
      Identifier: e.id,
      Name: e.name,
      Description: e.description ?? '',
      'Organisational Structure': e.organisationalStructure ? uri(e.organisationalStructure, ['organisational-structure']) : '',
      'Primary Activity': primary ? uri(primary, ACTIVITY_SCHEMES) : '',
      Activities: others.map((a) => uri(a, ACTIVITY_SCHEMES)).join(';'),
      'Street Address': e.street ?? '',
      Locality: e.locality ?? '',
      Region: e.region ?? '',
      Postcode: e.postcode ?? '',
      'Country ID': e.country ?? '',
      Website: e.website ?? '',
      Phone: e.phone ?? '',
      Email: e.email ?? '',
      Qualifiers: (e.qualifiers ?? []).map((q) => uri(q, ['qualifiers'])).join(';'),
      'Legal Form': e.legalForm ? uri(e.legalForm, ['legal-form']) : '',
      Solidarity: e.solidarity ? 'yes' : 'no',
      // The standard's column holds ids: a share or product limit has no place in it.
      Currencies: (e.currencies ?? []).map(acceptedCurrency).join(';'),
      Networks: (e.networks ?? []).join(';'),
    };
    const numbers = positionCells(e);
    lines.push(
      [...SSE_CSV_COLUMNS, ...SSE_CSV_EXTRA_COLUMNS]
        .map((h) => (h in numbers ? numbers[h] : csvCell(guardFormula(row[h] ?? ''))))
        .join(','),
    );
  }
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

function positionCells(e: Enterprise): Record<string, string> {
  if (e.lat === undefined || e.lon === undefined) return {};
  return { Latitude: String(e.lat), Longitude: String(e.lon) };
}

/** Quotes a cell when it holds a comma, quote, line break or edge spaces (RFC 4180). */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A leading apostrophe on text a spreadsheet would read as a formula — and on text that
 * already looks guarded ('=…, ''=…), so the import, which removes one apostrophe, gives it back.
 */
export function guardFormula(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const sseCsvExporter: Exporter = {
  format: 'sse-csv',
  extension: 'csv',
  mimeType: 'text/csv; charset=utf-8',
  write: (db) => exportSseCsv(readPackage(db)),
};
