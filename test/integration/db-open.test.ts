import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, NEW_PAGE_SIZE, openDatabase, schemaVersion } from '../../electron/core/db/open.ts';
import { latestVersion, migrations } from '../../electron/core/db/migrations/index.ts';
import { TeiaError } from '../../shared/contract/errors.ts';
import { tempDir } from '../helpers/tmp.ts';

const tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  fs.mkdirSync(tmp.dir, { recursive: true });
});

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening a catalogue file', () => {
  it('creates the schema at the latest version with WAL and foreign keys on', () => {
    const file = path.join(tmp.dir, 'new', 'c.db');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO offers (enterprise_id, product_id) VALUES ('nobody', 'nothing')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('gives a new file bigger pages, and keeps the pages of a catalogue made with 4 KB ones', () => {
    const fresh = openDatabase(path.join(tmp.dir, 'fresh.db'));
    expect(fresh.pragma('page_size', { simple: true })).toBe(NEW_PAGE_SIZE);
    expect(NEW_PAGE_SIZE).not.toBe(4096);
    fresh.close();
    // A catalogue of an earlier Teia: schema version 1, SQLite's default page size.
    const file = path.join(tmp.dir, 'old.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    migrate(raw, 0, migrations.slice(0, 1));
    raw.prepare("INSERT INTO enterprises (id, name, solidarity) VALUES ('a', 'A', 1)").run();
    expect(raw.pragma('page_size', { simple: true })).toBe(4096);
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(schemaVersion(db)).toBe(latestVersion);
    expect(db.prepare('SELECT name FROM enterprises').pluck().all()).toEqual(['A']);
    db.close();
  });

  it('refuses a file from a newer Teia with a clear message and leaves it untouched', () => {
    const file = path.join(tmp.dir, 'future.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x INTEGER)');
    raw.pragma(`user_version = ${latestVersion + 7}`);
    raw.close();
    const before = hash(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TeiaError);
    expect((error as TeiaError).code).toBe('newer-database');
    expect((error as TeiaError).message).toMatch(/newer version of Teia/);
    expect(hash(file)).toBe(before);
    expect(fs.existsSync(file + '-wal')).toBe(false);
  });

  it('runs pending migrations in one transaction: a failing step leaves the file as it was', () => {
    const file = path.join(tmp.dir, 'm.db');
    const db = new Database(file);
    const steps = [
      { version: 1, name: 'one', up: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: 'two', up: 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO missing VALUES (1);' },
    ];
    expect(() => migrate(db, 0, steps)).toThrow(/no such table: missing/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    migrate(db, 0, steps.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});
