import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { useMessages } from '../../i18n/index.tsx';
import type { Picked } from '../chains/Autocomplete.tsx';
import { currencyMessages } from './messages.ts';
import { useCurrencyError, useCurrencyWords } from './words.ts';
import { ProductPicker } from './ProductPicker.tsx';
import { shareOfPercent } from './EnterpriseCurrencies.tsx';
import '../chains/chains.css';
import './currencies.css';

/**
 * The directory's second bulk action: "these 12 enterprises accept Ipê, up to 50 %, for food"
 * (or no longer accept it). One call, one transaction; Undo puts each enterprise's entry back
 * exactly as it was (currency-acceptance-restore).
 */
export function AcceptBulkBar({ selected }: { selected: string[] }) {
  const t = useMessages(currencyMessages);
  const words = useCurrencyWords();
  const sentence = useCurrencyError();
  const currencies = useQuery('currency-list', {}).data?.currencies ?? [];
  const [currency, setCurrency] = useState('');
  const [share, setShare] = useState('');
  const [products, setProducts] = useState<Picked[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<(() => Promise<unknown>) | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = currency || currencies[0]?.id || '';
  const name = currencies.find((c) => c.id === chosen)?.name ?? chosen;

  const run = async (kind: 'accept' | 'unaccept') => {
    const part = shareOfPercent(share);
    if (kind === 'accept' && Number.isNaN(part)) return setError(t('shareRange'));
    setBusy(true);
    setError(null);
    try {
      const r =
        kind === 'accept'
          ? await call('currency-accept', { currency: chosen, enterprises: selected, ...(part === undefined ? {} : { share: part }), ...(products.length ? { products: products.map((p) => p.id) } : {}) })
          : await call('currency-unaccept', { currency: chosen, enterprises: selected });
      const terms = words.terms(part ?? null, products.length ? products.map((p) => ({ id: p.id, name: p.name, names: {} })) : null);
      setStatus(kind === 'accept' ? t('bulkAccepted', { count: r.changed, currency: name, terms }) : t('bulkUnaccepted', { count: r.changed, currency: name }));
      const previous = r.previous;
      setUndo(() => () => (r.changed ? call('currency-acceptance-restore', { currency: chosen, entries: previous }) : Promise.resolve()));
    } catch (err) {
      setError(sentence(err));
    } finally {
      setBusy(false);
    }
  };

  if ((!selected.length && !status) || currencies.length === 0) return null;
  return (
    <div className="bulk-bar" role="group" aria-label={t('bulkTitle')} data-testid="accept-bulk-bar">
      <strong>{t('bulkTitle')}</strong>
      <label>
        {t('bulkCurrency')}{' '}
        <select value={chosen} onChange={(e) => setCurrency(e.target.value)}>
          {currencies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('bulkShare')} <input type="text" inputMode="decimal" size={5} value={share} onChange={(e) => setShare(e.target.value)} placeholder="100" />
      </label>
      <ProductPicker label={t('bulkFor')} hint={t('forEmpty')} value={products} onChange={setProducts} />
      <button type="button" className="primary" disabled={busy || !selected.length || !chosen} onClick={() => void run('accept')}>
        {t('bulkAccept')}
      </button>
      <button type="button" disabled={busy || !selected.length || !chosen} onClick={() => void run('unaccept')}>
        {t('bulkUnaccept')}
      </button>
      <span role="status">
        {status}
        {undo && (
          <button
            type="button"
            onClick={() => {
              const u = undo;
              setUndo(null);
              u().then(
                () => setStatus(t('undone')),
                (err: unknown) => setError(sentence(err)),
              );
            }}
          >
            {t('undo')}
          </button>
        )}
      </span>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
