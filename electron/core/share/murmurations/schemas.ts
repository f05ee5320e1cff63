import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { dataPath } from '../../paths.ts';

/**
 * The Murmurations Library's schemas, shipped in data/murmurations (GPL-3.0), compiled with
 * ajv. The Index validates a profile against default-v2.1.0 and then every schema in its
 * `linked_schemas`; doing the same offline gives the same verdict without a network.
 */
export const LIBRARY_BASE = 'https://test-library.murmurations.network/v2/';
export const DEFAULT_SCHEMA = 'default-v2.1.0';

let ajv: Ajv | null = null;
const compiled = new Map<string, ValidateFunction>();

function library(): Ajv {
  if (ajv) return ajv;
  const a = new Ajv({ allErrors: true, strict: false });
  const dir = dataPath('murmurations');
  for (const kind of ['fields', 'schemas'] as const) {
    for (const file of fs.readdirSync(path.join(dir, kind))) {
      if (!file.endsWith('.json')) continue;
      const schema = JSON.parse(fs.readFileSync(path.join(dir, kind, file), 'utf8')) as Record<string, unknown>;
      // The files name the draft-07 meta-schema by an https URL ajv does not know by that
      // name; the meta-schema itself is ajv's own draft-07.
      delete schema.$schema;
      const id = kind === 'fields' ? `${LIBRARY_BASE}fields/${file}` : `${LIBRARY_BASE}schemas/${file.replace(/\.json$/, '')}`;
      delete schema.$id;
      a.addSchema(schema, id);
    }
  }
  return (ajv = a);
}

export function knownSchemas(): string[] {
  return fs
    .readdirSync(dataPath('murmurations', 'schemas'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
}

function validator(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    const found = library().getSchema(`${LIBRARY_BASE}schemas/${name}`);
    if (!found) throw new Error(`No Murmurations schema named ${name} is shipped.`);
    compiled.set(name, (v = found));
  }
  return v;
}

/** Sentences for what makes `profile` invalid: empty when the Index would accept it. */
export function validateProfile(profile: Record<string, unknown>): string[] {
  const linked = Array.isArray(profile.linked_schemas) ? profile.linked_schemas.map(String) : [];
  const problems: string[] = [];
  for (const name of [DEFAULT_SCHEMA, ...linked]) {
    if (!knownSchemas().includes(name)) {
      problems.push(`the schema ${name} is not one Teia knows`);
      continue;
    }
    const v = validator(name);
    if (!v(profile)) problems.push(...(v.errors ?? []).map(sentence));
  }
  return [...new Set(problems)];
}

function sentence(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the profile';
  return `${where} ${e.message ?? 'is not valid'}`;
}
