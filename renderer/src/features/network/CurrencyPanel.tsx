import { useMemo } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { circulationMessages } from './circulation-messages.ts';
import { useLabels } from './useLabels.ts';
import { CurrencyFigures, type Figures } from './CurrencyFigures.tsx';

/**
 * Per currency (ENGINE.md §3.8): the payable share of members' purchases, its circulation,
 * where units get stuck, and who to invite to accept it next with the value that would gain.
 */
export function CurrencyPanel({ currencies, network = null }: { currencies: Figures[]; network?: string | null }) {
  const t = useMessages(circulationMessages);
  const list = useQuery('currency-list', {});
  const names = useMemo(() => new Map((list.data?.currencies ?? []).map((c) => [c.id, c.name])), [list.data]);
  const ids = useMemo(() => {
    const e = new Set<string>();
    for (const c of currencies) {
      for (const m of c.members) e.add(m.enterprise);
      for (const n of c.nextAcceptors) e.add(n.enterprise);
    }
    return [...e].sort();
  }, [currencies]);
  const labels = useLabels(ids, []);
  return (
    <section aria-labelledby="currencies-h" data-testid="currencies">
      <h3 id="currencies-h">{t('currenciesTitle')}</h3>
      <p className="muted small">{t('currenciesLead')}</p>
      {currencies.length === 0 && <p>{t('noCurrencies')}</p>}
      {currencies.map((c) => (
        <CurrencyFigures key={c.currency} c={c} name={names.get(c.currency) ?? c.currency} labels={labels} network={network} />
      ))}
    </section>
  );
}
