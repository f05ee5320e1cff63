import type { Db } from '../db/open.ts';
import { voidEntries } from '../catalogue/accepts-filter.ts';

/**
 * Sentences for acceptances that pay for nothing (ENGINE.md §3.8 accepts(e, c, p) holds for no
 * product): an entry limited to products that all lie outside the currency's own products, as
 * a bakery taking a food voucher only for soap. They are kept as written (the voucher's
 * products may be what needs fixing), but the import says so rather than keep quiet.
 */
export function voidAcceptances(db: Db, enterpriseIds: readonly string[], max = 20): string[] {
  if (enterpriseIds.length === 0) return [];
  const found = voidEntries(db, enterpriseIds).map(
    (r) =>
      `${r.name} accepts ${r.currencyName} only for ${r.products.join(', ')}, which ${r.currencyName} does not pay for (it pays for ${r.own.join(', ')}): that acceptance counts for nothing until one of them changes.`,
  );
  if (found.length <= max) return found;
  return [...found.slice(0, max), `…and ${found.length - max} more acceptances like these.`];
}
