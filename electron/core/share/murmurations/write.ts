import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/open.ts';
import { readPackage } from '../../catalogue/read-package.ts';
import { loadVocab } from '../../catalogue/vocab.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { buildProfiles, profilePaths, type ProfileFile } from './profiles.ts';
import { validateProfile } from './schemas.ts';
import { batchCsvFiles } from './batch-csv.ts';
import { zipSync, strToU8 } from 'fflate';

export interface MurmurationsExport {
  folder: string;
  written: number;
  /** Records whose profile would not validate: left out, each with the reasons. */
  refused: { record: string; kind: ProfileFile['kind']; reasons: string[] }[];
}

/** A file an earlier export wrote, so re-exporting into the same folder may replace it. */
const INDEX = 'index.json';

export interface MurmurationsFiles {
  /** Every file of the export, "/"-separated paths inside it. */
  files: { path: string; text: string }[];
  written: number;
  refused: MurmurationsExport['refused'];
}

/**
 * The catalogue as Murmurations profiles, ready to put on any static host under `baseUrl`:
 * one file per profile, `index.json` listing them (what the Index's `POST /v2/nodes
 * {profile_url}` needs), `profiles.json` (every profile in one array: what `teia import` reads
 * back) and `batch/organizations-N.csv` (the Batch Importer's CSV, 1,000 rows a file). Each
 * profile is validated offline first; an invalid one is left out and reported.
 */
export function murmurationsFiles(db: Db, baseUrl: string): MurmurationsFiles {
  if (!/^https?:\/\/[^\s/]+/i.test(baseUrl)) {
    throw new TeiaError('invalid-input', `The base address must start with https:// or http://, for example https://my-network.org/teia/ (it was "${baseUrl}").`);
  }
  const all = buildProfiles(readPackage(db), baseUrl, loadVocab());
  const refused: MurmurationsExport['refused'] = [];
  const valid: ProfileFile[] = [];
  for (const f of all) {
    const problems = validateProfile(f.profile);
    if (problems.length) refused.push({ record: f.record, kind: f.kind, reasons: problems });
    else valid.push(f);
  }
  const paths = profilePaths(baseUrl);
  const index = {
    generator: 'Teia',
    base_url: baseUrl,
    profiles: valid.map((f) => ({ profile_url: paths.url(f.path), linked_schemas: f.profile.linked_schemas, name: f.profile.name ?? f.profile.title })),
  };
  const files = [
    ...valid.map((f) => ({ path: f.path, text: `${JSON.stringify(f.profile, null, 2)}\n` })),
    { path: INDEX, text: `${JSON.stringify(index, null, 2)}\n` },
    { path: 'profiles.json', text: `${JSON.stringify(valid.map((f) => f.profile), null, 1)}\n` },
    ...batchCsvFiles(valid.filter((f) => f.kind === 'organization').map((f) => f.profile)).map((b) => ({ path: `batch/${b.name}`, text: b.text })),
  ];
  return { files, written: valid.length, refused };
}

/** The export written into `folder`, which appears whole or not at all. */
export function exportMurmurations(db: Db, folder: string, baseUrl: string): MurmurationsExport {
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0 && !fs.existsSync(path.join(folder, INDEX))) {
    throw new TeiaError('invalid-input', `The folder ${folder} already holds other files; choose an empty or new folder.`);
  }
  const { files, written, refused } = murmurationsFiles(db, baseUrl);
  const partial = `${folder.replace(/[\\/]+$/, '')}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  try {
    for (const f of files) {
      const file = path.join(partial, ...f.path.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, f.text);
    }
    fs.rmSync(folder, { recursive: true, force: true });
    fs.renameSync(partial, folder);
  } catch (err) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  return { folder, written, refused };
}

/** The same export as one zip, for the window's download. */
export function murmurationsZip(db: Db, baseUrl: string): { zip: Uint8Array; written: number; refused: MurmurationsExport['refused'] } {
  const { files, written, refused } = murmurationsFiles(db, baseUrl);
  const zip = zipSync(Object.fromEntries(files.map((f) => [`murmurations/${f.path}`, strToU8(f.text)])), { level: 6 });
  return { zip, written, refused };
}
