import { useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { downloadBase64 } from '../import/download.ts';

const messages = defineMessages({
  en: {
    title: 'Publish on Murmurations', lead: 'Profiles for the Murmurations network, one per enterprise, offer, need and currency, checked against its schemas. Put the unzipped folder on any web host, at the address you give here, then register it (teia publish).',
    baseUrl: 'Address the folder will have', run: 'Make the profiles (.zip)', working: 'Making the profiles…',
    done: '{written, plural, one {# profile} other {# profiles}} written to {file}.', refused: '{count, plural, one {# record was} other {# records were}} left out because its profile would not be valid:',
  },
  es: {
    title: 'Publicar en Murmurations', lead: 'Perfiles para la red Murmurations, uno por emprendimiento, oferta, necesidad y moneda, comprobados con sus esquemas. Suba la carpeta descomprimida a cualquier alojamiento web, en la dirección que indique aquí, y luego regístrela (teia publish).',
    baseUrl: 'Dirección que tendrá la carpeta', run: 'Crear los perfiles (.zip)', working: 'Creando los perfiles…',
    done: '{written, plural, one {# perfil escrito} other {# perfiles escritos}} en {file}.', refused: '{count, plural, one {# registro quedó fuera} other {# registros quedaron fuera}} porque su perfil no sería válido:',
  },
  pt: {
    title: 'Publicar no Murmurations', lead: 'Perfis para a rede Murmurations, um por empreendimento, oferta, necessidade e moeda, conferidos com os esquemas dela. Coloque a pasta descompactada em qualquer hospedagem web, no endereço que você indicar aqui, e depois registre-a (teia publish).',
    baseUrl: 'Endereço que a pasta terá', run: 'Gerar os perfis (.zip)', working: 'Gerando os perfis…',
    done: '{written, plural, one {# perfil gravado} other {# perfis gravados}} em {file}.', refused: '{count, plural, one {# registro ficou de fora} other {# registros ficaram de fora}} porque o perfil não seria válido:',
  },
  fr: {
    title: 'Publier sur Murmurations', lead: 'Des profils pour le réseau Murmurations, un par entreprise, offre, besoin et monnaie, vérifiés avec ses schémas. Mettez le dossier décompressé sur n’importe quel hébergement web, à l’adresse indiquée ici, puis enregistrez-le (teia publish).',
    baseUrl: 'Adresse qu’aura le dossier', run: 'Créer les profils (.zip)', working: 'Création des profils…',
    done: '{written, plural, one {# profil écrit} other {# profils écrits}} dans {file}.', refused: '{count, plural, one {# fiche a été laissée de côté} other {# fiches ont été laissées de côté}} parce que son profil ne serait pas valide :',
  },
});

/** The Murmurations export from the window: a zip of the profile folder, downloaded. */
export function MurmurationsExport() {
  const t = useMessages(messages);
  const [baseUrl, setBaseUrl] = useState('https://');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [refused, setRefused] = useState<{ record: string; reasons: string[] }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(t('working'));
    try {
      const r = await call('murmurations-export', { baseUrl });
      downloadBase64(r.fileName, 'application/zip', r.contentBase64);
      setDone(t('done', { written: r.written, file: r.fileName }));
      setRefused(r.refused);
    } catch (err) {
      setDone('');
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="murm-title">
      <h3 id="murm-title">{t('title')}</h3>
      <p className="muted">{t('lead')}</p>
      <form
        className="actions wrap"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('baseUrl')}{' '}
          <input type="url" required value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} size={40} />
        </label>
        <button type="submit" disabled={busy}>{t('run')}</button>
      </form>
      <p role="status" className="small">{done}</p>
      {refused.length > 0 && (
        <>
          <p>{t('refused', { count: refused.length })}</p>
          <ul>
            {refused.map((r) => (
              <li key={r.record}>
                {r.record}: {r.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
