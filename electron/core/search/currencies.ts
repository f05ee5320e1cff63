import type { Db } from '../db/open.ts';
import type { Currency } from '../../../shared/contract/search.ts';
import { stmt } from './statements.ts';

/** Every currency the catalogue knows, by name. */
export function listCurrencies(db: Db): Currency[] {
  return stmt(db, 'SELECT id, name, kind, issuer, description FROM currencies ORDER BY name COLLATE NOCASE, id').all() as Currency[];
}
