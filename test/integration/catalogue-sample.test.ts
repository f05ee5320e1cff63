import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { readPackage } from '../../electron/core/catalogue/read-package.ts';
import { tempDir } from '../helpers/tmp.ts';

let tmp: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  tmp = tempDir();
  core = openCore({ dbPath: path.join(tmp.dir, 'teia.db'), host: 'cli' });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

describe('the sample catalogue', () => {
  it('is loaded on first start through the import path, with its provenance', async () => {
    const db = core.ctx.db;
    expect(core.ctx.sample).toBe(true);
    expect((await core.call('app-info', {})).sample).toBe(true);
    const imp = db.prepare('SELECT id, format, file_name, rows_read, accepted, rejected FROM imports').all() as {
      id: number; format: string; file_name: string; rows_read: number; accepted: number; rejected: number;
    }[];
    expect(imp).toHaveLength(1);
    expect(imp[0]).toMatchObject({ format: 'package', file_name: 'sample-catalogue.json', rejected: 0 });
    expect(imp[0].accepted).toBe(imp[0].rows_read);
    const orphans = db.prepare('SELECT count(*) FROM enterprises WHERE import_id IS NOT ? OR source_row IS NULL').pluck().get(imp[0].id);
    expect(orphans).toBe(0);
  });

  it('is a plausible regional network, and says it is illustrative', () => {
    const pkg = readPackage(core.ctx.db);
    const enterprises = pkg.enterprises!;
    expect(enterprises.length).toBeGreaterThanOrEqual(40);
    expect(enterprises.length).toBeLessThanOrEqual(60);
    const solidarity = enterprises.filter((e) => e.solidarity).length;
    expect(solidarity).toBeGreaterThan(enterprises.length / 3);
    expect(solidarity).toBeLessThan(enterprises.length);
    expect(pkg.networks!.length).toBeGreaterThanOrEqual(2);
    expect(pkg.flows!.some((f) => f.value === undefined)).toBe(true);
    expect(pkg.products!.every((p) => p.names?.pt && p.names.es && p.names.fr)).toBe(true);
    for (const e of enterprises) expect(e.source).toMatch(/illustrative/);
  });

  it('gives its currencies their names, kinds and issuers', () => {
    const rows = core.ctx.db.prepare('SELECT id, name, kind, issuer FROM currencies ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'horas', name: 'Horas Solidárias', kind: 'time-credits', issuer: 'banco-horas' },
      { id: 'ipe', name: 'Ipê', kind: 'social-currency', issuer: 'banco-ipe' },
      { id: 'vale-feira', name: 'Vale-Feira', kind: 'voucher', issuer: 'consumo' },
    ]);
  });
});
