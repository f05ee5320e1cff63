import { unzipSync } from 'fflate';
import type { ParseOptions, ParsedFile, Parser } from '../types.ts';
import { emptyParsedFile } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { isObject } from './json.ts';
import type { RawFields } from './record.ts';
import { buildEnterprise, IdAllocator, Notes, text } from './record.ts';

/**
 * A Mykomap dataset (the solidarity-economy maps by Digital Commons Co-operative / the
 * Solidarity Economy Association), as a zip of its folder: `config.json` and one JSON file per
 * item under `items/` (`items/0.json`, `items/1.json`…), beside `locations.json` and
 * `searchable.json`, which the map builds from the items. The layout is the one of
 * DigitalCommons/mykomap-monolith, `apps/back-end/test/data/datasets/dataset-A/` and
 * `docs/data-pipeline.md`: config.json has `prefixes` (vocabulary URI → prefix, e.g.
 * `…/organisational-structure/` → `os`), `languages`, `itemProps` (each item property with
 * `type` value | vocab | multi, a vocab's `uri` "os:") and `vocabs` (prefix → language →
 * {title, terms: code → label}). Item values of vocab properties are codes of those
 * vocabularies; ESSGLOBAL ones (activities, structure) are stored as codes, the others (data
 * sources, typologies) are kept as source attributes with their labels. `line` is the item's
 * number. `teia import FOLDER` zips a folder first.
 */
interface VocabTerms { title?: string; terms?: Record<string, string> }
type Vocabs = Record<string, Record<string, VocabTerms>>;

const FIELD_OF: Record<string, keyof RawFields> = {
  id: 'id', name: 'name', description: 'description', address: 'street', website: 'website', email: 'email',
  phone: 'phone', country_id: 'country', primary_activity: 'activities', organisational_structure: 'organisationalStructure',
  qualifiers: 'qualifiers', postcode: 'postcode', locality: 'locality', region: 'region',
};

function isZip(content: Uint8Array): boolean {
  return content.length > 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04;
}

export const mykomapParser: Parser = {
  format: 'mykomap',
  detect(content) {
    if (!isZip(content)) return false;
    const b = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    return b.includes('config.json') && b.includes('items/');
  },
  parse(content, _options: ParseOptions): ParsedFile {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(content);
    } catch (err) {
      throw new TeiaError('invalid-input', `This file could not be opened as a zip of a Mykomap dataset (${(err as Error).message}).`);
    }
    const configPath = Object.keys(files).filter((p) => /(^|\/)config\.json$/.test(p)).sort((a, b) => a.length - b.length)[0];
    if (configPath === undefined) throw new TeiaError('invalid-input', 'This zip has no config.json, so it is not a Mykomap dataset.');
    const root = configPath.slice(0, -'config.json'.length);
    const json = (path: string): unknown => {
      try {
        return JSON.parse(new TextDecoder().decode(files[path]).replace(/^\uFEFF/, ''));
      } catch (err) {
        throw new TeiaError('invalid-input', `The dataset's ${path.slice(root.length)} is not valid JSON (${(err as Error).message}).`);
      }
    };
    const config = json(configPath);
    if (!isObject(config)) throw new TeiaError('invalid-input', "The dataset's config.json is not a JSON object.");
    const vocabs = (isObject(config.vocabs) ? config.vocabs : {}) as Vocabs;
    const itemProps = (isObject(config.itemProps) ? config.itemProps : {}) as Record<string, { type?: string; uri?: string; of?: { uri?: string } }>;
    const languages = Array.isArray(config.languages) ? config.languages.map(String) : ['en'];
    const lang = languages[0] ?? 'en';
    const label = (prefix: string, code: string) => vocabs[prefix]?.[lang]?.terms?.[code] ?? vocabs[prefix]?.en?.terms?.[code] ?? code;

    const itemPaths = Object.keys(files)
      .filter((p) => p.startsWith(`${root}items/`) && p.endsWith('.json'))
      .sort((a, b) => itemNumber(a) - itemNumber(b) || a.localeCompare(b));
    if (itemPaths.length === 0) throw new TeiaError('invalid-input', 'This Mykomap dataset has no items (items/0.json, items/1.json…).');

    const out = emptyParsedFile('mykomap');
    const notes = new Notes();
    const ids = new IdAllocator();
    const columnFields: Record<string, string> = {};
    itemPaths.forEach((path, index) => {
      const line = index + 1;
      out.rowsRead++;
      let item: unknown;
      try {
        item = json(path);
      } catch (err) {
        out.rejected.push({ line, record: path.slice(root.length), reason: (err as Error).message });
        return;
      }
      if (!isObject(item)) {
        out.rejected.push({ line, record: path.slice(root.length), reason: 'It is not an item (a JSON object).' });
        return;
      }
      const raw: RawFields = {};
      const extra: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(item)) {
        if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
        const field = FIELD_OF[key];
        const def = itemProps[key];
        const prefix = (def?.uri ?? def?.of?.uri)?.replace(/:$/, '');
        if (field) {
          raw[field] = Array.isArray(value) && field !== 'activities' && field !== 'qualifiers' ? value[0] : value;
          columnFields[key] = field;
          if (Array.isArray(value) && value.length > 1 && field === 'website') extra[key] = value;
        } else if (['latitude', 'longitude', 'lat', 'lng', 'geocontainer_lat', 'geocontainer_lon'].includes(key)) {
          continue;
        } else if (prefix && vocabs[prefix]) {
          // A vocabulary Teia has no field for: kept with its labels, readable as it is.
          const codes = (Array.isArray(value) ? value : [value]).map(String);
          extra[key] = codes.map((c) => label(prefix, c)).join('; ');
        } else {
          extra[key] = value;
        }
      }
      const exact = item.latitude !== undefined && item.longitude !== undefined;
      raw.lat = exact ? item.latitude : (item.lat ?? item.geocontainer_lat);
      raw.lon = exact ? item.longitude : (item.lng ?? item.geocontainer_lon);
      const result = buildEnterprise(raw, line, extra, ids, notes);
      if (result.sourced) out.enterprises.push(result.sourced);
      else if (result.rejected) out.rejected.push(result.rejected);
    });
    out.warnings.push(...notes.warnings());
    out.columnFields = columnFields;
    if (text(config.name)) out.warnings.push(`Mykomap dataset "${text(config.name)}".`);
    return out;
  },
};

function itemNumber(path: string): number {
  const m = /(\d+)\.json$/.exec(path);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}
