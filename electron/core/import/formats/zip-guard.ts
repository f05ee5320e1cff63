import { unzipSync } from 'fflate';
import { TeiaError } from '../../../../shared/contract/errors.ts';

/**
 * A workbook (XLSX, ODS) is a zip: before any of it is inflated, its directory is read and a
 * file that would expand past what a real sheet needs is refused (a "zip bomb": a few KB that
 * inflate to gigabytes). Nothing is decompressed here: fflate's filter sees each entry's
 * declared sizes and says no to all of them.
 */
export const maxExpandedBytes = 512 * 1024 * 1024;
/** Real sheets compress about 5–20×; a sheet of 50,000 empty styled rows reaches ~200×. */
const maxRatio = 1000;

export function checkZip(content: Uint8Array, what: string): string[] {
  const names: string[] = [];
  let total = 0;
  let bad: string | null = null;
  try {
    unzipSync(content, {
      filter(file) {
        names.push(file.name);
        total += file.originalSize;
        if (file.size > 0 && file.originalSize / file.size > maxRatio && file.originalSize > 10 * 1024 * 1024) bad ??= file.name;
        return false;
      },
    });
  } catch (error) {
    throw new TeiaError('invalid-input', `This file could not be read as ${what}: ${(error as Error).message}.`);
  }
  if (total > maxExpandedBytes || bad) {
    throw new TeiaError(
      'invalid-input',
      `This ${what} would expand to ${Math.round(total / 1024 / 1024)} MB${bad ? ` (its part "${bad}" is compressed more than ${maxRatio} times)` : ''}, more than Teia reads from one workbook (${maxExpandedBytes / 1024 / 1024} MB). Save the sheets as CSV, or split the workbook.`,
    );
  }
  return names;
}
