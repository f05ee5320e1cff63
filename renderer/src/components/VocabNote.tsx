import { defineMessages, useMessages } from '../i18n/index.tsx';
import type { VocabKind, VocabLabels } from './vocab.ts';

const messages = defineMessages('components.vocabNote', {
  note: [],
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
