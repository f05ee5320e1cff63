import { useMessages } from '../../i18n/index.tsx';
import { Autocomplete, type Picked } from '../chains/Autocomplete.tsx';
import { currencyMessages } from './messages.ts';

/** Products a currency or an acceptance is limited to: the picked ones as removable tags, and a box to add one (existing products only). */
export function ProductPicker({ label, hint, value, onChange }: { label: string; hint?: string; value: Picked[]; onChange(v: Picked[]): void }) {
  const t = useMessages(currencyMessages);
  return (
    <fieldset className="checks product-picker">
      <legend>{label}</legend>
      {hint && <p className="muted small">{hint}</p>}
      {value.length > 0 && (
        <ul className="tags">
          {value.map((p) => (
            <li key={p.id}>
              {p.name}{' '}
              <button type="button" className="link" aria-label={t('removeItem', { name: p.name })} onClick={() => onChange(value.filter((x) => x.id !== p.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Keyed by the count: a pick starts a clean box for the next product. */}
      <Autocomplete
        key={value.length}
        kind="product"
        label={t('addProduct')}
        value={null}
        allowCreate={false}
        onChange={(p) => p && !value.some((x) => x.id === p.id) && onChange([...value, p])}
      />
    </fieldset>
  );
}
