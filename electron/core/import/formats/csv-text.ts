import Papa from 'papaparse';
import { normaliseNewlines } from './decode.ts';

/**
 * Delimited text → header + records, each record with the source line it starts on. The
 * Co-operatives UK file has 13,192 lines for 7,387 records (addresses hold newlines inside
 * quotes), so a record's line is counted from the text, not from its index.
 */
export interface CsvRecord {
  cells: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Set when the record could not be read as written (e.g. an unclosed quote). */
  problem?: string;
}

export interface CsvTable {
  headers: string[];
  /** Line of the header row. */
  headerLine: number;
  records: CsvRecord[];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The apostrophe a CSV export puts before text a spreadsheet would run as a formula
 * (= + - @ tab CR), also when apostrophes already precede it; reading removes exactly one,
 * so the value comes back as it was.
 */
const FORMULA_GUARD = /^'+[=+\-@\t\r]/;

/** The delimiter that occurs most often outside quotes on the first non-empty line. */
export function guessDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount) [best, bestCount] = [d, c];
  }
  return best;
}

export function parseCsvText(raw: string): CsvTable {
  const text = normaliseNewlines(raw);
  const firstLine = text.split('\n', 50).find((l) => l.trim() !== '') ?? '';
  const delimiter = guessDelimiter(firstLine);

  // A record spans one line plus the newlines inside its quoted values, so each record's
  // first line follows from the previous one without a second pass over the text.
  const result = Papa.parse<string[]>(text, { delimiter, newline: '\n', skipEmptyLines: false });
  const quoteErrors = new Set(result.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => e.row));
  const rows: CsvRecord[] = [];
  let line = 1;
  result.data.forEach((cells, index) => {
    const blank = cells.length === 1 && cells[0].trim() === '';
    if (!blank) {
      for (let i = 0; i < cells.length; i++) if (cells[i].charCodeAt(0) === 39 && FORMULA_GUARD.test(cells[i])) cells[i] = cells[i].slice(1);
      const record: CsvRecord = { cells, line };
      if (quoteErrors.has(index)) record.problem = 'A quoted value is not closed, so the rest of the file was read into it.';
      rows.push(record);
    }
    let span = 1;
    for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) span++;
    line += span;
  });

  const header = rows.shift();
  return {
    headers: header ? uniqueHeaders(header.cells) : [],
    headerLine: header?.line ?? 1,
    records: rows,
    delimiter,
  };
}

/** Trimmed header names, made unique ("Email", "Email (2)") so no column hides another. */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    const base = c.trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
