import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { TeiaError } from '../../../../shared/contract/errors.ts';

/** Bounds for reading a workbook; past them it is refused before the reader touches it. */
export const xlsxLimits = {
  /** All parts together, unpacked. */
  unpackedBytes: 100 * 1024 * 1024,
  /** Unpacked size over packed size of one big part: deflate reaches ~1000 only on filler. */
  ratio: 500,
  /** Cells of the first sheet's rectangle (the reader fills it densely). */
  cells: 5_000_000,
};

/**
 * Checks a workbook before read-excel-file opens it: declared sizes (a zip bomb), the bytes
 * really unpacked (a bomb that lies about its sizes), DTDs and entity declarations (never
 * needed in a spreadsheet; external ones are how XXE attacks start), and how far the cells
 * reach (one cell at XFD1000000 would make the reader build a 16-billion-cell table).
 */
export function checkWorkbook(content: Uint8Array, limits = xlsxLimits): void {
  const entries: { name: string; size: number; originalSize: number }[] = [];
  try {
    unzipSync(content, { filter: (f) => (entries.push(f), false) });
  } catch {
    return; // not a readable zip: the reader says so in its own sentence
  }
  const declared = entries.reduce((a, e) => a + e.originalSize, 0);
  const bomb = entries.find((e) => e.originalSize > 5 * 1024 * 1024 && e.originalSize / Math.max(e.size, 1) > limits.ratio);
  if (declared > limits.unpackedBytes || bomb) throw tooBig();

  let unpacked = 0;
  let refusal: TeiaError | null = null;
  let maxRow = 0;
  let maxCol = 0;
  const unzip = new Unzip((file) => {
    const xml = /\.(xml|rels)$/i.test(file.name);
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name);
    let tail = '';
    file.ondata = (err, chunk) => {
      if (refusal) return;
      if (err) return; // the reader reports a broken part itself
      unpacked += chunk.length;
      if (unpacked > limits.unpackedBytes) {
        refusal = tooBig();
        file.terminate();
        return;
      }
      if (!xml) return;
      // Latin-1 keeps one character per byte; a tail carries matches across chunk edges.
      const text = tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
        refusal = new TeiaError('invalid-input', 'This workbook declares XML entities (a DOCTYPE), which spreadsheets never need; it was not read, for safety. Save it again from your spreadsheet program, or as CSV.');
        file.terminate();
        return;
      }
      if (sheet) {
        for (const m of text.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"/g)) {
          maxCol = Math.max(maxCol, columnNumber(m[1]));
          maxRow = Math.max(maxRow, Number(m[2]));
        }
        if (maxCol * maxRow > limits.cells) {
          refusal = new TeiaError('invalid-input', `The sheet reaches row ${maxRow.toLocaleString('en')} and column ${maxCol.toLocaleString('en')}, too far to read safely (more than ${limits.cells.toLocaleString('en')} cells). Delete the empty rows and columns at its end, or save it as CSV.`);
          file.terminate();
          return;
        }
      }
      tail = text.slice(-64);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(content, true);
  } catch {
    // a broken stream: the reader gives its own sentence
  }
  if (refusal) throw refusal;
}

function tooBig(): TeiaError {
  return new TeiaError('too-large', `This workbook unpacks to too much to read safely (over ${Math.round(xlsxLimits.unpackedBytes / 1024 / 1024)} MB, or packed far tighter than any spreadsheet: it may be a zip bomb); it was not read. Save it as CSV, or split it.`);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
