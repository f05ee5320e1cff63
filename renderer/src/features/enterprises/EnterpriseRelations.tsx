import type { ReactNode } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { pageMessages } from './page-messages.ts';

type Relations = MethodOutput<'enterprise-relations'>;
type Product = Relations['offers'][number]['product'];

/** Offers, needs, suppliers and buyers: each product and each other enterprise is a link. */
export function EnterpriseRelations({ relations }: { relations: Relations }) {
  const t = useMessages(pageMessages);
  const { lang, number } = useI18n();
  const productLink = (p: Product) => (
    <Link to={`/search?product=${encodeURIComponent(p.id)}`}>{p.names[lang] ?? p.name}</Link>
  );
  const amount = (n: number | null, currency?: string | null) =>
    n === null ? <span className="muted">{t('none')}</span> : `${number(n)}${currency ? ` ${currency}` : ''}`;

  const section = (title: string, count: number, head: string[], rows: ReactNode) => (
    <section className="relation" aria-label={title}>
      <h3>
        {title} <span className="count">{number(count)}</span>
      </h3>
      {count === 0 ? (
        <p className="muted">{t('noneRecorded')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              {head.map((h, i) => (
                // Every column after the first holds numbers (or, for trades, the product then numbers).
                <th scope="col" key={h} className={i > 0 && !(head.length === 4 && i === 1) ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      )}
    </section>
  );

  const trades = (list: Relations['suppliers']) =>
    list.map((f, i) => (
      <tr key={f.flowId ?? i}>
        <td>
          <Link to={`/enterprise/${encodeURIComponent(f.enterprise.id)}`}>{f.enterprise.name}</Link>{' '}
          <SolidarityBadge solidarity={f.enterprise.solidarity} />
        </td>
        <td>{productLink(f.product)}</td>
        <td className="num">{f.quantity === null ? '—' : number(f.quantity)}</td>
        <td className="num">{amount(f.value, f.currency)}</td>
      </tr>
    ));

  return (
    <div className="relations">
      {section(
        t('offers'),
        relations.offers.length,
        [t('product'), t('capacity'), t('price')],
        relations.offers.map((o, i) => (
          <tr key={o.id ?? i}>
            <td>{productLink(o.product)}</td>
            <td className="num">{amount(o.capacity)}</td>
            <td className="num">{amount(o.price, o.currency)}</td>
          </tr>
        )),
      )}
      {section(
        t('needs'),
        relations.needs.length,
        [t('product'), t('quantity')],
        relations.needs.map((n, i) => (
          <tr key={n.id ?? i}>
            <td>{productLink(n.product)}</td>
            <td className="num">{number(n.quantity)}</td>
          </tr>
        )),
      )}
      {section(t('suppliers'), relations.suppliers.length, [t('enterprise'), t('product'), t('quantity'), t('value')], trades(relations.suppliers))}
      {section(t('buyers'), relations.buyers.length, [t('enterprise'), t('product'), t('quantity'), t('value')], trades(relations.buyers))}
      {relations.truncated && <p className="muted small">{t('truncated')}</p>}
    </div>
  );
}
