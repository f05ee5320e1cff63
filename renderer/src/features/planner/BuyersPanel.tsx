import { useMemo } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { defineMessages } from '../../i18n/index.tsx';
import { enterpriseName, productName, useLabels } from '../network/useLabels.ts';
import { OutletAlternatives } from '../network/OutletAlternatives.tsx';
import type { AnalyseOutput } from '../../../../shared/contract/engine.ts';

const messages = defineMessages({
  en: {
    title: 'Who buys from us', lead: 'What this enterprise sells to non-solidarity buyers, biggest and least solidarity first, with solidarity enterprises that could buy it instead.',
    share: 'Share of sales to solidarity buyers: {share}.', noShare: 'No valued sales recorded.', none: 'It sells nothing to non-solidarity buyers.',
    buyer: 'Buyer', product: 'Product', value: 'Value', instead: 'Could buy instead',
  },
  es: {
    title: 'Quién nos compra', lead: 'Lo que este emprendimiento vende a compradores no solidarios, los mayores y menos solidarios primero, con emprendimientos solidarios que podrían comprarlo en su lugar.',
    share: 'Parte de las ventas a compradores solidarios: {share}.', noShare: 'No hay ventas valoradas registradas.', none: 'No vende nada a compradores no solidarios.',
    buyer: 'Comprador', product: 'Producto', value: 'Valor', instead: 'Podrían comprar en su lugar',
  },
  pt: {
    title: 'Quem compra de nós', lead: 'O que este empreendimento vende a compradores não solidários, os maiores e menos solidários primeiro, com empreendimentos solidários que poderiam comprar no lugar deles.',
    share: 'Parcela das vendas a compradores solidários: {share}.', noShare: 'Nenhuma venda valorada registrada.', none: 'Não vende nada a compradores não solidários.',
    buyer: 'Comprador', product: 'Produto', value: 'Valor', instead: 'Poderiam comprar no lugar',
  },
  fr: {
    title: 'Qui nous achète', lead: 'Ce que cette entreprise vend à des acheteurs non solidaires, les plus gros et les moins solidaires d’abord, avec les entreprises solidaires qui pourraient l’acheter à leur place.',
    share: 'Part des ventes à des acheteurs solidaires : {share}.', noShare: 'Aucune vente valorisée enregistrée.', none: 'Elle ne vend rien à des acheteurs non solidaires.',
    buyer: 'Acheteur', product: 'Produit', value: 'Valeur', instead: 'Pourraient acheter à la place',
  },
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
