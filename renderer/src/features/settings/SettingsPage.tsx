import { defineMessages, languageNames, languages, useI18n, useMessages, type Lang } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { BackupsPanel } from '../backups/BackupsPanel.tsx';
import { SharePanel } from '../share/SharePanel.tsx';

const messages = defineMessages({
  en: { title: 'Settings', language: 'Language', about: 'About this catalogue', file: 'File', version: 'Version', schema: 'Schema version', host: 'Running as', desktop: 'desktop app', server: 'browser (teia serve)', cli: 'command line', theme: 'The colours follow your system’s light or dark setting.', languageHint: 'Numbers, prices and dates follow the language chosen here. Until you choose, Teia uses your system’s language.' },
  es: { title: 'Ajustes', language: 'Idioma', about: 'Sobre este catálogo', file: 'Archivo', version: 'Versión', schema: 'Versión del esquema', host: 'Se ejecuta como', desktop: 'aplicación de escritorio', server: 'navegador (teia serve)', cli: 'línea de órdenes', theme: 'Los colores siguen el modo claro u oscuro de su sistema.', languageHint: 'Los números, precios y fechas siguen el idioma elegido aquí. Mientras no elija, Teia usa el idioma de su sistema.' },
  pt: { title: 'Configurações', language: 'Idioma', about: 'Sobre este catálogo', file: 'Arquivo', version: 'Versão', schema: 'Versão do esquema', host: 'Executando como', desktop: 'aplicativo de desktop', server: 'navegador (teia serve)', cli: 'linha de comando', theme: 'As cores seguem o modo claro ou escuro do seu sistema.', languageHint: 'Números, preços e datas seguem o idioma escolhido aqui. Enquanto você não escolher, a Teia usa o idioma do seu sistema.' },
  fr: { title: 'Réglages', language: 'Langue', about: 'À propos de ce catalogue', file: 'Fichier', version: 'Version', schema: 'Version du schéma', host: 'Exécuté comme', desktop: 'application de bureau', server: 'navigateur (teia serve)', cli: 'ligne de commande', theme: 'Les couleurs suivent le mode clair ou sombre de votre système.', languageHint: 'Les nombres, prix et dates suivent la langue choisie ici. Tant que vous n’avez pas choisi, Teia utilise la langue de votre système.' },
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
