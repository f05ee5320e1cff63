import { useCallback, useMemo } from 'react';
import { useQuery } from '../api/hooks.ts';
import { useI18n } from '../i18n/index.tsx';

/** Where each kind of code is looked up, in order (a catalogue may use any ESSGLOBAL activity list). */
export const vocabSchemes = {
  activity: ['activities-ica', 'activities', 'activities-modified'],
  structure: ['organisational-structure'],
  qualifier: ['qualifiers'],
  legalForm: ['legal-form'],
} as const;
export type VocabKind = keyof typeof vocabSchemes;

export interface VocabLabels {
  /** The label of a code in the person's language; the code itself when no vocabulary knows it. */
  label(kind: VocabKind, code: string): string;
  /**
   * Every concept of one scheme of a kind, for pickers: [code, label]. The scheme is the one
   * that knows most of `inUse` (a record's codes), else the kind's first.
   */
  options(kind: VocabKind, inUse?: readonly string[]): [string, string][];
  /** True when the code's label is the English one because the vocabulary has none in the person's language. */
  inEnglish(kind: VocabKind, code: string): boolean;
  ready: boolean;
}

/**
 * Vocabulary labels (ESSGLOBAL, shipped with the app) in the chosen language, from vocab-get.
 * Until they arrive, codes show as codes rather than nothing.
 */
export function useVocab(): VocabLabels {
  const { lang } = useI18n();
  const q = useQuery('vocab-get', { lang });
  const { maps, english } = useMemo(() => {
    const m = new Map<string, Map<string, string>>();
    const en = new Set<string>();
    for (const s of q.data?.schemes ?? []) {
      m.set(s.id, new Map(s.concepts.map((c) => [c.code, c.label])));
      for (const c of s.concepts) if (c.inEnglish) en.add(`${s.id}\u0000${c.code}`);
    }
    return { maps: m, english: en };
  }, [q.data]);
  const label = useCallback(
    (kind: VocabKind, code: string) => {
      for (const s of vocabSchemes[kind]) {
        const l = maps.get(s)?.get(code);
        if (l) return l;
      }
      return code;
    },
    [maps],
  );
  const options = useCallback(
    (kind: VocabKind, inUse: readonly string[] = []) => {
      let best: string = vocabSchemes[kind][0];
      let bestCount = 0;
      for (const s of vocabSchemes[kind]) {
        const known = inUse.filter((c) => maps.get(s)?.has(c)).length;
        if (known > bestCount) [best, bestCount] = [s, known];
      }
      return [...(maps.get(best)?.entries() ?? [])];
    },
    [maps],
  );
  const inEnglish = useCallback(
    (kind: VocabKind, code: string) => {
      for (const s of vocabSchemes[kind]) if (maps.get(s)?.has(code)) return english.has(`${s}\u0000${code}`);
      return false;
    },
    [maps, english],
  );
  return useMemo(() => ({ label, options, inEnglish, ready: Boolean(q.data) }), [label, options, inEnglish, q.data]);
}

/** "BR" → "Brazil" / "Brasil" in the person's language; the code when the browser does not know it. */
export function useCountryName(): (code: string) => string {
  const { locale } = useI18n();
  const names = useMemo(() => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      return null;
    }
  }, [locale]);
  return useCallback(
    (code: string) => {
      if (!/^[A-Za-z]{2}$/.test(code)) return code;
      try {
        return names?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    [names],
  );
}
