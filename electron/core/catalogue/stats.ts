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
    money:
      (db
        .prepare(
          `SELECT currency FROM (
             SELECT currency FROM flows WHERE currency GLOB '[A-Z][A-Z][A-Z]'
             UNION ALL SELECT currency FROM offers WHERE currency GLOB '[A-Z][A-Z][A-Z]')
           GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1`,
        )
        .pluck()
        .get() as string | undefined) ?? null,
  };
}
