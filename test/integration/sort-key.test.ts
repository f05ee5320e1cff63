import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import { foldKey, foldSql } from '../../electron/core/db/sort-key.ts';
import { sharedDir } from '../helpers/tmp.ts';

/**
 * A bulk import gives rows the sort keys foldKey makes instead of the trigger's foldSql: the two
 * must agree on every name, or the directory would sort imported rows apart from edited ones.
 */
it('folds every Co-ops UK name and locality, and other scripts, exactly as the SQL of the triggers', () => {
  const csv = fs.readFileSync(path.join(sharedDir, 'data', 'directories', 'coops-uk-2023q2-standard.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  const texts = [
    ...rows.flatMap((r) => [r.Name, r.Locality]),
    'Açúcar ÁÀÂÃÄÅ ÉÈÊË ÍÌÎÏ ÓÒÔÕÖØ ÚÙÛÜ Ç Ñ ÝŸ ýÿ',
    'Łódź İstanbul ΑΘΗΝΑ Straße ÆØÅ Œuvre Ĳssel 東京 Ünïcödé',
    '',
  ];
  expect(rows.length).toBeGreaterThan(7000);
  const db = new Database(':memory:');
  const fold = db.prepare(`SELECT ${foldSql('?')}`).pluck();
  const differing = texts.filter((t) => fold.get(t) !== foldKey(t));
  expect(differing).toEqual([]);
  expect(foldKey(null)).toBeNull();
  expect(fold.get(null)).toBeNull();
  expect(foldKey('Açúcar ÇA')).toBe('acucar ca');
  db.close();
});
