import { useCallback } from 'react';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import type { RelatedProduct, StoredCurrency } from '../../../../shared/contract/currencies.ts';
import { currencyProblemOf } from '../../../../shared/domain/currency-problems.ts';
import { errorMessage } from '../../api/client.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { currencyMessages } from './messages.ts';

type Kind = StoredCurrency['kind'];
type Backing = StoredCurrency['backing'];

/** How a currency and an acceptance read in the person's language: kinds, backing, "up to 50 %", "for bread". */
export function useCurrencyWords() {
  const t = useMessages(currencyMessages);
  const { lang, percent } = useI18n();
  const kind = useCallback((k: Kind) => t(k ? `kind_${k}` : 'kind_none'), [t]);
  const explain = useCallback((k: Kind) => t(k ? `explain_${k}` : 'explain_none'), [t]);
  const backing = useCallback((b: NonNullable<Backing>) => t(`backing_${b}`), [t]);
  const share = useCallback((s: number | null) => (s === null || s >= 1 ? t('shareWhole') : t('shareUpTo', { share: percent(s) })), [t, percent]);
  const product = useCallback((p: RelatedProduct) => p.names[lang] ?? p.name, [lang]);
  /** `limited`: the currency itself pays only for some products, so "everything" means everything of those. */
  const products = useCallback(
    (list: RelatedProduct[] | null, limited = false) =>
      list && list.length ? new Intl.ListFormat(lang, { type: 'conjunction' }).format(list.map(product)) : t(limited ? 'everythingItPays' : 'everything'),
    [lang, product, t],
  );
  const terms = useCallback((s: number | null, list: RelatedProduct[] | null, limited = false) => t('terms', { share: share(s), products: products(list, limited) }), [t, share, products]);
  return { kind, explain, backing, share, product, products, terms };
}

/** A sentence for a refused currency write: the localised one for a known problem, else the core's. */
export function useCurrencyError() {
  const t = useMessages(currencyMessages);
  return useCallback(
    (err: unknown): string => {
      if (!(err instanceof TeiaError)) return errorMessage(err);
      const p = currencyProblemOf(err.details);
      switch (p?.problem) {
        case 'duplicate-id':
          return t('duplicate-id', { id: p.id, name: p.name });
        case 'unknown-issuer':
          return t('unknown-issuer', { issuer: p.issuer });
        case 'unknown-product':
          return t('unknown-product', { product: p.product });
        case 'product-cycle':
          return t('product-cycle', { product: p.product, cycle: p.cycle.join(' → ') });
        case 'unknown-currency':
          return t('unknown-currency', { currency: p.currency });
        case 'unknown-enterprise':
          return t('unknown-enterprise', { count: p.enterprises.length });
        case 'accepted':
          return t('accepted', { count: p.count });
      }
      // A share outside (0, 1] is refused at the door by the schema; say it in percent.
      if (err.code === 'invalid-input' && Array.isArray(err.details) && (err.details as { path?: unknown[] }[]).some((i) => i.path?.includes('share'))) return t('shareRange');
      return err.message;
    },
    [t],
  );
}
