import { z } from 'zod';
import { defineMethod } from './define.ts';
import { VOCAB_LANGS } from '../domain/vocab.ts';

export const vocabConceptSchema = z.object({
  code: z.string(),
  label: z.string(),
  broader: z.string().optional(),
  /** Set when the vocabulary has no label in the asked language: `label` is then the English one. */
  inEnglish: z.literal(true).optional(),
});

export const vocabSchemeSchema = z.object({
  /** Scheme name, e.g. activities-ica, organisational-structure, qualifiers. */
  id: z.string(),
  title: z.string(),
  /** In the vocabulary's own order (an array: numeric codes would reorder an object). */
  concepts: z.array(vocabConceptSchema),
});

/** The shipped vocabularies (ESSGLOBAL), labelled in the person's language. */
export const vocabMethods = {
  'vocab-get': defineMethod({
    summary:
      'The ESSGLOBAL vocabularies (activities, organisational structure, qualifiers…) with labels in one language (en, es, pt, fr; others fall back to English, then to the code).',
    write: false,
    input: z.object({ lang: z.string().min(2).max(35).default('en') }).strict(),
    output: z.object({
      /** The language the labels are in (a tag like pt-BR is answered in pt). */
      lang: z.enum(VOCAB_LANGS),
      schemes: z.array(vocabSchemeSchema),
    }),
  }),
};
