import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { pageMessages } from './page-messages.ts';
import { chainMessages } from '../chains/messages.ts';
import { RelationForm, type RelationDraft, type RelationKind } from '../chains/RelationForm.tsx';
import { removeFlow, removeNeed, removeOffer, type Undo } from '../chains/records.ts';

type Relations = MethodOutput<'enterprise-relations'>;
type Product = Relations['offers'][number]['product'];

/**
 * Offers, needs, suppliers and buyers: each product and each other enterprise is a link.
 * With `onChange`, each list can be added to, and each row edited or removed; every change
 * hands the page its undo.
 */
export function EnterpriseRelations({
  relations,
  enterprise,
  onChange,
}: {
  relations: Relations;
  enterprise?: { id: string; name: string };
  onChange?(note: string, undo: Undo): void;
}) {
  const t = useMessages(pageMessages);
  const tc = useMessages(chainMessages);
  const { lang, number } = useI18n();
  /** Which row is being edited ("supplier:12"), or which list has its add form open ("supplier:new"). */
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = Boolean(onChange && enterprise);
  const productName = (p: Product) => p.names[lang] ?? p.name;
  const productLink = (p: Product) => <Link to={`/search?product=${encodeURIComponent(p.id)}`}>{productName(p)}</Link>;
  const amount = (n: number | null, currency?: string | null) =>
    n === null ? <span className="muted">{t('none')}</span> : `${number(n)}${currency ? ` ${currency}` : ''}`;

  const done = (note: string, undo: Undo) => {
    setOpen(null);
    setError(null);
    onChange?.(note, undo);
  };
  const remove = async (what: string, run: () => Promise<Undo>) => {
    try {
      done(tc('removed', { what }), await run());
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const form = (kind: RelationKind, initial?: RelationDraft) =>
    enterprise && (
      <RelationForm kind={kind} enterprise={enterprise} initial={initial} autoFocus onDone={done} onCancel={() => setOpen(null)} />
    );

  /** The last cell of a row: Edit and Remove, each naming what it acts on for a screen reader. */
  const actions = (key: string, what: string, onRemove: () => void) =>
    editable && (
      <td className="row-actions">
        <button type="button" aria-label={tc('editRow', { what })} onClick={() => setOpen(key)}>
          {tc('edit')}
        </button>
        <button type="button" className="danger" aria-label={tc('removeRow', { what })} onClick={onRemove}>
          {tc('remove')}
        </button>
      </td>
    );

  const section = (kind: RelationKind, title: string, addLabel: string, count: number, head: string[], rows: ReactNode) => (
    <section className={editable && (kind === 'supplier' || kind === 'buyer') ? 'relation wide' : 'relation'} aria-label={title}>
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
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">{tc('actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      )}
      {editable &&
        (open === `${kind}:new` ? (
          form(kind)
        ) : (
          <button type="button" className="add-row" onClick={() => setOpen(`${kind}:new`)}>
            + {addLabel}
          </button>
        ))}
    </section>
  );

  /** A row, or its edit form in place of it. */
  const row = (key: string, cells: ReactNode, colSpan: number, editForm: () => ReactNode) =>
    open === key ? (
      <tr key={key}>
        <td colSpan={colSpan}>{editForm()}</td>
      </tr>
    ) : (
      <tr key={key}>{cells}</tr>
    );

  const trades = (kind: 'supplier' | 'buyer', list: Relations['suppliers']) =>
    list.map((f) => {
      const key = `${kind}:${f.row}`;
      const what = `${f.enterprise.name} · ${productName(f.product)}`;
      return row(
        key,
        <>
          <td>
            <Link to={`/enterprise/${encodeURIComponent(f.enterprise.id)}`}>{f.enterprise.name}</Link>{' '}
            <SolidarityBadge solidarity={f.enterprise.solidarity} />
          </td>
          <td>{productLink(f.product)}</td>
          <td className="num">{f.quantity === null ? '—' : number(f.quantity)}</td>
          <td className="num">{amount(f.value, f.currency)}</td>
          {actions(key, what, () => void remove(what, () => removeFlow(f.row)))}
        </>,
        5,
        () =>
          form(kind, {
            row: f.row,
            product: { id: f.product.id, name: productName(f.product) },
            other: { id: f.enterprise.id, name: f.enterprise.name },
            quantity: f.quantity,
            value: f.value,
            currency: f.currency,
            period: f.period,
          }),
      );
    });

  return (
    <div className="relations">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {section(
        'offer',
        t('offers'),
        tc('addOffer'),
        relations.offers.length,
        [t('product'), t('capacity'), t('price')],
        relations.offers.map((o) => {
          const key = `offer:${o.row}`;
          return row(
            key,
            <>
              <td>{productLink(o.product)}</td>
              <td className="num">{amount(o.capacity)}</td>
              <td className="num">{amount(o.price, o.currency)}</td>
              {actions(key, productName(o.product), () => void remove(productName(o.product), () => removeOffer(o.row)))}
            </>,
            4,
            () =>
              form('offer', { row: o.row, product: { id: o.product.id, name: productName(o.product) }, capacity: o.capacity, price: o.price, currency: o.currency }),
          );
        }),
      )}
      {section(
        'need',
        t('needs'),
        tc('addNeed'),
        relations.needs.length,
        [t('product'), t('quantity')],
        relations.needs.map((n) => {
          const key = `need:${n.row}`;
          return row(
            key,
            <>
              <td>{productLink(n.product)}</td>
              <td className="num">{number(n.quantity)}</td>
              {actions(key, productName(n.product), () => void remove(productName(n.product), () => removeNeed(n.row)))}
            </>,
            3,
            () => form('need', { row: n.row, product: { id: n.product.id, name: productName(n.product) }, quantity: n.quantity }),
          );
        }),
      )}
      {section('supplier', t('suppliers'), tc('addSupplier'), relations.suppliers.length, [t('enterprise'), t('product'), t('quantity'), t('value')], trades('supplier', relations.suppliers))}
      {section('buyer', t('buyers'), tc('addBuyer'), relations.buyers.length, [t('enterprise'), t('product'), t('quantity'), t('value')], trades('buyer', relations.buyers))}
      {relations.truncated && <p className="muted small">{t('truncated')}</p>}
    </div>
  );
}
