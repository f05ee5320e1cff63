import type { Db } from '../db/open.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { engineSettingsSchema, type EngineSettingsInput } from '../../../shared/engine/settings.ts';
import type { PlanChange } from '../../../shared/engine/types.ts';

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
}

export function saveScenario(db: Db, s: { name: string; network: string | null; settings: EngineSettingsInput; changes: PlanChange[] }): number {
  const info = db
    .prepare('INSERT INTO scenarios (name, network_id, settings, changes) VALUES (?, ?, ?, ?)')
    .run(s.name, s.network, JSON.stringify(s.settings), JSON.stringify(s.changes));
  return Number(info.lastInsertRowid);
}

export function listScenarios(db: Db) {
  const rows = db
    .prepare('SELECT id, name, network_id, created_at, json_array_length(changes) AS n FROM scenarios ORDER BY created_at DESC, id DESC')
    .all() as { id: number; name: string; network_id: string | null; created_at: string; n: number }[];
  return rows.map((r) => ({ id: r.id, name: r.name, network: r.network_id, createdAt: r.created_at, changes: r.n }));
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
  };
}

export function deleteScenario(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
}
