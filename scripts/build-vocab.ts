// Builds data/vocab/essglobal.json, the ESSGLOBAL labels the app ships, from the team's open
// data (../shared/data/taxonomies/essglobal, or TEIA_SHARED_DATA). Run:
//   node bin/tsx.mjs scripts/build-vocab.ts
// Deterministic: the same input gives the same file byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import type { LangLabels, Vocab, VocabConcept, VocabLang } from '../shared/domain/vocab.ts';
import { VOCAB_LANGS } from '../shared/domain/vocab.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.TEIA_SHARED_DATA ?? path.join(root, '..', 'shared', 'data');
const outFile = path.join(root, 'data', 'vocab', 'essglobal.json');

interface FlatRow {
  scheme: string;
  id: string;
  uri: string;
  broader: string;
  definition_en: string;
  [label: `label_${string}`]: string;
}

/** The vocabulary file's content, from the ESSGLOBAL folder of the team's open data. */
export function buildVocab(sharedData = shared): Vocab {
  const dir = path.join(sharedData, 'taxonomies', 'essglobal');
  const rows = Papa.parse<FlatRow>(fs.readFileSync(path.join(dir, 'essglobal-concepts-flat.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

  const vocab: Vocab = {
    source: 'ESSGLOBAL vocabularies (RIPESS), from DigitalCommons/map-sse vocabs/standard @ 0d7ab5a2',
    licence: 'CC BY 3.0 — see data/ATTRIBUTION.md',
    schemes: {},
  };

  for (const row of rows) {
    let scheme = vocab.schemes[row.scheme];
    if (!scheme) {
      const uri = row.uri.slice(0, row.uri.length - row.id.length);
      scheme = vocab.schemes[row.scheme] = { title: schemeTitle(dir, row.scheme), uri, concepts: {} };
    }
    const concept: VocabConcept = {};
    for (const lang of VOCAB_LANGS) {
      // products-services gives its readable text as the definition, not the label.
      const label = row[`label_${lang}`]?.trim() || (lang === 'en' ? row.definition_en?.trim() : '');
      if (label) concept[lang] = label;
    }
    if (row.broader) concept.broader = row.broader;
    scheme.concepts[row.id] = concept;
  }
  return vocab;
}

/** The scheme's dc:title from its phrase table (columns: term, property, untagged, EN, ES, …). */
function schemeTitle(dir: string, scheme: string): LangLabels {
  const file = path.join(dir, `${scheme}.phrasetab.tsv`);
  if (!fs.existsSync(file)) return { en: scheme };
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.split('\t'));
  const header = lines[0].map((h) => h.trim().toLowerCase());
  const row = lines.find((l) => l[1] === 'dc:title');
  const title: LangLabels = {};
  if (!row) return { en: scheme };
  for (const lang of VOCAB_LANGS) {
    const i = header.indexOf(lang);
    const v = i >= 0 ? row[i]?.trim() : '';
    if (v) title[lang as VocabLang] = v;
  }
  if (!title.en) title.en = row[2]?.trim() || scheme;
  return title;
}

// Run as a script (not when a test imports buildVocab).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const vocab = buildVocab();
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(vocab, null, 1) + '\n');
  const count = Object.values(vocab.schemes).reduce((n, s) => n + Object.keys(s.concepts).length, 0);
  console.log(`Wrote ${path.relative(root, outFile)}: ${Object.keys(vocab.schemes).length} schemes, ${count} concepts.`);
}
