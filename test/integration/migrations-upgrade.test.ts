import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion, type Db } from '../../electron/core/db/open.ts';
import { migrations, latestVersion } from '../../electron/core/db/migrations/index.ts';
import { openCore } from '../../electron/core/index.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import { listBackups } from '../../electron/core/backup.ts';
import { TeiaError } from '../../shared/contract/errors.ts';
import { tempDir } from '../helpers/tmp.ts';
import crypto from 'node:crypto';

/**
 * A catalogue written by every earlier schema version, with real rows inserted as that version
 * allowed, opens in this version with its data intact and the newer features working on it.
 * A new migration needs nothing here unless it adds a table that old files could not have had
 * rows in: then add its rows to `rowsAt` under its version.
 */
const tmp = tempDir('teia-migrate-');
afterAll(() => tmp.cleanup());

/** Rows every version since 1 could hold (the base tables have not changed shape). */
const baseRows = `
INSERT INTO imports (id, format, file_name, started_at, rows_read, accepted) VALUES (1, 'package', 'old.json', '2025-01-02T03:04:05.000Z', 6, 6);
INSERT INTO products (id, name, names, parent, position) VALUES ('food', 'Food', '{"pt":"Alimentos"}', NULL, 0), ('honey', 'Honey', '{"pt":"Mel"}', 'food', 1);
INSERT INTO enterprises (id, name, description, solidarity, locality, country, postcode, lat, lon, position, import_id, source_row)
  VALUES ('apiario', 'Apiário Flor do Campo', 'Mel orgânico de abelhas nativas', 1, 'Braga', 'PT', '4700-001', 41.55, -8.42, 0, 1, 2),
         ('mercearia', 'Mercearia Central', NULL, 0, 'Porto', 'PT', NULL, 41.15, -8.61, 1, 1, 3);
INSERT INTO enterprise_activities (enterprise_id, code, position) VALUES ('apiario', 'a13', 0);
INSERT INTO criteria (enterprise_id, criterion, value, position) VALUES ('apiario', 'ecological', 0.9, 0);
INSERT INTO currencies (id, name, kind) VALUES ('eusko', 'Eusko', 'social-currency');
INSERT INTO enterprise_currencies (enterprise_id, currency_id, position) VALUES ('apiario', 'eusko', 0);
INSERT INTO networks (id, name, position) VALUES ('rede-norte', 'Rede Norte', 0);
INSERT INTO memberships (network_id, enterprise_id, position) VALUES ('rede-norte', 'apiario', 0), ('rede-norte', 'mercearia', 1);
INSERT INTO offers (id, enterprise_id, product_id, capacity, price) VALUES ('o1', 'apiario', 'honey', 120, 8.5);
INSERT INTO needs (id, enterprise_id, product_id, quantity) VALUES ('n1', 'mercearia', 'honey', 40);
INSERT INTO flows (id, supplier_id, buyer_id, product_id, quantity, value) VALUES ('f1', 'apiario', 'mercearia', 'honey', 30, 255);
INSERT INTO scenarios (name, settings, changes) VALUES ('Old what-if', '{}', '[{"line":"f1","buyer":"mercearia","product":"honey","from":"apiario","to":"apiario","quantity":30}]');
`;

/** Rows only a file at (or after) a given version could hold. */
const rowsAt: Record<number, string> = {
  3: `INSERT INTO merge_proposals (import_id, existing_id, incoming_id, reasons) VALUES (1, 'apiario', 'mercearia', '["same postcode"]');`,
};

function writeOldCatalogue(version: number): string {
  const file = path.join(tmp.dir, `v${version}.db`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, 0, migrations.filter((m) => m.version <= version));
  db.exec(baseRows);
  for (const [v, sql] of Object.entries(rowsAt)) if (Number(v) <= version) db.exec(sql);
  expect(schemaVersion(db)).toBe(version);
  db.close();
  return file;
}

const contentHash = (db: Db) => crypto.createHash('sha256').update(JSON.stringify(readPackage(db))).digest('hex');

/** The same rows written at the latest schema: what every migrated file must read back as. */
const reference = (() => {
  const db = openDatabase(':memory:');
  db.exec(baseRows);
  const hash = contentHash(db);
  db.close();
  return hash;
})();

const earlier = migrations.map((m) => m.version).filter((v) => v < latestVersion);

describe.each(earlier)('a catalogue written at schema version %i', (version) => {
  it('opens at the latest version with every row intact, backed up first', async () => {
    const file = writeOldCatalogue(version);
    const db = openDatabase(file);
    try {
      expect(schemaVersion(db)).toBe(latestVersion);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(contentHash(db)).toBe(reference);
      const pkg = readPackage(db);
      expect(pkg.enterprises!.find((e) => e.id === 'apiario')).toMatchObject({ name: 'Apiário Flor do Campo', criteria: { ecological: 0.9 }, currencies: ['eusko'] });
      expect(db.prepare('SELECT count(*) FROM scenarios').pluck().get()).toBe(1);
      if (version >= 3) expect(db.prepare('SELECT existing_id FROM merge_proposals').pluck().all()).toEqual(['apiario']);
    } finally {
      db.close();
    }
    expect(listBackups(file).map((b) => b.reason)).toEqual([`before-migration-v${version}`]);

    // Features newer than the file work on its old rows: search (index built by migration 2
    // from rows written before it existed), the directory, the offers search.
    const core = openCore({ dbPath: file, host: 'cli', sample: false });
    try {
      const found = await core.call('search-query', { q: 'apiario' });
      expect(found.enterprises.map((e) => e.id)).toContain('apiario');
      const honey = await core.call('search-query', { q: 'mel' });
      expect(honey.enterprises.map((e) => e.id)).toContain('apiario');
      // A write after the migration goes through the new triggers too.
      await core.call('enterprise-update', { id: 'mercearia', changes: { name: 'Mercearia Renovada' } });
      expect((await core.call('search-query', { q: 'renovada' })).enterprises.map((e) => e.id)).toEqual(['mercearia']);
    } finally {
      core.close();
    }
  });
});

describe('a catalogue from a newer Teia', () => {
  it('is refused with a clear message, untouched, with no backup and no WAL left behind', () => {
    const file = writeOldCatalogue(latestVersion);
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(TeiaError);
    try {
      openCore({ dbPath: file, host: 'desktop' });
      expect.unreachable();
    } catch (err) {
      expect((err as TeiaError).code).toBe('newer-database');
      expect((err as TeiaError).message).toMatch(/newer version of Teia.*Update Teia.*left untouched/);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(listBackups(file)).toEqual([]);
  });
});
