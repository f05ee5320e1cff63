import type { Handlers } from '../dispatch.ts';
import { loadVocab } from '../catalogue/vocab.ts';
import { labelOf, schemeTitle, vocabLang } from '../../../shared/domain/vocab.ts';

export const vocabHandlers: Pick<Handlers, 'vocab-get'> = {
  'vocab-get': ({ lang }) => {
    const vocab = loadVocab();
    const l = vocabLang(lang);
    return {
      lang: l,
      schemes: Object.entries(vocab.schemes).map(([id, scheme]) => ({
        id,
        title: schemeTitle(vocab, id, l),
        concepts: Object.entries(scheme.concepts).map(([code, c]) => ({
          code,
          label: labelOf(vocab, id, code, l),
          ...(c.broader ? { broader: c.broader } : {}),
          ...(l !== 'en' && !c[l] && c.en ? { inEnglish: true as const } : {}),
        })),
      })),
    };
  },
};
