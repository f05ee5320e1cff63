import { useMemo } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { circulationMessages } from './circulation-messages.ts';
import { enterpriseName, productName, useLabels } from './useLabels.ts';
import { OutletAlternatives } from './OutletAlternatives.tsx';
import { unvaluedMessages } from './unvalued-messages.ts';
import type { AnalyseOutput } from '../../../../shared/contract/engine.ts';

type Sales = AnalyseOutput['result']['sales'];

/**
 * The sales side (ENGINE.md §3.9): members' share of sales to solidarity buyers, the value
 * sold outside, and the outlets worth replacing with the solidarity buyers that could take them.
 */
export function SalesPanel({ sales, maxOutlets = 10 }: { sales: Sales; maxOutlets?: number }) {
  const t = useMessages(circulationMessages);
  const tu = useMessages(unvaluedMessages);
  const { number, percent, lang } = useI18n();
  const outlets = sales.outlets.slice(0, maxOutlets);
  const ids = useMemo(() => {
    const e = new Set<string>(Object.keys(sales.shares));
    const p = new Set<string>();
    for (const o of outlets) {
      e.add(o.supplier).add(o.buyer);
      p.add(o.product);
      for (const a of o.alternatives) e.add(a.enterprise);
    }
    return { e: [...e].sort(), p: [...p].sort() };
  }, [sales, outlets]);
  const labels = useLabels(ids.e, ids.p);
  const money = (v: number | null) => (v === null ? '—' : number(v, { maximumFractionDigits: 0 }));
  const pct = (v: number | null) => (v === null ? '—' : percent(v));
  const valued = outlets.some((o) => o.value !== null);
  const members = Object.entries(sales.shares)
    .filter(([, s]) => s !== null)
    .sort((a, b) => (a[1] as number) - (b[1] as number) || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10);

  return (
    <section aria-labelledby="sales-h" data-testid="sales">
      <h3 id="sales-h">{t('salesTitle')}</h3>
      <p className="muted small">{t('salesLead')}</p>
      {/* No valued sale: the four figures would all be a dash or 0, so one sentence says why. */}
      {sales.share === null && !sales.total ? (
        <p data-testid="no-sales-value">{tu('noSalesValue')}</p>
      ) : (
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('salesToSolidarity')}</dt>
          <dd data-testid="sales-share">{pct(sales.share === null ? null : 1 - sales.share)}</dd>
        </div>
        <div className="stat">
          <dt>{t('soldOutside')}</dt>
          <dd data-testid="sales-value">{money(sales.value)}</dd>
        </div>
        <div className="stat">
          <dt>{t('soldOutsideNetwork')}</dt>
          <dd>{money(sales.outsideValue)}</dd>
        </div>
        <div className="stat">
          <dt>{t('salesTotal')}</dt>
          <dd>{money(sales.total)}</dd>
        </div>
      </dl>
      )}
      {members.length > 0 && (
        <details>
          <summary>{t('memberSales')}</summary>
          <ul className="plain-list">
            {members.map(([id, s]) => (
              <li key={id}>
                <Link to={`/enterprise/${encodeURIComponent(id)}`}>{enterpriseName(labels, id)}</Link> <span className="muted">{pct(s)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <h4>{t('outlets')}</h4>
      {outlets.length === 0 ? (
        <p>{t('noOutlets')}</p>
      ) : (
        <div className="net-table-wrap">
          <table className="table" data-testid="outlets">
            <caption className="sr-only">{t('outlets')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('seller')}</th>
                <th scope="col">{t('buyer')}</th>
                <th scope="col">{t('product')}</th>
                {valued && <th scope="col" className="num">{t('value')}</th>}
                <th scope="col">{t('alternatives')}</th>
              </tr>
            </thead>
            <tbody>
              {outlets.map((o) => (
                <tr key={o.flow} data-flow={o.flow}>
                  <td><Link to={`/planner/${encodeURIComponent(o.supplier)}`}>{enterpriseName(labels, o.supplier)}</Link></td>
                  <td>{enterpriseName(labels, o.buyer)}</td>
                  <td>
                    {productName(labels, o.product, lang)}
                    {o.quantity === null && <span className="muted small"> ({t('unknownQuantity')})</span>}
                  </td>
                  {valued && <td className="num">{money(o.value)}</td>}
                  <td>
                    <OutletAlternatives outlet={o} labels={labels} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
