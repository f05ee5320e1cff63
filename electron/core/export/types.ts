import type { Db } from '../db/open.ts';
import type { ExportFormat } from '../../../shared/contract/import.ts';

/** One export format: the whole catalogue as one text file. */
export interface Exporter {
  format: ExportFormat;
  /** File extension without the dot, e.g. "json"; also how `teia export FILE` guesses the format. */
  extension: string;
  mimeType: string;
  write(db: Db): string;
  /** The same text in pieces, for writing a big catalogue to a file without holding it all. */
  chunks?(db: Db): Iterable<string>;
}
