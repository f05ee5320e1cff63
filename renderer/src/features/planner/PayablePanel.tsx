import { useMemo } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useMoney } from '../../components/money.ts';
import { useQuery } from '../../api/hooks.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { enterpriseName, productName, useLabels } from '../network/useLabels.ts';
import { circulationMessages } from '../network/circulation-messages.ts';
import { payableMessages } from './payable-messages.ts';
import type { ShopPayableOutput } from '../../../../shared/contract/engine.ts';

type Held = ShopPayableOutput['currencies'][number];

const kindKey = { 'social-currency': 'kind_social', 'mutual-credit': 'kind_mutual', 'time-credits': 'kind_time', voucher: 'kind_voucher' } as const;

/**
 * For the shop being planned: which of its purchases it could pay in each currency it holds,
 * as the engine answers it (engine-payable, ENGINE.md §3.8's acceptance rules), over the whole
 * catalogue like the rest of the Planner.
 */
export function PayablePanel({ shop, name }: { shop: string; name: string }) {
  const t = useMessages(payableMessages);
  const { lang } = useI18n();
  const answer = useQuery('engine-payable', { enterprise: shop, network: null });
  const currencyList = useQuery('currency-list', {});
  const names = useMemo(() => new Map((currencyList.data?.currencies ?? []).map((c) => [c.id, c.name])), [currencyList.data]);
  const ids = useMemo(() => {
    const e = new Set<string>();
    const p = new Set<string>();
    for (const c of answer.data?.currencies ?? []) {
      for (const x of c.purchases) {
        e.add(x.supplier);
        p.add(x.product);
      }
    }
    return { e: [...e].sort(), p: [...p].sort() };
  }, [answer.data]);
  const labels = useLabels(ids.e, ids.p);
  const data = answer.data;
  return (
    <section aria-labelledby="payable-h" className="net-panel print-detail" data-testid="payable">
      <h2 id="payable-h">{t('payableTitle')}</h2>
      <p className="muted small">{t('payableLead', { name })}</p>
      <ErrorNote error={answer.error} />
      {data && data.currencies.length === 0 && <p data-testid="payable-none">{t('payableNone', { name })}</p>}
      {data?.currencies.map((c) => (
        <Currency key={c.currency} c={c} total={data.purchasesTotal} name={name} currencyName={names.get(c.currency) ?? c.currency} labels={labels} lang={lang} />
      ))}
      {data && data.unvaluedPurchases > 0 && <p className="muted small">{t('payableUnvalued', { count: data.unvaluedPurchases })}</p>}
    </section>
  );
}

function Currency({ c, total, name, currencyName, labels, lang }: { c: Held; total: number; name: string; currencyName: string; labels: ReturnType<typeof useLabels>; lang: string }) {
  const t = useMessages(payableMessages);
  const k = useMessages(circulationMessages);
  const { percent, number } = useI18n();
  const { money } = useMoney();
  const kind = c.kind && c.kind in kindKey ? k(kindKey[c.kind as keyof typeof kindKey]) : k('kind_unknown');
  const headingId = `payable-${c.currency}-h`;
  return (
    <article aria-labelledby={headingId} data-testid={`payable-${c.currency}`} data-held={c.held ? 'yes' : 'no'}>
      <h3 id={headingId}>
        {currencyName}{' '}
        <span className="muted small">
          ({kind}; {c.held && c.share !== null ? t('payableHeld', { share: percent(c.share) }) : t('payableNotHeld', { name })})
        </span>
      </h3>
      <p data-testid="payable-total" data-spend={c.spend} data-total={total}>
        {t('payableTotal', { payable: money(c.spend), total: money(total), share: c.payableShare === null ? '—' : percent(c.payableShare) })}
      </p>
      {c.purchases.length === 0 ? (
        <p>{t('payableNoPurchases', { currency: currencyName })}</p>
      ) : (
        <table className="table compact" data-testid="payable-purchases">
          <caption>{t('payableCount', { count: c.purchases.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supplier')}</th>
              <th scope="col">{t('product')}</th>
              <th scope="col" className="num">{t('value')}</th>
              <th scope="col" className="num">{t('share')}</th>
              <th scope="col" className="num">{t('payable')}</th>
            </tr>
          </thead>
          <tbody>
            {c.purchases.map((p) => (
              <tr key={p.flow} data-flow={p.flow}>
                <td>{enterpriseName(labels, p.supplier)}</td>
                <td>{productName(labels, p.product, lang)}</td>
                <td className="num">{money(p.value)}</td>
                <td className="num">{number(p.share, { style: 'percent', maximumFractionDigits: 0 })}</td>
                <td className="num" data-testid="payable-amount">{money(p.payable)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.held && c.earn > 0 && (
        <p className="muted small" data-testid="payable-earn">
          {c.stuck > 0 ? t('payableEarn', { earn: money(c.earn), currency: currencyName, stuck: money(c.stuck) }) : t('payableEarnAll', { earn: money(c.earn), currency: currencyName })}
        </p>
      )}
    </article>
  );
}
