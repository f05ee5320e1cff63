import type { Db } from '../db/open.ts';
import type { CatalogueStats } from '../../../shared/contract/catalogue.ts';

export function catalogueStats(db: Db): CatalogueStats {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    enterprises: count('SELECT count(*) FROM enterprises'),
    solidarityEnterprises: count('SELECT count(*) FROM enterprises WHERE solidarity = 1'),
    unclassifiedEnterprises: count('SELECT count(*) FROM enterprises WHERE classified = 0'),
    products: count('SELECT count(*) FROM products'),
    offers: count('SELECT count(*) FROM offers'),
    needs: count('SELECT count(*) FROM needs'),
    flows: count('SELECT count(*) FROM flows'),
    networks: count('SELECT count(*) FROM networks'),
    currencies: count('SELECT count(*) FROM currencies'),
    imports: count('SELECT count(*) FROM imports'),
  };
}
