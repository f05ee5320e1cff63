import { defineMessages, useMessages } from '../i18n/index.tsx';
import type { VocabKind, VocabLabels } from './vocab.ts';

const messages = defineMessages({
  en: { note: 'Some names of activities and structures are in English: the ESSGLOBAL vocabulary has no label for them in this language.' },
  es: { note: 'Algunos nombres de actividades y estructuras aparecen en inglés: el vocabulario ESSGLOBAL no los tiene en español.' },
  pt: { note: 'Alguns nomes de atividades e estruturas aparecem em inglês: o vocabulário ESSGLOBAL não os tem em português.' },
  fr: { note: 'Certains noms d’activités et de structures sont en anglais : le vocabulaire ESSGLOBAL ne les a pas en français.' },
});

/**
 * Said once per screen, not per item: which vocabulary labels fall back to English because
 * ESSGLOBAL has none in the person's language (Portuguese lacks the ICA activities and the
 * organisational structures, for example).
 */
export function VocabNote({ vocab, codes }: { vocab: VocabLabels; codes: [VocabKind, string | undefined | null][] }) {
  const t = useMessages(messages);
  if (!codes.some(([kind, code]) => code && vocab.inEnglish(kind, code))) return null;
  return (
    <p className="muted small" data-testid="vocab-note">
      {t('note')}
    </p>
  );
}
