import type { Db } from '../db/open.ts';
import type { Exporter } from './types.ts';
import { readPackage, relationRows } from '../catalogue/read-package.ts';

/**
 * The package as JSON text in pieces, one record a line (the layout of stringifyPackage):
 * products, enterprises and networks are read whole, offers, needs and flows row by row, so
 * a million flows are never all in memory at once.
 */
export function* packageChunks(db: Db): Generator<string> {
  const head = readPackage(db, {}, { relations: false });
  yield '{\n"format": "teia-package",\n"version": 1,\n';
  yield* list('products', head.products ?? [], false);
  yield* list('enterprises', head.enterprises ?? [], false);
  yield* list('offers', relationRows(db, 'offers'), false);
  yield* list('needs', relationRows(db, 'needs'), false);
  yield* list('flows', relationRows(db, 'flows'), false);
  // Currencies (package v1.1) only when the catalogue defines some, so older readers see what they always saw.
  yield* list('networks', head.networks ?? [], !head.currencies);
  if (head.currencies) yield* list('currencies', head.currencies, true);
  yield '}\n';
}

function* list(key: string, items: Iterable<unknown>, last: boolean): Generator<string> {
  yield `"${key}": [`;
  let batch: string[] = [];
  let first = true;
  for (const item of items) {
    batch.push(JSON.stringify(item));
    if (batch.length === 1000) {
      yield (first ? '\n' : ',\n') + batch.join(',\n');
      first = false;
      batch = [];
    }
  }
  if (batch.length) yield (first ? '\n' : ',\n') + batch.join(',\n');
  yield `\n]${last ? '' : ','}\n`;
}

/** The Teia package: everything, without loss; `teia import` reads it back field for field. */
export const packageExporter: Exporter = {
  format: 'package',
  extension: 'json',
  mimeType: 'application/json',
  write(db) {
    return [...packageChunks(db)].join('');
  },
  chunks: packageChunks,
};
