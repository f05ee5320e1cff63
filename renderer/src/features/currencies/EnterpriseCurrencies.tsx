import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useLabels } from '../network/useLabels.ts';
import { Link } from '../../app/router.tsx';
import type { Picked } from '../chains/Autocomplete.tsx';
import type { Acceptance } from '../../../../shared/domain/package.ts';
import { currencyMessages } from './messages.ts';
import { useCurrencyError } from './words.ts';
import { ProductPicker } from './ProductPicker.tsx';
import './currencies.css';

interface Row {
  currency: string;
  /** As typed, in percent ("50", "12,5"); empty = the whole price. */
  share: string;
  products: Picked[];
}

/** The share typed in percent as a part of a price, undefined when empty; NaN when it is not a share in (0, 100]. */
export function shareOfPercent(text: string): number | undefined {
  const s = text.trim().replace('%', '').replace(',', '.').trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n > 0 && n <= 100 ? n / 100 : NaN;
}

/**
 * On an enterprise's page: edit what it accepts (currency, share of a price, products). Saved
 * as one list (enterprise-currencies-set); the page's Undo puts the previous list back.
 */
export function EnterpriseCurrencies({ enterprise, list, onChange }: { enterprise: string; list: Acceptance[]; onChange(note: string, takeBack: () => Promise<unknown>): void }) {
  const t = useMessages(currencyMessages);
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <p>
        <button type="button" onClick={() => setEditing(true)}>
          {t('acceptsEdit')}
        </button>
      </p>
    );
  }
  return (
    <AcceptsEditor
      enterprise={enterprise}
      list={list}
      onDone={(note, takeBack) => {
        setEditing(false);
        if (note && takeBack) onChange(note, takeBack);
      }}
    />
  );
}

function AcceptsEditor({ enterprise, list, onDone }: { enterprise: string; list: Acceptance[]; onDone(note?: string, takeBack?: () => Promise<unknown>): void }) {
  const t = useMessages(currencyMessages);
  const sentence = useCurrencyError();
  const { number } = useI18n();
  const currencies = useQuery('currency-list', {}).data?.currencies ?? [];
  const productIds = [...new Set(list.flatMap((a) => (typeof a === 'string' ? [] : (a.products ?? []))))].sort();
  const labels = useLabels([], productIds);
  const { lang } = useI18n();
  const productPicked = (id: string): Picked => ({ id, name: labels.products[id]?.names[lang] ?? labels.products[id]?.name ?? id });
  const [rows, setRows] = useState<Row[]>(() =>
    list.map((a) =>
      typeof a === 'string'
        ? { currency: a, share: '', products: [] }
        : { currency: a.currency, share: a.share === undefined ? '' : number(a.share * 100, { maximumFractionDigits: 4, useGrouping: false }), products: (a.products ?? []).map((id) => ({ id, name: id })) },
    ),
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Product names arrive after the rows are made: show them by name as soon as they do.
  const named = (p: Picked) => (p.name === p.id ? productPicked(p.id) : p);
  const unused = currencies.filter((c) => !rows.some((r) => r.currency === c.id));
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    const next: Acceptance[] = [];
    for (const r of rows) {
      const share = shareOfPercent(r.share);
      if (Number.isNaN(share)) return setError(t('shareRange'));
      next.push(share === undefined && r.products.length === 0 ? r.currency : { currency: r.currency, ...(share === undefined ? {} : { share }), ...(r.products.length ? { products: r.products.map((p) => p.id) } : {}) });
    }
    setSaving(true);
    setError(null);
    try {
      const { previous } = await call('enterprise-currencies-set', { enterprise, currencies: next });
      onDone(t('acceptsSaved'), () => call('enterprise-currencies-set', { enterprise, currencies: previous }));
    } catch (err) {
      setError(sentence(err));
      setSaving(false);
    }
  };

  return (
    <form
      className="form accepts-editor"
      aria-label={t('acceptsEdit')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('acceptsEdit')}</h3>
      {rows.length === 0 && <p className="muted">{t('acceptsNone')}</p>}
      {rows.map((r, i) => {
        const name = currencies.find((c) => c.id === r.currency)?.name ?? r.currency;
        return (
          <div className="accepts-row" key={r.currency} data-currency={r.currency}>
            <strong>{name}</strong>
            <label>
              {t('sharePercent')} <span className="muted small">({t('shareEmpty')})</span>
              <input type="text" inputMode="decimal" value={r.share} onChange={(e) => set(i, { share: e.target.value })} />
            </label>
            <ProductPicker label={`${t('for')} (${t('forEmpty')})`} value={r.products.map(named)} onChange={(products) => set(i, { products })} />
            <button type="button" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
              {t('remove')}
            </button>
          </div>
        );
      })}
      {unused.length > 0 ? (
        <label>
          {t('acceptsAdd')}{' '}
          <select
            value=""
            onChange={(e) => {
              const currency = e.target.value;
              if (currency) setRows((rs) => [...rs, { currency, share: '', products: [] }]);
            }}
          >
            <option value="">{t('chooseKind')}</option>
            {unused.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        currencies.length === 0 && (
          <p className="muted">
            {t('noCurrencyYet')} <Link to="/currency/new">{t('newCurrency')}</Link>
          </p>
        )
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
