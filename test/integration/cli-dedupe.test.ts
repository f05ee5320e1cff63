import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teia } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const lists = path.resolve('..', 'shared', 'data', 'supply-chains', 'open-apparel-registry', 'osh-geocoded-lists');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

interface Pair {
  a: string | number;
  b: string | number;
  score: number;
  decision: 'same' | 'review';
}

describe('teia dedupe', () => {
  it('finds the known duplicates of two real supplier lists put in one file, naming rows by line, and writes nothing', async () => {
    // Open Supply Hub lists 6 and 8 name three factories both (labelled by hand in
    // bench/data/osh-labelled-pairs.csv: rows 6:30~8:43, 6:31~8:36, 6:34~8:41).
    const six = fs.readFileSync(path.join(lists, '6.csv'), 'utf8').trimEnd().split('\n');
    const eight = fs.readFileSync(path.join(lists, '8.csv'), 'utf8').trimEnd().split('\n');
    const file = path.join(tmp.dir, 'suppliers.csv');
    fs.writeFileSync(file, [...six, ...eight.slice(1)].join('\n') + '\n');
    const line8 = (row: number) => row + six.length - 1;

    const db = path.join(tmp.dir, 'never.db');
    const r = await teia('dedupe', file, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pairs = JSON.parse(r.stdout) as Pair[];
    for (const p of pairs) expect(Object.keys(p).sort()).toEqual(['a', 'b', 'decision', 'score']);
    const same = pairs.filter((p) => p.decision === 'same').map((p) => [p.a, p.b]);
    expect(same).toContainEqual([30, line8(43)]);
    expect(same).toContainEqual([31, line8(36)]);
    expect(same).toContainEqual([34, line8(41)]);
    // Two sites of one company ("… Sewing 2" beside "Hanes Choloma") are not merged.
    expect(pairs.find((p) => p.a === 23 && p.b === line8(28))?.decision).not.toBe('same');
    expect(fs.existsSync(db)).toBe(false);
    expect(fs.readdirSync(tmp.dir)).toEqual(['suppliers.csv']);

    const text = await teia('dedupe', file);
    expect(text.stdout).toMatch(/^103 enterprises read: \d+ pairs the matcher would merge, \d+ to review\./);
    expect(text.stdout).toContain(`line 34 "GTM Sportwear" ~ line ${line8(41)} "GTM Sportwear": 1.00 same (same name, same country (US)`);
  });

  it('names rows by their id column, reads the mapping like teia import, and keeps co-ops with different acronyms apart', async () => {
    const file = path.join(tmp.dir, 'coops.csv');
    fs.writeFileSync(
      file,
      [
        'Código,Nome,Sigla,Cidade',
        'c1,Cooperativa dos Agricultores Familiares de Ibiá,COOPAF,Ibiá',
        'c2,Coop. dos Agricultores Familiares de Ibiá Ltda,,IBIÁ',
        'c3,Cooperativa dos Agricultores Familiares de Ibiá,COOAGRIF,Ibiá',
        'c4,Padaria Bem Viver,,Ibiá',
      ].join('\n'),
    );
    const r = await teia('dedupe', file, '--format', 'csv', '--map', 'id=Código,name=Nome,nickname=Sigla,locality=Cidade', '--json');
    expect(r.code).toBe(0);
    const pairs = JSON.parse(r.stdout) as Pair[];
    expect(pairs.map((p) => [p.a, p.b, p.decision])).toContainEqual(['c1', 'c2', 'same']);
    expect(pairs.some((p) => p.a === 'c1' && p.b === 'c3')).toBe(false);
    expect(pairs.some((p) => p.a === 'c4' || p.b === 'c4')).toBe(false);
  });

  it('says what is wrong with its arguments', async () => {
    expect((await teia('dedupe')).code).toBe(2);
    expect((await teia('dedupe', 'x.csv', '--format', 'docx')).stderr).toMatch(/--format must be one of/);
    const missing = await teia('dedupe', path.join(tmp.dir, 'absent.csv'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/Could not read/);
  });
});
