import type { ParseOptions, ParsedFile, Parser } from '../types.ts';
import { emptyParsedFile } from '../types.ts';
import { TeiaError } from '../../../../shared/contract/errors.ts';
import { headText } from './decode.ts';
import { isObject, readJson } from './json.ts';
import type { RawFields } from './record.ts';
import { buildEnterprise, IdAllocator, Notes, text } from './record.ts';
import { readTeiaCurrency, readTeiaExtensions, readTeiaRecord, teiaAcceptances } from './murmurations-teia.ts';

/**
 * Murmurations profiles of the `organizations_schema` (library: fields name, nickname,
 * primary_url, tags, urls, description, mission, status, full_address, country_iso_3166,
 * geolocation {lat, lon}, contact_details {email, contact_form}, telephone, relationships…),
 * given as one profile, an array of profiles, or an index page `{ data: [...] }` (whose
 * nodes carry name, primary_url, profile_url, tags, locality, region, country and, where
 * known, latitude/longitude). Fields with no place in the package are kept as source
 * attributes. `line` is the profile's 1-based index.
 */
const TAKEN = new Set([
  'name', 'nickname', 'primary_url', 'description', 'mission', 'geolocation', 'latitude', 'longitude', 'lat', 'lon',
  'country_iso_3166', 'country', 'locality', 'region', 'postal_code', 'street_address', 'full_address', 'contact_details',
  'telephone', 'email', 'teia_currencies',
]);

export const murmurationsParser: Parser = {
  format: 'murmurations',
  detect(content) {
    const head = headText(content);
    if (!/^\s*[[{]/.test(head)) return false;
    // A GeoJSON layer exported from a Murmurations map can carry profile_url in properties.
    if (/"type"\s*:\s*"FeatureCollection"/.test(head)) return false;
    return /"linked_schemas"|organizations_schema|"profile_url"/.test(head);
  },
  parse(content, _options: ParseOptions): ParsedFile {
    const doc = readJson(content, 'Murmurations profiles');
    const profiles = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.data) ? doc.data : isObject(doc) ? [doc] : undefined;
    if (!profiles) throw new TeiaError('invalid-input', 'Expected a Murmurations profile, an array of profiles, or an index page {"data": [...]}.');

    const out = emptyParsedFile('murmurations');
    const notes = new Notes();
    const ids = new IdAllocator();
    const products = new Set<string>();
    profiles.forEach((p: unknown, index) => {
      const line = index + 1;
      out.rowsRead++;
      if (!isObject(p)) {
        out.rejected.push({ line, reason: 'It is not a profile (a JSON object).' });
        return;
      }
      const label = text(p.name) ?? text(p.nickname) ?? text(p.primary_url);
      const schemas = Array.isArray(p.linked_schemas) ? p.linked_schemas.map(String) : [];
      readTeiaExtensions(p, line, out, products);
      if (schemas.some((s) => s.startsWith('offers_wants_schema')) && readTeiaRecord(p, line, out)) return;
      if (schemas.some((s) => s.startsWith('complementary_currencies')) && text(p.name)) {
        if (readTeiaCurrency(p, line, out)) return;
        out.rejected.push({ line, record: text(p.name), reason: 'It is a currency profile: this version of Teia does not read currencies from Murmurations profiles yet.' });
        return;
      }
      if (schemas.length && !schemas.some((s) => s.startsWith('organizations_schema'))) {
        out.rejected.push({ line, record: label, reason: `It is a ${schemas.join(', ')} profile, not an organisation (organizations_schema).` });
        return;
      }
      if (text(p.status)?.toLowerCase() === 'deleted') {
        out.rejected.push({ line, record: label, reason: 'It is marked as deleted in the Murmurations index.' });
        return;
      }
      const raw = fieldsOf(p);
      const extra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(p)) if (!TAKEN.has(k) && v !== null && v !== '') extra[k] = v;
      if (text(p.mission) !== undefined && raw.description !== p.mission) extra.mission = p.mission;
      if (text(p.nickname) !== undefined && raw.name !== p.nickname) raw.nickname = p.nickname;
      const contact = isObject(p.contact_details) ? p.contact_details : {};
      if (text(contact.contact_form) !== undefined) extra.contact_form = contact.contact_form;
      if (text(p.full_address) !== undefined && raw.street !== p.full_address) extra.full_address = p.full_address;

      // A profile's stable identity is its URL: the id is made from it, and it is the
      // source id a later import of the same index finds the enterprise by.
      const url = text(p.profile_url) ?? text(p.primary_url);
      const result = buildEnterprise(raw, line, extra, ids, notes);
      if (result.rejected) {
        out.rejected.push(result.rejected);
        return;
      }
      const sourced = result.sourced!;
      if (url) sourced.sourceId = url;
      const accepts = teiaAcceptances(p);
      if (accepts) sourced.value.currencies = accepts;
      out.enterprises.push(sourced);
    });
    // Ids from names are replaced by ids from the primary URL where there is one.
    reassignIds(out, profiles);
    out.warnings.push(...notes.warnings());
    out.columnFields = { name: 'name', description: 'description', primary_url: 'website', country_iso_3166: 'country', locality: 'locality', region: 'region' };
    return out;
  },
};

function fieldsOf(p: Record<string, unknown>): RawFields {
  const geo = isObject(p.geolocation) ? p.geolocation : {};
  const contact = isObject(p.contact_details) ? p.contact_details : {};
  const urls = Array.isArray(p.urls) ? p.urls.filter(isObject) : [];
  return {
    name: p.name ?? p.nickname,
    description: p.description ?? p.mission,
    website: p.primary_url ?? urls[0]?.url,
    lat: geo.lat ?? p.latitude ?? p.lat,
    lon: geo.lon ?? p.longitude ?? p.lon,
    country: p.country_iso_3166 ?? p.country,
    locality: p.locality,
    region: p.region,
    postcode: p.postal_code,
    street: p.street_address ?? p.full_address,
    email: contact.email ?? p.email,
    phone: p.telephone,
  };
}

function reassignIds(out: ParsedFile, profiles: unknown[]): void {
  const ids = new IdAllocator();
  for (const s of out.enterprises) {
    const p = profiles[s.line - 1] as Record<string, unknown>;
    // A profile Teia wrote keeps its enterprise's id, so its offers, needs and flows still
    // name it; profiles from elsewhere get one from their primary URL or name.
    const own = text(p.unique_id);
    if (own && !ids.usedAt(own)) {
      ids.claim(own, s.line);
      s.value.id = own;
      continue;
    }
    const url = text(p.primary_url);
    const base = url ? url.replace(/^[a-z]+:\/\//i, '').replace(/^www\./, '').replace(/\/+$/, '') : s.value.name;
    s.value.id = ids.fromName(base, s.line);
  }
}
