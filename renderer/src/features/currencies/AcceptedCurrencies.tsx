import { useMemo } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { useLabels } from '../network/useLabels.ts';
import type { Acceptance } from '../../../../shared/domain/package.ts';
import type { RelatedProduct } from '../../../../shared/contract/currencies.ts';
import { CurrencyLink } from './CurrencyLink.tsx';
import { useCurrencyWords } from './words.ts';

/** What an enterprise accepts, in words: each currency by name (linked to its page), with its share and products when limited. */
export function AcceptedCurrencies({ list }: { list: Acceptance[] }) {
  const words = useCurrencyWords();
  const currencies = useQuery('currency-list', {}).data?.currencies;
  const names = useMemo(() => new Map((currencies ?? []).map((c) => [c.id, c.name])), [currencies]);
  const productIds = useMemo(() => [...new Set(list.flatMap((a) => (typeof a === 'string' ? [] : (a.products ?? []))))].sort(), [list]);
  const labels = useLabels([], productIds);
  const named = (ids: string[] | undefined): RelatedProduct[] | null =>
    ids && ids.length ? ids.map((id) => ({ id, name: labels.products[id]?.name ?? id, names: labels.products[id]?.names ?? {} })) : null;
  return (
    <ul className="plain-list" data-testid="accepted-currencies">
      {list.map((a) => {
        const id = typeof a === 'string' ? a : a.currency;
        const limited = typeof a !== 'string' && (a.share !== undefined || (a.products?.length ?? 0) > 0);
        return (
          <li key={id} data-currency={id}>
            <CurrencyLink id={id}>{names.get(id) ?? id}</CurrencyLink>
            {limited && <span className="muted"> — {words.terms(a.share ?? null, named(a.products))}</span>}
          </li>
        );
      })}
    </ul>
  );
}
