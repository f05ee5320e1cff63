// A Kumu workbook of the sample: Elements and Connections sheets, read back with a real XLSX reader.
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { teia } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { openCore } from '../../electron/core/index.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('teia export --format kumu', () => {
  it('writes one element per enterprise and one connection per flow, named by id, with the value as strength', async () => {
    const db = path.join(tmp.dir, 'sample.db');
    openCore({ dbPath: db, host: 'cli', sample: true }).close();
    const file = path.join(tmp.dir, 'kumu.xlsx');
    const r = await teia('export', file, '--format', 'kumu', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    const pkg = readPackage(openCore({ dbPath: db, host: 'cli', sample: false, readonly: true }).ctx.db);
    const elements = await readSheet(fs.readFileSync(file), 'Elements');
    const connections = await readSheet(fs.readFileSync(file), 'Connections');
    expect(elements[0]).toEqual(['ID', 'Label', 'Type', 'Description', 'Tags']);
    expect(connections[0]).toEqual(['ID', 'From', 'To', 'Type', 'Strength', 'Quantity']);
    expect(elements.slice(1).map((row) => row[0]).sort()).toEqual(pkg.enterprises!.map((e) => e.id).sort());
    const ids = new Set(pkg.enterprises!.map((e) => e.id));
    expect(connections).toHaveLength(pkg.flows!.length + 1);
    for (const [i, f] of pkg.flows!.entries()) {
      const row = connections[i + 1];
      expect([row[0], row[1], row[2], row[4] ?? undefined]).toEqual([f.id, f.supplier, f.buyer, f.value]);
      expect(ids.has(String(row[1])) && ids.has(String(row[2]))).toBe(true);
    }
    const solidarity = pkg.enterprises!.find((e) => e.solidarity)!;
    expect(elements.find((row) => row[0] === solidarity.id)![2]).toBe('Solidarity enterprise');
  });
});
