import { useMemo, useState } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { call, errorMessage } from '../../api/client.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { formatQuantity } from '../../i18n/units.ts';
import { useMoney } from '../../components/money.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { unvaluedMessages } from './unvalued-messages.ts';
import { productName, useLabels } from './useLabels.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';

const shown = 5;

/** "12,50", "12.50", "1 200,5", "1,200.5": a price as people type it in their language. */
export function parsePrice(text: string): number | null {
  let s = text.replace(/[\s\u00A0\u202F]/g, '');
  if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else s = s.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && Number.isFinite(n) ? n : null;
}

/**
 * Says which flows the engine cannot value and offers the fix in place (issue 15): a price per
 * unit for a product values all its flows that have a quantity (value = quantity × price,
 * ENGINE.md §2), in the catalogue's currency of account; the change can be undone.
 */
export function UnvaluedFix({ network, noMoney, onChanged }: { network: string | null; noMoney: boolean; onChanged(): void }) {
  const t = useMessages(unvaluedMessages);
  const { lang } = useI18n();
  const { code, money } = useMoney();
  const list = useQuery('flows-unvalued', { network });
  const products = useMemo(() => list.data?.products ?? [], [list.data]);
  const labels = useLabels([], products.slice(0, shown).map((p) => p.product));
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [currency, setCurrency] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ note: string; previous: MethodOutput<'product-flows-price'>['previous'] } | null>(null);
  const [busy, setBusy] = useState(false);

  const total = list.data?.total ?? 0;
  if (!list.data || (total === 0 && !done)) return null;
  const priceable = products.filter((p) => p.priceable > 0);
  const noQuantity = products.reduce((s, p) => s + p.flows - p.priceable, 0);
  const name = (id: string) => productName(labels, id, lang);
  const unitOf = (id: string) => {
    const unit = labels.products[id]?.unit;
    return unit ? formatQuantity(lang, 1, unit).replace(/^[\d\s.,\u202F\u00A0]+/, '') : t('unit');
  };

  const apply = async (product: string) => {
    setError(null);
    const price = parsePrice(prices[product] ?? '');
    if (price === null) return setError(t('badPrice'));
    const cur = code ?? (currency.trim().toUpperCase() || null);
    if (cur !== null && !/^[A-Z]{3}$/.test(cur)) return setError(t('badCurrency'));
    setBusy(true);
    try {
      const out = await call('product-flows-price', { product, price, currency: cur, network });
      setDone({ note: t('valued', { count: out.valued, product: name(product), price: code ? money(price) : `${price}${cur ? ` ${cur}` : ''}` }), previous: out.previous });
      setPrices((p) => ({ ...p, [product]: '' }));
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    if (!done) return;
    setBusy(true);
    try {
      await call('flow-values-restore', { flows: done.previous });
      setDone({ note: t('undone'), previous: [] });
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="unvalued-fix" data-testid="unvalued-fix" aria-label={t('flowsOf', { count: total })}>
      {total > 0 && (
        <p data-testid="unvalued-sentence">
          {priceable.length === 1 && products.length === 1 ? t('one', { count: total, product: name(priceable[0].product) }) : t('many', { count: total })}
          {noMoney && <> {t('noMoney')}</>}
        </p>
      )}
      {priceable.slice(0, shown).map((p) => (
        <form
          key={p.product}
          className="price-fix"
          onSubmit={(e) => {
            e.preventDefault();
            void apply(p.product);
          }}
        >
          <label className="field">
            <span>
              {t('price', { product: name(p.product), unit: unitOf(p.product) })}
              {code ? ` (${code})` : ''}
            </span>
            <input inputMode="decimal" value={prices[p.product] ?? ''} onChange={(e) => setPrices((x) => ({ ...x, [p.product]: e.target.value }))} />
          </label>
          {!code && (
            <label className="field">
              <span>{t('currency')}</span>
              <input value={currency} maxLength={3} size={5} onChange={(e) => setCurrency(e.target.value)} />
            </label>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('apply', { count: p.priceable })}
          </button>
        </form>
      ))}
      {priceable.length > shown && <p className="muted small">{t('moreProducts', { count: priceable.length - shown })}</p>}
      {noQuantity > 0 && <p className="muted small">{t('noQuantity', { count: noQuantity })}</p>}
      {done && (
        <div className="undo-bar" role="status">
          <span data-testid="price-status">{done.note}</span>
          {done.previous.length > 0 && (
            <button type="button" disabled={busy} onClick={() => void undo()}>
              {t('undo')}
            </button>
          )}
        </div>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
