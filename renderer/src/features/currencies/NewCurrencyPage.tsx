import { useState } from 'react';
import { call } from '../../api/client.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useRoute } from '../../app/router.tsx';
import type { CurrencyFields } from '../../../../shared/contract/currencies.ts';
import { currencyMessages } from './messages.ts';
import { useCurrencyError } from './words.ts';
import { CurrencyForm } from './CurrencyForm.tsx';
import './currencies.css';

/** A new currency; saved, it opens its own page. */
export default function NewCurrencyPage() {
  const t = useMessages(currencyMessages);
  const sentence = useCurrencyError();
  const { navigate } = useRoute();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (fields: CurrencyFields, id: string | undefined) => {
    setSaving(true);
    setError(null);
    try {
      const { currency } = await call('currency-create', id ? { ...fields, id } : fields);
      navigate(`/currency/${encodeURIComponent(currency.id)}`);
    } catch (err) {
      setError(sentence(err));
      setSaving(false);
    }
  };
  return (
    <section>
      <h1>{t('formNew')}</h1>
      <CurrencyForm saving={saving} error={error} onSave={(f, id) => void save(f, id)} onCancel={() => history.back()} />
    </section>
  );
}
