import { afterAll, describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core.ts';

describe('vocab-get: labels in the person language, and which ones are English for want of a translation', () => {
  const t = testCore({ sample: false });
  afterAll(() => t.close());
  const concept = async (lang: string, scheme: string, code: string) =>
    (await t.core.call('vocab-get', { lang })).schemes.find((s) => s.id === scheme)?.concepts.find((c) => c.code === code);

  it('gives Spanish and French structures in their language, unmarked', async () => {
    expect(await concept('es', 'organisational-structure', 'OS50')).toMatchObject({ label: 'Empresa (otra)' });
    expect((await concept('es', 'organisational-structure', 'OS50'))?.inEnglish).toBeUndefined();
    expect((await concept('fr', 'activities-ica', 'ICA10'))?.label).toBe('Agriculture');
    expect((await concept('fr', 'activities-ica', 'ICA10'))?.inEnglish).toBeUndefined();
  });

  it('marks the English fallback where ESSGLOBAL has no label (Portuguese structures), never in English itself', async () => {
    const pt = await concept('pt', 'organisational-structure', 'OS50');
    expect(pt).toMatchObject({ label: (await concept('en', 'organisational-structure', 'OS50'))?.label, inEnglish: true });
    expect((await concept('pt', 'activities', 'a01'))?.inEnglish).toBeUndefined();
    const en = await t.core.call('vocab-get', { lang: 'en' });
    expect(en.schemes.flatMap((s) => s.concepts).some((c) => c.inEnglish)).toBe(false);
  });
});
