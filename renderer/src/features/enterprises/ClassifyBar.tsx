import { useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { defineMessages, useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';

const messages = defineMessages({
  en: { question: 'Nobody has said yet whether this is a solidarity enterprise; until then it counts as not solidarity.', yes: 'It is solidarity', no: 'It is not solidarity' },
  es: { question: 'Nadie ha dicho aún si es un emprendimiento solidario; hasta entonces cuenta como no solidario.', yes: 'Es solidario', no: 'No es solidario' },
  pt: { question: 'Ninguém disse ainda se este é um empreendimento solidário; até lá ele conta como não solidário.', yes: 'É solidário', no: 'Não é solidário' },
  fr: { question: 'Personne n’a encore dit si c’est une entreprise solidaire ; d’ici là elle compte comme non solidaire.', yes: 'Elle est solidaire', no: 'Elle n’est pas solidaire' },
});

/** On an enterprise an import left undecided: the decision, one click (the page reloads from the change event). */
export function ClassifyBar({ id }: { id: string }) {
  const t = useMessages(messages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decide = async (solidarity: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await call('enterprise-classify', { ids: [id], solidarity });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice classify-bar" role="region" aria-label={t('question')}>
      <p>{t('question')}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void decide(true)}>{t('yes')}</button>
        <button type="button" disabled={busy} onClick={() => void decide(false)}>{t('no')}</button>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
