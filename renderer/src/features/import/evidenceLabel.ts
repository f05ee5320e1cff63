import type { Evidence } from '../../../../shared/domain/match.ts';
import type { mergeMessages } from './mergeMessages.ts';

type Key = keyof (typeof mergeMessages)['en'];
type T = (key: Key, params?: Record<string, string | number>) => string;

/** One reason of a match score in the reader's language; `a` is the imported record, `b` the catalogue's. */
export function evidenceLabel(e: Evidence, t: T, km: (x: number) => string): string {
  const p = { a: e.a ?? '–', b: e.b ?? '–' };
  const differs = e.verdict === 'different';
  switch (e.kind) {
    case 'id':
      return t('e_id');
    case 'source-id':
      return t('e_sourceId');
    case 'name':
      return e.verdict === 'same' ? t('e_nameSame') : t('e_nameSimilar', { pct: Math.round((e.value ?? 0) * 100) });
    case 'nickname':
      return differs ? t('e_nicknameDifferent', p) : t('e_nicknameSame');
    case 'numbers':
      return t('e_numbers', p);
    case 'town':
      return differs ? t('e_townDifferent', p) : t('e_townSame');
    case 'postcode':
      return differs ? t('e_postcodeDifferent', p) : t('e_postcodeSame');
    case 'country':
      return differs ? t('e_countryDifferent', p) : t('e_countrySame');
    case 'distance':
      return t('e_distance', { km: km(e.value ?? 0) });
    case 'phone':
      return t('e_phone');
    case 'email':
      return t('e_email');
    case 'website':
      return t('e_website');
    case 'registry':
      return differs ? t('e_registryDifferent', p) : t('e_registrySame');
  }
}
