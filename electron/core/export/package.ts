import type { Exporter } from './types.ts';
import { readPackage } from '../catalogue/read-package.ts';
import { stringifyPackage } from '../catalogue/package-json.ts';

/** The Teia package: everything, without loss; `teia import` reads it back field for field. */
export const packageExporter: Exporter = {
  format: 'package',
  extension: 'json',
  mimeType: 'application/json',
  write(db) {
    return stringifyPackage(readPackage(db));
  },
};
