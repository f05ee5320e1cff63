import type { Db } from '../db/open.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { engineSettingsSchema, type EngineSettingsInput } from '../../../shared/engine/settings.ts';
import type { PlanChange } from '../../../shared/engine/types.ts';
import { acceptanceChangeSchema } from '../../../shared/contract/engine.ts';
import type { AcceptanceChange } from '../../../shared/engine/currency-scenario.ts';

/** Saved engine settings (table `profiles`) and what-if scenarios (table `scenarios`). */

export function listProfiles(db: Db): { name: string; settings: EngineSettingsInput }[] {
  const rows = db.prepare('SELECT name, settings FROM profiles ORDER BY name').all() as { name: string; settings: string }[];
  return rows.map((r) => ({ name: r.name, settings: parseSettings(r.settings) }));
}

export function saveProfile(db: Db, name: string, settings: EngineSettingsInput): void {
  db.prepare('INSERT INTO profiles (name, settings) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET settings = excluded.settings').run(name, JSON.stringify(settings));
}

export function deleteProfile(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM profiles WHERE name = ?').run(name).changes > 0;
}

export function readProfile(db: Db, name: string): EngineSettingsInput {
  const row = db.prepare('SELECT settings FROM profiles WHERE name = ?').get(name) as { settings: string } | undefined;
  if (!row) throw new TeiaError('not-found', `There is no saved profile called "${name}".`, undefined, { key: 'profile-not-found', args: { name } });
  return parseSettings(row.settings);
}

/** Profile settings with the call's own settings on top (weights merged criterion by criterion). */
export function mergeSettings(db: Db, profile: string | undefined, settings: EngineSettingsInput | undefined, tiers?: number): EngineSettingsInput {
  const base = profile ? readProfile(db, profile) : {};
  const merged: EngineSettingsInput = { ...base, ...settings };
  if (base.weights || settings?.weights) merged.weights = { ...base.weights, ...settings?.weights };
  if (tiers !== undefined) merged.tiers = tiers;
  return merged;
}

function parseSettings(text: string): EngineSettingsInput {
  const parsed = engineSettingsSchema.safeParse(JSON.parse(text));
  // A profile written by a future version may carry settings this one does not know: keep what fits.
  return parsed.success ? parsed.data : {};
}

interface ScenarioRow {
  id: number;
  name: string;
  network_id: string | null;
  created_at: string;
  settings: string;
  changes: string;
  acceptances: string;
}

export function saveScenario(
  db: Db,
  s: { name: string; network: string | null; settings: EngineSettingsInput; changes: PlanChange[]; acceptances?: AcceptanceChange[] },
): number {
  const info = db
    .prepare('INSERT INTO scenarios (name, network_id, settings, changes, acceptances) VALUES (?, ?, ?, ?, ?)')
    .run(s.name, s.network, JSON.stringify(s.settings), JSON.stringify(s.changes), JSON.stringify(s.acceptances ?? []));
  return Number(info.lastInsertRowid);
}

export function listScenarios(db: Db) {
  const rows = db
    .prepare('SELECT id, name, network_id, created_at, json_array_length(changes) AS n, json_array_length(acceptances) AS a FROM scenarios ORDER BY created_at DESC, id DESC')
    .all() as { id: number; name: string; network_id: string | null; created_at: string; n: number; a: number }[];
  return rows.map((r) => ({ id: r.id, name: r.name, network: r.network_id, createdAt: r.created_at, changes: r.n, acceptances: r.a }));
}

export function readScenario(db: Db, id: number) {
  const r = db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
  if (!r) throw new TeiaError('not-found', `There is no saved scenario number ${id}.`, undefined, { key: 'scenario-not-found', args: { id } });
  return {
    id: r.id,
    name: r.name,
    network: r.network_id,
    createdAt: r.created_at,
    settings: parseSettings(r.settings),
    changes: JSON.parse(r.changes) as PlanChange[],
    acceptances: parseAcceptances(r.acceptances),
  };
}

/** A row written by hand or by a future version may hold entries this one cannot apply: keep those that fit. */
function parseAcceptances(text: string): AcceptanceChange[] {
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) return [];
  return list.flatMap((a) => {
    const parsed = acceptanceChangeSchema.safeParse(a);
    return parsed.success ? [parsed.data] : [];
  });
}

export function deleteScenario(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
}

/**
 * The door check of an acceptance scenario against the catalogue, in the engine's words
 * (shared/engine/currency-scenario.ts checkAcceptances): a currency nobody defines or accepts,
 * an enterprise or product that is not there. Throws one sentence listing them.
 */
export function checkScenarioAcceptances(db: Db, acceptances: AcceptanceChange[]): void {
  if (!acceptances.length) return;
  const currency = db.prepare('SELECT 1 FROM currencies WHERE id = ? UNION ALL SELECT 1 FROM enterprise_currencies WHERE currency_id = ? LIMIT 1');
  const enterprise = db.prepare('SELECT 1 FROM enterprises WHERE id = ?');
  const product = db.prepare('SELECT 1 FROM products WHERE id = ?');
  const problems: string[] = [];
  for (const a of acceptances) {
    if (!currency.get(a.currency, a.currency)) problems.push(`There is no currency "${a.currency}" in this catalogue: define it, or pick one of its currencies.`);
    for (const e of a.enterprises) if (!enterprise.get(e)) problems.push(`There is no enterprise "${e}" in this catalogue.`);
    for (const p of a.products ?? []) if (!product.get(p)) problems.push(`There is no product "${p}" in this catalogue.`);
  }
  if (problems.length) throw new TeiaError('invalid-input', [...new Set(problems)].slice(0, 5).join(' '));
}
