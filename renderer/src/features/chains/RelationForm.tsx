import { useRef, useState, type Ref } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { Autocomplete, type Picked } from './Autocomplete.tsx';
import { amountText, parseAmount } from './amount.ts';
import { saveFlow, saveNeed, saveOffer, type Undo } from './records.ts';
import { chainMessages } from './messages.ts';

/** What an enterprise has: offers and needs of products, suppliers and buyers (flows). */
export type RelationKind = 'offer' | 'need' | 'supplier' | 'buyer';

/** A record as the form shows it (from enterprise-relations), or nothing for a new one. */
export interface RelationDraft {
  row: number;
  product: Picked;
  /** The other side of a flow. */
  other?: Picked;
  capacity?: number | null;
  price?: number | null;
  quantity?: number | null;
  value?: number | null;
  currency?: string | null;
  period?: string | null;
}

type Key = keyof (typeof chainMessages)['en'];

/**
 * One row's form: add (no `initial`) or edit. Picking a choice in an autocomplete moves the
 * focus on, and Enter in a box saves, so a row is typed without the mouse; after an add the
 * form empties and the focus goes back to its first box for the next row.
 */
export function RelationForm({
  kind,
  enterprise,
  initial,
  onDone,
  onCancel,
  autoFocus,
  labels,
}: {
  kind: RelationKind;
  enterprise: Picked;
  initial?: RelationDraft;
  onDone(note: string, undo: Undo): void;
  onCancel?(): void;
  autoFocus?: boolean;
  /** Other wording for the boxes (the interview asks "What do you buy?"). */
  labels?: Partial<Record<'product' | 'other' | 'quantity' | 'value', string>>;
}) {
  const t = useMessages(chainMessages);
  const { locale } = useI18n();
  const flow = kind === 'supplier' || kind === 'buyer';
  const [product, setProduct] = useState<Picked | null>(initial?.product ?? null);
  const [other, setOther] = useState<Picked | null>(initial?.other ?? null);
  const text = (n: number | null | undefined) => amountText(n, locale);
  const [capacity, setCapacity] = useState(text(initial?.capacity));
  const [price, setPrice] = useState(text(initial?.price));
  const [quantity, setQuantity] = useState(text(initial?.quantity));
  const [value, setValue] = useState(text(initial?.value));
  const [currency, setCurrency] = useState(initial?.currency ?? '');
  const [period, setPeriod] = useState(initial?.period ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);
  const numberBox = useRef<HTMLInputElement>(null);
  const focusLater = (el: { current: HTMLInputElement | null }) => requestAnimationFrame(() => el.current?.focus());

  const num = (s: string, label: string): number | undefined => {
    const n = parseAmount(s, locale);
    if (Number.isNaN(n)) throw new Error(t('notANumber', { field: label }));
    return n;
  };

  const submit = async () => {
    setError(null);
    let run: () => Promise<Undo>;
    try {
      if (!product) throw new Error(t('pickProduct'));
      if (flow && !other) throw new Error(t('pickEnterprise'));
      const cur = currency.trim() || undefined;
      if (kind === 'offer') {
        const fields = { enterprise: enterprise.id, product: product.id, capacity: num(capacity, t('capacity')), price: num(price, t('price')), currency: cur };
        run = () => saveOffer(initial?.row ?? null, fields);
      } else if (kind === 'need') {
        const q = num(quantity, t('quantity'));
        if (q === undefined) throw new Error(t('quantityNeeded'));
        run = () => saveNeed(initial?.row ?? null, { enterprise: enterprise.id, product: product.id, quantity: q });
      } else {
        const sides = kind === 'supplier' ? { supplier: other!.id, buyer: enterprise.id } : { supplier: enterprise.id, buyer: other!.id };
        const fields = {
          ...sides,
          product: product.id,
          quantity: num(quantity, t('quantity')),
          value: num(value, t('value')),
          price: num(price, t('unitPrice')),
          currency: cur,
          period: period.trim() || undefined,
        };
        run = () => saveFlow(initial?.row ?? null, fields);
      }
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    setSaving(true);
    try {
      const undo = await run();
      const added: Record<RelationKind, Key> = { offer: 'offerAdded', need: 'needAdded', supplier: 'supplierAdded', buyer: 'buyerAdded' };
      onDone(initial ? t('saved') : t(added[kind]), undo);
      if (!initial) {
        // Ready for the next row: the product and partner go, the currency and period stay.
        setProduct(null);
        setOther(null);
        setCapacity('');
        setPrice('');
        setQuantity('');
        setValue('');
        focusLater(first);
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const productBox = (
    <Autocomplete
      kind="product"
      label={labels?.product ?? t('product')}
      value={product}
      onChange={setProduct}
      onAdvance={() => (flow ? second : numberBox).current?.focus()}
      inputRef={first}
      autoFocus={autoFocus}
    />
  );
  const otherBox = flow && (
    <Autocomplete
      kind="enterprise"
      label={labels?.other ?? t(kind === 'supplier' ? 'supplier' : 'buyer')}
      value={other}
      exclude={enterprise.id}
      onChange={setOther}
      onAdvance={() => numberBox.current?.focus()}
      inputRef={second}
    />
  );

  return (
    <form
      className="relation-form"
      aria-label={initial ? t('editRow', { what: product?.name ?? '' }) : t(({ offer: 'addOffer', need: 'addNeed', supplier: 'addSupplier', buyer: 'addBuyer' } as const)[kind])}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
      }}
    >
      <div className="fields">
        {productBox}
        {otherBox}
        {kind === 'offer' && (
          <>
            <Field label={t('capacity')} value={capacity} onChange={setCapacity} inputRef={numberBox} numeric />
            <Field label={t('price')} value={price} onChange={setPrice} numeric />
            <Field label={t('currency')} value={currency} onChange={setCurrency} hint="BRL" />
          </>
        )}
        {kind === 'need' && <Field label={t('quantity')} value={quantity} onChange={setQuantity} inputRef={numberBox} numeric />}
        {flow && (
          <>
            <Field label={labels?.quantity ?? t('quantity')} value={quantity} onChange={setQuantity} inputRef={numberBox} numeric />
            <Field label={labels?.value ?? t('value')} value={value} onChange={setValue} numeric />
            <Field label={t('unitPrice')} value={price} onChange={setPrice} numeric />
            <Field label={t('currency')} value={currency} onChange={setCurrency} hint="BRL" />
            <Field label={t('period')} value={period} onChange={setPeriod} hint={t('periodHint')} />
          </>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('saving') : initial ? t('save') : t('add')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** A labelled box; a number box takes the decimal keyboard on touch screens. */
function Field({ label, value, onChange, inputRef, numeric, hint }: { label: string; value: string; onChange(v: string): void; inputRef?: Ref<HTMLInputElement>; numeric?: boolean; hint?: string }) {
  return (
    <label className="field narrow">
      <span>{label}</span>
      <input ref={inputRef} value={value} onChange={(e) => onChange(e.target.value)} inputMode={numeric ? 'decimal' : undefined} placeholder={hint} autoComplete="off" />
    </label>
  );
}
