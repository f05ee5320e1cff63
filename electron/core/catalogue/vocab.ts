import fs from 'node:fs';
import type { Vocab } from '../../../shared/domain/vocab.ts';
import { dataPath } from '../paths.ts';

let cached: Vocab | undefined;

/** The shipped ESSGLOBAL vocabularies (data/vocab/essglobal.json), read once. */
export function loadVocab(): Vocab {
  cached ??= JSON.parse(fs.readFileSync(dataPath('vocab', 'essglobal.json'), 'utf8')) as Vocab;
  return cached;
}
