import { CRITERIA, type Enterprise } from '../../../../shared/domain/package.ts';
import { codeFromUri } from '../../../../shared/domain/vocab.ts';
import type { RejectedRow, Sourced } from '../types.ts';
import type { MappableField } from './mapping.ts';
import type { CodedField } from './codes.ts';
import { codeResolver } from './codes.ts';
import { normaliseCountry } from './normalise.ts';
import { said } from '../../../../shared/contract/errors.ts';
import { acceptancesFromCell } from './acceptance-cell.ts';

/**
 * Turns one source record (a CSV row, a GeoJSON feature, a Murmurations profile), already
 * read into package field names, into an enterprise, or a reason it cannot be one. Shared by
 * every tabular and JSON parser so the rules below hold for all of them:
 * - no name → the row is rejected (the one required field a file cannot give us a default for);
 * - a missing, unreadable or out-of-range position → the enterprise is kept without a
 *   position and the line is reported in a warning (an organisation off the map is still one);
 * - no solidarity value, or one not understood (reported) → not stated: the per-file decision
 *   (../solidarity.ts) says what it is, and by default nobody has decided;
 * - an id already used earlier in the same file → the later row is rejected;
 * - a currencies cell it cannot read (a share outside 0–100 %, brackets with no product:
 *   acceptance-cell.ts) → the row is rejected with the reason, rather than kept half-right.
 */
export type RawFields = Partial<Record<MappableField, unknown>>;

/** A value as trimmed text, or undefined when empty. */
export function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'boolean') s = String(v);
  else if (v instanceof Date) s = v.toISOString();
  else return undefined;
  s = s.trim();
  return s === '' ? undefined : s;
}

/** A number from a number or text; a decimal comma ("-23,55") is read as a point. */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = text(v);
  if (s === undefined) return undefined;
  const normal = /^[+-]?\d+,\d+$/.test(s) ? s.replace(',', '.') : s;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normal)) return undefined;
  return Number(normal);
}

const TRUE = new Set(['yes', 'y', 'true', 't', '1', 'sim', 's', 'si', 'sí', 'oui', 'o', 'x', 'verdadeiro', 'verdadero', 'vrai']);
const FALSE = new Set(['no', 'n', 'false', 'f', '0', 'não', 'nao', 'non', 'falso', 'faux']);

export function booleanOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = text(v)?.toLowerCase();
  if (s === undefined) return undefined;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return undefined;
}

/** A list from an array or from text separated by ; | , or new lines. */
export function listOf(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  const items = Array.isArray(v) ? v.flatMap((x) => listOf(x)) : (text(v)?.split(/[;|,\n]/) ?? []);
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))];
}

/** ESSGLOBAL values arrive as URIs or as codes; stored as codes. */
export function codesOf(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  return [...new Set(listOf(v).map(codeFromUri).filter(Boolean))];
}

/** Collects per-line notes and turns each kind into one warning (a file may have thousands). */
export class Notes {
  private readonly byKind = new Map<string, number[]>();
  add(kind: string, line: number): void {
    let lines = this.byKind.get(kind);
    if (!lines) this.byKind.set(kind, (lines = []));
    lines.push(line);
  }
  warnings(): string[] {
    return [...this.byKind].map(([kind, lines]) => {
      const shown = lines.slice(0, 10).join(', ');
      const more = lines.length > 10 ? ` and ${lines.length - 10} more` : '';
      return `${kind} (${lines.length} ${lines.length === 1 ? 'row' : 'rows'}: line ${shown}${more}).`;
    });
  }
}

/** Gives each enterprise a unique id within the file: its own, or one made from its name. */
export class IdAllocator {
  private readonly used = new Map<string, number>(); // id → line
  /** The line that already uses `id`, if any. */
  usedAt(id: string): number | undefined {
    return this.used.get(id);
  }
  claim(id: string, line: number): void {
    this.used.set(id, line);
  }
  fromName(name: string, line: number): string {
    const slug =
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48) || 'enterprise';
    let id = slug;
    for (let n = 2; this.used.has(id); n++) id = `${slug}-${n}`;
    this.claim(id, line);
    return id;
  }
}

const FIELD_LABEL: Record<CodedField, string> = {
  organisationalStructure: 'Organisational structure',
  activities: 'Activity',
  qualifiers: 'Qualifier',
};

export interface BuildResult {
  sourced?: Sourced<Enterprise>;
  rejected?: RejectedRow;
}

export function buildEnterprise(
  raw: RawFields,
  line: number,
  extra: Record<string, unknown>,
  ids: IdAllocator,
  notes: Notes,
): BuildResult {
  const name = text(raw.name);
  const ownId = text(raw.id);
  if (name === undefined) {
    return { rejected: { line, ...(ownId ? { record: ownId } : {}), reason: 'It has no name.', ...said({ key: 'row-no-name' }) } };
  }
  const accepts = acceptancesFromCell(raw.currencies);
  if (accepts.problem) return { rejected: { line, record: name, reason: accepts.problem } };
  let id: string;
  if (ownId !== undefined) {
    const earlier = ids.usedAt(ownId);
    if (earlier !== undefined) {
      return { rejected: { line, record: name, reason: `Its id "${ownId}" is already used by line ${earlier} of the same file.`, ...said({ key: 'row-id-used', args: { id: ownId, line: earlier } }) } };
    }
    ids.claim(ownId, line);
    id = ownId;
  } else {
    id = ids.fromName(name, line);
  }

  // Stored as false until decided: the engine counts an undecided enterprise as not solidarity.
  let stated: boolean | undefined;
  if (raw.solidarity !== undefined && text(raw.solidarity) !== undefined) {
    stated = booleanOf(raw.solidarity);
    if (stated === undefined) notes.add('Solidarity value not understood (use yes/no, true/false, sim/não, 1/0); the decision for the file applies', line);
  }

  const e: Enterprise = { id, name, solidarity: stated ?? false };
  const put = (key: keyof Enterprise, value: string | undefined) => {
    if (value !== undefined) (e as Record<string, unknown>)[key] = value;
  };
  put('description', text(raw.description));
  put('nickname', text(raw.nickname));
  // Legal forms are free text in the package (national forms vary); only a URI is decoded.
  const legal = text(raw.legalForm);
  put('legalForm', legal === undefined ? undefined : codeFromUri(legal));
  const structure = codedList('organisationalStructure', raw.organisationalStructure, line, notes, false);
  if (structure.length) e.organisationalStructure = structure[0];
  const activities = codedList('activities', raw.activities, line, notes, true);
  if (activities.length) e.activities = activities;
  const qualifiers = codedList('qualifiers', raw.qualifiers, line, notes, true);
  if (qualifiers.length) e.qualifiers = qualifiers;
  put('street', text(raw.street));
  put('locality', text(raw.locality));
  put('region', text(raw.region));
  put('postcode', text(raw.postcode));
  const country = text(raw.country);
  if (country !== undefined) e.country = normaliseCountry(country, line, notes);
  put('website', text(raw.website));
  put('email', text(raw.email));
  put('phone', text(raw.phone));
  put('source', text(raw.source));
  if (accepts.value.length) e.currencies = accepts.value;
  const networks = listOf(raw.networks);
  if (networks.length) e.networks = networks;

  placeOnMap(e, raw, line, notes);
  for (const c of CRITERIA) {
    if (text(raw[c]) === undefined) continue;
    const v = numberOf(raw[c]);
    if (v === undefined || v < 0 || v > 1) notes.add(`A criterion (${c}) is not a number from 0 to 1; left unknown`, line);
    else (e.criteria ??= {})[c] = v;
  }

  const sourced: Sourced<Enterprise> = { value: e, line };
  if (stated !== undefined) sourced.solidarityStated = true;
  if (ownId !== undefined) sourced.sourceId = ownId;
  else sourced.idFromName = true;
  if (Object.keys(extra).length) sourced.extra = extra;
  return { sourced };
}

/**
 * ESSGLOBAL values of one field as codes. Items are separated by ; | or new lines, and by
 * commas only where the comma is not part of a label ("Reciclagem, tratamento de resíduos…"
 * is one activity; "ICA10, ICA20" is two).
 */
function codedList(field: CodedField, v: unknown, line: number, notes: Notes, many: boolean): string[] {
  const resolver = codeResolver();
  const raw = Array.isArray(v) ? v.map((x) => text(x) ?? '') : many ? (text(v)?.split(/[;|\n]/) ?? []) : [text(v) ?? ''];
  const out: string[] = [];
  for (const part of raw.map((p) => codeFromUri(p)).filter(Boolean)) {
    const whole = resolver.resolve(field, part);
    const items = whole !== undefined || !many || !part.includes(',') ? [part] : part.split(',').map((p) => codeFromUri(p)).filter(Boolean);
    for (const item of items) {
      const code = resolver.resolve(field, item);
      if (code === undefined) notes.add(`${FIELD_LABEL[field]} "${item}" is not an ESSGLOBAL code or label; kept as written`, line);
      out.push(code ?? item);
    }
  }
  return [...new Set(out)];
}

function placeOnMap(e: Enterprise, raw: RawFields, line: number, notes: Notes): void {
  const latText = text(raw.lat);
  const lonText = text(raw.lon);
  if (latText === undefined && lonText === undefined) return;
  const lat = numberOf(raw.lat);
  const lon = numberOf(raw.lon);
  if (latText === undefined || lonText === undefined) {
    notes.add('Only one of latitude and longitude is given; kept without a position', line);
  } else if (lat === undefined || lon === undefined) {
    notes.add('Latitude or longitude is not a number; kept without a position', line);
  } else if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
    notes.add('Latitude or longitude is out of range (latitude −90…90, longitude −180…180); kept without a position', line);
  } else if (lat === 0 && lon === 0) {
    // 0,0 is in the Gulf of Guinea: in directories it means "no position", not a place.
    notes.add('Position 0,0 treated as missing; kept without a position', line);
  } else {
    e.lat = lat;
    e.lon = lon;
  }
}
