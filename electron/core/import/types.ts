import type { SolidarityDecision } from '../../../shared/domain/solidarity.ts';
import type { Currency, Enterprise, Flow, Need, Network, Offer, Product } from '../../../shared/domain/package.ts';
import type { RecordKind } from '../../../shared/domain/kinds.ts';

export interface SheetOptions {
  kind?: RecordKind;
  mapping?: ColumnMapping;
  constants?: Record<string, string>;
}

/**
 * The meeting point of every importer: a parser turns a file into package-shaped records,
 * each remembering the line it came from, plus the rows it could not use and why. Applying
 * the result to the catalogue (one transaction, duplicate checks, the report) is shared.
 */
export type ImportFormat = 'package' | 'sse-csv' | 'csv' | 'xlsx' | 'ods' | 'geojson' | 'murmurations' | 'valueflows' | 'mykomap';

/** A record with where it came from. `line` is 1-based in the source file (or item index for JSON). */
export interface Sourced<T> {
  value: T;
  line: number;
  /** The record's own id in its source, used to find it again on a later import. */
  sourceId?: string;
  /** True when the id was made from the name (the file gave none): the matcher then ignores it. */
  idFromName?: boolean;
  /** Source attributes with no field of their own: kept on the record, never dropped silently. */
  extra?: Record<string, unknown>;
  /**
   * Partner and product cells as a person wrote them in a sheet of flows, offers or needs
   * ("Moinho Paulista", "Café"): the record's own fields hold the same text until
   * resolve.ts turns each into the id of an enterprise or product of the file or catalogue.
   */
  names?: NamedRefs;
  /** The sheet of a workbook it came from. */
  sheet?: string;
  /** Enterprises: the file itself says whether it is solidarity (a package's boolean, a solidarity column). */
  solidarityStated?: boolean;
  /** Enterprises: nobody has decided yet whether it is solidarity (written as classified = 0). */
  unclassified?: boolean;
}

export interface PartnerName {
  text: string;
  /** A place column (town, country) that helps tell two namesakes apart. */
  place?: string;
}
export interface ProductName {
  text: string;
  hs?: string;
  /** The unit the row's quantities are written in, converted to the product's own. */
  unit?: string;
}
export interface NamedRefs {
  supplier?: PartnerName;
  buyer?: PartnerName;
  enterprise?: PartnerName;
  product?: ProductName;
}

/** A flow as an import carries it: since ENGINE.md v1.1 its quantity may be unknown. */
export type FlowRecord = Flow;

export interface RejectedRow {
  line: number;
  /** The sheet of a workbook the line is in (a workbook of several sheets). */
  sheet?: string;
  /** What the row was (a name or id) so a person can find it. */
  record?: string;
  /** A sentence: why the row was not used. */
  reason: string;
  /** The same by key (shared/contract/errors.ts sentenceArgs), for the window to say in the person's language. */
  key?: string;
  args?: Record<string, string | number>;
}

export interface ParsedFile {
  format: ImportFormat;
  /** Rows (or items) read from the file: accepted + rejected = rowsRead. */
  rowsRead: number;
  enterprises: Sourced<Enterprise>[];
  products: Sourced<Product>[];
  offers: Sourced<Offer>[];
  needs: Sourced<Need>[];
  flows: Sourced<FlowRecord>[];
  networks: Sourced<Network>[];
  /** Currencies the file defines (package format v1.1; ENGINE.md §3.8). */
  currencies: Sourced<Currency>[];
  rejected: RejectedRow[];
  /** Things worth saying that are not rejections (e.g. unknown columns ignored). */
  warnings: string[];
  /** Source column (header, property) → the field it filled, so a decision can name a column either way. */
  columnFields?: Record<string, string>;
  /** What the solidarity decision made of the enterprises (../solidarity.ts). */
  solidarity?: { yes: number; no: number; unknown: number; stated: number };
}

/** Column mapping for generic CSV/XLSX: package field → column header in the file. */
export type ColumnMapping = Record<string, string>;

export interface ParseOptions {
  fileName?: string;
  mapping?: ColumnMapping;
  /** What a sheet holds (flows, offers…); detected from its headers when not given. */
  kind?: RecordKind;
  /** One value for every row, for a field the file has no column for (`--set product=Coffee`). */
  constants?: Record<string, string>;
  /** A workbook of several sheets: per sheet name, its kind, mapping and constants. */
  sheets?: Record<string, SheetOptions>;
  /** What the person said about solidarity for this file; nobody saying means "to classify". */
  solidarity?: SolidarityDecision;
  /** Abort long parses. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface Parser {
  format: ImportFormat;
  /** True when the content looks like this format (used when --format is not given). */
  detect(content: Uint8Array, fileName?: string): boolean;
  parse(content: Uint8Array, options: ParseOptions): ParsedFile | Promise<ParsedFile>;
}

export function emptyParsedFile(format: ImportFormat): ParsedFile {
  return { format, rowsRead: 0, enterprises: [], products: [], offers: [], needs: [], flows: [], networks: [], currencies: [], rejected: [], warnings: [] };
}
