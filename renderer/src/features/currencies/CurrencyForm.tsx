import { useState, type FormEvent } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Autocomplete, type Picked } from '../chains/Autocomplete.tsx';
import { CURRENCY_BACKINGS, CURRENCY_KINDS } from '../../../../shared/domain/package.ts';
import type { CurrencyFields, StoredCurrency } from '../../../../shared/contract/currencies.ts';
import { currencyMessages } from './messages.ts';
import { useCurrencyWords } from './words.ts';
import { ProductPicker } from './ProductPicker.tsx';

interface Props {
  /** The currency edited, with its issuer's and products' names; absent for a new one. */
  initial?: { currency: StoredCurrency; issuer: Picked | null; products: Picked[] };
  saving: boolean;
  error: string | null;
  onSave(fields: CurrencyFields, id: string | undefined): void;
  onCancel(): void;
}

/**
 * A currency's definition: name, kind, unit, rate, backing, issuer (an enterprise, picked with
 * the search's autocomplete), description and the products it may pay for. The form checks
 * what it can in the person's language; the core checks the records it names.
 */
export function CurrencyForm({ initial, saving, error, onSave, onCancel }: Props) {
  const t = useMessages(currencyMessages);
  const words = useCurrencyWords();
  const { number } = useI18n();
  const c = initial?.currency;
  const [issuer, setIssuer] = useState<Picked | null>(initial?.issuer ?? null);
  const [products, setProducts] = useState<Picked[]>(initial?.products ?? []);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = String(f.get(k) ?? '').trim();
      return v ? v : undefined;
    };
    const name = text('name');
    const kind = text('kind') as CurrencyFields['kind'] | undefined;
    const rateText = text('rate');
    const rate = rateText === undefined ? undefined : Number(rateText.replace(',', '.'));
    if (!name) return setProblem(t('nameRequired'));
    if (!kind) return setProblem(t('kindRequired'));
    if (rate !== undefined && !(Number.isFinite(rate) && rate > 0)) return setProblem(t('rateInvalid'));
    setProblem(null);
    const fields: CurrencyFields = { name, kind };
    const unit = text('unit');
    if (unit) fields.unit = unit;
    if (rate !== undefined) fields.rate = rate;
    const backing = text('backing') as CurrencyFields['backing'];
    if (backing) fields.backing = backing;
    if (issuer) fields.issuer = issuer.id;
    const description = text('description');
    if (description) fields.description = description;
    if (products.length) fields.products = products.map((p) => p.id);
    onSave(fields, c ? c.id : text('code'));
  };

  const shown = problem ?? error;
  return (
    <form className="form currency-form" onSubmit={submit} noValidate aria-label={c ? t('formEdit', { name: c.name }) : t('formNew')}>
      <div className="row">
        <label>
          {t('name')}
          <input name="name" defaultValue={c?.name ?? ''} maxLength={200} required autoFocus />
        </label>
        {!c && (
          <label>
            {t('code')} <span className="muted small">({t('codeHint')})</span>
            <input name="code" maxLength={200} />
          </label>
        )}
        <label>
          {t('kind')}
          <select name="kind" defaultValue={c?.kind ?? ''} required>
            <option value="">{t('chooseKind')}</option>
            {CURRENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {words.kind(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {t('unit')} <span className="muted small">({t('unitHint')})</span>
          <input name="unit" defaultValue={c?.unit ?? ''} maxLength={40} />
        </label>
        <label>
          {t('rate')} <span className="muted small">({t('rateHint')})</span>
          <input name="rate" inputMode="decimal" defaultValue={c?.rate == null ? '' : number(c.rate, { maximumFractionDigits: 6, useGrouping: false })} />
        </label>
        <label>
          {t('backing')}
          <select name="backing" defaultValue={c?.backing ?? ''}>
            <option value="">{t('notRecorded')}</option>
            {CURRENCY_BACKINGS.map((b) => (
              <option key={b} value={b}>
                {words.backing(b)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Autocomplete kind="enterprise" label={t('issuerPick')} value={issuer} onChange={setIssuer} allowCreate={false} />
      <label>
        {t('description')}
        <textarea name="description" rows={3} defaultValue={c?.description ?? ''} maxLength={5000} />
      </label>
      <ProductPicker label={t('productsField')} hint={t('productsHint')} value={products} onChange={setProducts} />
      {shown && (
        <p className="error" role="alert">
          {shown}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('saving') : c ? t('save') : t('create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
