import { useMemo } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { defineMessages } from '../../i18n/index.tsx';
import { enterpriseName, productName, useLabels } from '../network/useLabels.ts';
import { OutletAlternatives } from '../network/OutletAlternatives.tsx';
import type { AnalyseOutput } from '../../../../shared/contract/engine.ts';

const messages = defineMessages('planner.buyersPanel', {
  title: [],
  lead: [],
  share: ['share'],
  noShare: [],
  none: [],
  buyer: [],
  product: [],
  value: [],
  instead: [],
});

/** The Planner for a producer (ENGINE.md §3.9): its outlets to non-solidarity buyers and who could buy instead. */
export function BuyersPanel({ seller, sales }: { seller: string; sales: AnalyseOutput['result']['sales'] }) {
  const t = useMessages(messages);
  const { number, percent, lang } = useI18n();
  const outlets = useMemo(() => sales.outlets.filter((o) => o.supplier === seller), [sales, seller]);
  const ids = useMemo(() => {
    const e = new Set<string>();
    const p = new Set<string>();
    for (const o of outlets) {
      e.add(o.buyer);
      p.add(o.product);
      for (const a of o.alternatives) e.add(a.enterprise);
    }
    return { e: [...e].sort(), p: [...p].sort() };
  }, [outlets]);
  const labels = useLabels(ids.e, ids.p);
  const share = sales.shares[seller] ?? null;
  return (
    <section className="net-panel" aria-labelledby="buyers-h" data-testid="who-buys">
      <h2 id="buyers-h">{t('title')}</h2>
      <p className="muted small">{t('lead')}</p>
      <p data-testid="sales-share">{share === null ? t('noShare') : t('share', { share: percent(share) })}</p>
      {outlets.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table className="table">
          <caption className="sr-only">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('buyer')}</th>
              <th scope="col">{t('product')}</th>
              <th scope="col" className="num">{t('value')}</th>
              <th scope="col">{t('instead')}</th>
            </tr>
          </thead>
          <tbody>
            {outlets.map((o) => (
              <tr key={o.flow} data-flow={o.flow}>
                <td>{enterpriseName(labels, o.buyer)}</td>
                <td>{productName(labels, o.product, lang)}</td>
                <td className="num">{o.value === null ? '—' : number(o.value, { maximumFractionDigits: 0 })}</td>
                <td>
                  <OutletAlternatives outlet={o} labels={labels} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
