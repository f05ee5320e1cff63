import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVocab } from '../../scripts/build-vocab.ts';
import { buildTaxonomy } from '../../scripts/build-taxonomy.ts';
import type { Vocab } from '../../shared/domain/vocab.ts';
import { packageSchema } from '../../shared/domain/package.ts';
import { repoRoot, sharedDir } from '../helpers/tmp.ts';

const shippedVocab = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'vocab', 'essglobal.json'), 'utf8')) as Vocab;
const shippedHs = packageSchema.parse(JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'taxonomy', 'hs.json'), 'utf8')));
const sharedData = path.join(sharedDir, 'data');

describe('shipped data', () => {
  it('has the 301 ESSGLOBAL concepts of 13 schemes, every concept labelled in English', () => {
    expect(Object.keys(shippedVocab.schemes)).toHaveLength(13);
    const concepts = Object.values(shippedVocab.schemes).flatMap((s) => Object.entries(s.concepts));
    expect(concepts).toHaveLength(301);
    const unlabelled = concepts.filter(([, c]) => !c.en).map(([code]) => code);
    // territories-ica lists three sub-schemes with no labels in the source.
    expect(unlabelled.sort()).toEqual(['essglobal:countries-iso', 'essglobal:regions-ica', 'essglobal:super-regions-ica']);
    expect(shippedVocab.schemes['activities-ica'].concepts.ICA280).toMatchObject({ en: 'Other Services', es: 'Otros servicios' });
  });

  it('has an HS product forest: every parent defined before its children, coffee and cocoa where HS puts them', () => {
    const products = shippedHs.products ?? [];
    const seen = new Set<string>();
    for (const p of products) {
      if (p.parent) expect(seen.has(p.parent)).toBe(true);
      seen.add(p.id);
    }
    expect(products.filter((p) => p.id.startsWith('hs-section-'))).toHaveLength(21);
    expect(products.find((p) => p.id === 'hs-0901')).toMatchObject({ parent: 'hs-09', codes: { hs: '0901' } });
    expect(products.find((p) => p.id === 'hs-0901')?.name).toMatch(/^Coffee/);
    expect(products.find((p) => p.id === 'hs-1801')?.name).toMatch(/^Cocoa beans/);
    expect(products.every((p) => !/^hs-\d{6}$/.test(p.id))).toBe(true);
  });

  it('is exactly what the build scripts make from the team data folder', (ctx) => {
    if (!fs.existsSync(sharedData)) {
      console.log(`Skipped: ${sharedData} is not present (the team data folder sits beside the repository).`);
      ctx.skip();
    }
    expect(buildVocab(sharedData)).toEqual(shippedVocab);
    expect(buildTaxonomy(sharedData)).toEqual(shippedHs);
  });
});
