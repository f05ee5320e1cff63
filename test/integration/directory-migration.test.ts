import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../electron/core/db/open.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { tempDir } from '../helpers/tmp.ts';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

it('migration 5 gives rows written before it their sort keys, and keeps them right on later writes', () => {
  const file = path.join(tmp.dir, 'v4.db');
  // A catalogue at schema 4, with names as people write them.
  const old = new Database(file);
  migrate(old, 0, migrations.filter((m) => m.version <= 4));
  old.prepare("INSERT INTO enterprises (id, name, solidarity, locality) VALUES ('a', 'Ação Coletiva', 1, 'São Paulo'), ('b', 'ÉCOLE', 0, NULL), ('c', 'Adega', 1, 'Santos')").run();
  expect(old.pragma('user_version', { simple: true })).toBe(4);
  old.close();

  const db = openDatabase(file);
  const keys = () => db.prepare('SELECT id, name_key, locality_key FROM enterprises ORDER BY id').all();
  expect(keys()).toEqual([
    { id: 'a', name_key: 'acao coletiva', locality_key: 'sao paulo' },
    { id: 'b', name_key: 'ecole', locality_key: null },
    { id: 'c', name_key: 'adega', locality_key: 'santos' },
  ]);
  db.prepare("UPDATE enterprises SET name = 'Ñandú', locality = 'Niterói' WHERE id = 'b'").run();
  db.prepare("INSERT INTO enterprises (id, name, solidarity) VALUES ('d', 'Über Café', 1)").run();
  expect(db.prepare("SELECT name_key, locality_key FROM enterprises WHERE id IN ('b', 'd') ORDER BY id").all()).toEqual([
    { name_key: 'nandu', locality_key: 'niteroi' },
    { name_key: 'uber cafe', locality_key: null },
  ]);
  db.close();
});
