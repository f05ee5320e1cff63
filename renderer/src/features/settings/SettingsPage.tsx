import { defineMessages, languageNames, languages, useI18n, useMessages, type Lang } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';

const messages = defineMessages({
  en: { title: 'Settings', language: 'Language', about: 'About this catalogue', file: 'File', version: 'Version', schema: 'Schema version', host: 'Running as', desktop: 'desktop app', server: 'browser (teia serve)', cli: 'command line', theme: 'The colours follow your system’s light or dark setting.' },
  es: { title: 'Ajustes', language: 'Idioma', about: 'Sobre este catálogo', file: 'Archivo', version: 'Versión', schema: 'Versión del esquema', host: 'Se ejecuta como', desktop: 'aplicación de escritorio', server: 'navegador (teia serve)', cli: 'línea de órdenes', theme: 'Los colores siguen el modo claro u oscuro de su sistema.' },
  pt: { title: 'Configurações', language: 'Idioma', about: 'Sobre este catálogo', file: 'Arquivo', version: 'Versão', schema: 'Versão do esquema', host: 'Executando como', desktop: 'aplicativo de desktop', server: 'navegador (teia serve)', cli: 'linha de comando', theme: 'As cores seguem o modo claro ou escuro do seu sistema.' },
  fr: { title: 'Réglages', language: 'Langue', about: 'À propos de ce catalogue', file: 'Fichier', version: 'Version', schema: 'Version du schéma', host: 'Exécuté comme', desktop: 'application de bureau', server: 'navigateur (teia serve)', cli: 'ligne de commande', theme: 'Les couleurs suivent le mode clair ou sombre de votre système.' },
});

export default function SettingsPage() {
  const t = useMessages(messages);
  const { lang, setLang } = useI18n();
  const info = useQuery('app-info', {});
  return (
    <section>
      <h1>{t('title')}</h1>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('language')}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            {languages.map((l) => (
              <option key={l} value={l}>{languageNames[l]}</option>
            ))}
          </select>
        </label>
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
    </section>
  );
}
