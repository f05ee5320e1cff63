import { defineMessages, languageNames, languages, useI18n, useMessages, type Lang } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { BackupsPanel } from '../backups/BackupsPanel.tsx';
import { SharePanel } from '../share/SharePanel.tsx';

const messages = defineMessages('settings.settingsPage', {
  title: [],
  language: [],
  about: [],
  file: [],
  version: [],
  schema: [],
  host: [],
  desktop: [],
  server: [],
  cli: [],
  theme: [],
  languageHint: [],
});

export default function SettingsPage() {
  const t = useMessages(messages);
  const { lang, setLang } = useI18n();
  const info = useQuery('app-info', {});
  return (
    <section>
      <h1>{t('title')}</h1>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        {/* Label beside the select (not around it), so its name is "Language", not every option's text. */}
        <div className="settings-field">
          <label htmlFor="settings-language">{t('language')}</label>
          <select id="settings-language" value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-describedby="settings-language-hint">
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>{languageNames[l]}</option>
            ))}
          </select>
          <p id="settings-language-hint" className="muted small">{t('languageHint')}</p>
        </div>
      </form>
      <p className="muted">{t('theme')}</p>
      <h2>{t('about')}</h2>
      {info.data && (
        <dl className="facts">
          <dt>{t('file')}</dt><dd><code>{info.data.databasePath}</code></dd>
          <dt>{t('version')}</dt><dd>{info.data.version}</dd>
          <dt>{t('schema')}</dt><dd>{info.data.schemaVersion}</dd>
          <dt>{t('host')}</dt><dd>{t(info.data.host)}</dd>
        </dl>
      )}
      <SharePanel />
      {info.data && <BackupsPanel readOnly={info.data.readOnly} />}
    </section>
  );
}
