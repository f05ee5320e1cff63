import { useState, type FormEvent } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { useMessages } from '../../i18n/index.tsx';
import { useRoute } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { enterpriseMessages } from './messages.ts';

/** A short form for the fields people know first; the enterprise page edits the rest. */
export default function NewEnterprisePage() {
  const t = useMessages(enterpriseMessages);
  const { navigate } = useRoute();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = String(f.get(k) ?? '').trim();
      return v ? v : undefined;
    };
    const num = (k: string) => (text(k) === undefined ? undefined : Number(text(k)));
    setSaving(true);
    setError(null);
    try {
      const { id } = await call('enterprise-create', {
        name: text('name') ?? '',
        solidarity: f.get('solidarity') === 'on',
        description: text('description'),
        locality: text('locality'),
        region: text('region'),
        country: text('country')?.toUpperCase(),
        lat: num('lat'),
        lon: num('lon'),
        website: text('website'),
        email: text('email'),
        phone: text('phone'),
      });
      navigate(`/enterprise/${encodeURIComponent(id)}`);
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <section>
      <h1>{t('newTitle')}</h1>
      <form className="form" onSubmit={onSubmit}>
        <label>{t('name')}<input name="name" required maxLength={500} autoFocus /></label>
        <label className="check"><input type="checkbox" name="solidarity" defaultChecked />{t('isSolidarity')}</label>
        <label>{t('description')}<textarea name="description" rows={3} /></label>
        <div className="row">
          <label>{t('locality')}<input name="locality" /></label>
          <label>{t('region')}<input name="region" /></label>
          <label>{t('country')}<input name="country" maxLength={2} pattern="[A-Za-z]{2}" /></label>
        </div>
        <div className="row">
          <label>{t('lat')}<input name="lat" type="number" step="any" min={-90} max={90} /></label>
          <label>{t('lon')}<input name="lon" type="number" step="any" min={-180} max={180} /></label>
        </div>
        <div className="row">
          <label>{t('website')}<input name="website" type="url" /></label>
          <label>{t('email')}<input name="email" type="email" /></label>
          <label>{t('phone')}<input name="phone" type="tel" /></label>
        </div>
        <ErrorNote error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>{saving ? t('saving') : t('save')}</button>
          <button type="button" onClick={() => history.back()}>{t('cancel')}</button>
        </div>
      </form>
    </section>
  );
}
