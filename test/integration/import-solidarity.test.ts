import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { ImportReport } from '../../shared/contract/import.ts';
import { repoRoot, tempDir } from '../helpers/tmp.ts';
import { teia } from '../helpers/cli.ts';
import { httpCore, testCore } from '../helpers/core.ts';

/**
 * Solidarity is decided, never assumed (issue 11): every format, imported through the real
 * CLI into a real catalogue file, makes nothing solidarity unless the file or the person says.
 */
let tmp: ReturnType<typeof tempDir>;
let db: string;
const file = (name: string) => path.join(tmp.dir, name);
beforeEach(() => {
  tmp = tempDir();
  db = file('teia.db');
});
afterEach(() => tmp.cleanup());

const coopsUk = path.join(repoRoot, 'test', 'fixtures', 'formats', 'coops-uk-excerpt.csv');
const murmurations = path.join(repoRoot, 'test', 'fixtures', 'formats', 'murmurations-profile.json');

/** Solidarity and classification as stored, per enterprise. */
function stored(): { id: string; solidarity: number; classified: number; organisational_structure: string | null }[] {
  const raw = new Database(db, { readonly: true });
  try {
    return raw.prepare('SELECT id, solidarity, classified, organisational_structure FROM enterprises ORDER BY position').all() as never;
  } finally {
    raw.close();
  }
}

async function importJson(...args: string[]): Promise<ImportReport> {
  const r = await teia('import', ...args, '--db', db, '--json');
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as ImportReport;
}

async function writeFiles() {
  fs.writeFileSync(file('list.csv'), 'Nome,Cidade,Forma jurídica\nPadaria Comunitária,São Paulo,Cooperativa\nComercial Atacadista,Santos,Ltda\nFeira da Vila,Osasco,\n');
  fs.writeFileSync(
    file('map.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [-46.63, -23.55] }, properties: { name: 'Horta Coletiva' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [-46.7, -23.6] }, properties: { name: 'Mercado Central' } },
      ],
    }),
  );
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Fornecedores');
  sheet.addRows([['Name', 'Town'], ['Fábrica de Tecidos SA', 'Recife'], ['Tecelagem Norte', 'Natal']]);
  await wb.xlsx.writeFile(file('suppliers.xlsx'));
  fs.writeFileSync(
    file('package.json'),
    JSON.stringify({ format: 'teia-package', version: 1, enterprises: [{ id: 'coop', name: 'Coop', solidarity: true }, { id: 'loja', name: 'Loja', solidarity: false }] }),
  );
}

describe('teia import --solidarity', () => {
  it('without the flag, no format makes anything solidarity: the undecided are listed to classify', async () => {
    await writeFiles();
    const cases = [coopsUk, file('list.csv'), file('map.geojson'), file('suppliers.xlsx'), murmurations];
    let expectedUnclassified = 0;
    for (const f of cases) {
      const report = await importJson(f);
      expect(report.applied).toBe(true);
      expect(report.solidarity?.yes).toBe(0);
      expect(report.solidarity?.unknown).toBe(report.accepted);
      expectedUnclassified += report.accepted;
      expect(report.warnings.join('\n')).toMatch(/not yet classified/);
    }
    const rows = stored();
    expect(rows.length).toBe(expectedUnclassified);
    expect(rows.filter((r) => r.solidarity === 1)).toEqual([]);
    expect(rows.every((r) => r.classified === 0)).toBe(true);

    // A package's explicit boolean is its author's decision and stays.
    const pkg = await importJson(file('package.json'));
    expect(pkg.solidarity).toEqual({ yes: 1, no: 1, unknown: 0, stated: 2 });
    const after = stored().filter((r) => r.id === 'coop' || r.id === 'loja');
    expect(after.map((r) => [r.id, r.solidarity, r.classified])).toEqual([['coop', 1, 1], ['loja', 0, 1]]);
  });

  it('yes and no decide every record the file does not classify itself', async () => {
    await writeFiles();
    const yes = await importJson(file('map.geojson'), '--solidarity', 'yes');
    expect(yes.solidarity).toEqual({ yes: 2, no: 0, unknown: 0, stated: 0 });
    const no = await importJson(file('suppliers.xlsx'), '--solidarity', 'no');
    expect(no.solidarity).toEqual({ yes: 0, no: 2, unknown: 0, stated: 0 });
    expect(stored().map((r) => [r.solidarity, r.classified])).toEqual([[1, 1], [1, 1], [0, 1], [0, 1]]);
    // A package's own booleans are not overridden by --solidarity no.
    const pkg = await importJson(file('package.json'), '--solidarity', 'no');
    expect(pkg.solidarity).toMatchObject({ yes: 1, no: 1 });
  });

  it('column:NAME reads the ESSGLOBAL organisational structure by the default rule', async () => {
    const report = await importJson(coopsUk, '--solidarity', 'column:Organisational Structure');
    const rows = stored();
    expect(rows.length).toBe(report.accepted);
    for (const r of rows) {
      const os = r.organisational_structure;
      // OS50 "Company (Other)" is not solidarity; co-operatives, mutuals, societies are; no structure stays to classify.
      if (os === 'OS50') expect([r.solidarity, r.classified]).toEqual([0, 1]);
      else if (os && ['OS60', 'OS90', 'OS100', 'OS115', 'OS130', 'OS170', 'OS80', 'OS70', 'OS120'].includes(os)) expect([r.solidarity, r.classified]).toEqual([1, 1]);
      else if (!os) expect([r.solidarity, r.classified]).toEqual([0, 0]);
    }
    expect(rows.some((r) => r.organisational_structure === 'OS50')).toBe(true);
    expect(report.solidarity!.yes).toBeGreaterThan(0);
    expect(report.solidarity!.no).toBeGreaterThan(0);
  });

  it('column:NAME reads a free-text legal form; what it cannot tell is left to classify and reported by line', async () => {
    await writeFiles();
    const report = await importJson(file('list.csv'), '--solidarity', 'column:Forma jurídica');
    expect(report.solidarity).toEqual({ yes: 1, no: 1, unknown: 1, stated: 0 });
    expect(report.warnings.join('\n')).toMatch(/empty; left to classify \(1 row: line 4\)/);
    expect(stored().map((r) => [r.solidarity, r.classified])).toEqual([[1, 1], [0, 1], [0, 0]]);
  });

  it('refuses an unknown flag value and a column the file does not have, in a sentence, writing nothing', async () => {
    await writeFiles();
    const bad = await teia('import', file('list.csv'), '--db', db, '--solidarity', 'maybe');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--solidarity must be yes, no, column:NAME or unknown/);
    const missing = await teia('import', file('list.csv'), '--db', db, '--solidarity', 'column:Tipo');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no column named "Tipo" to decide solidarity from\. Its columns are: .*Forma jurídica/);
    expect(fs.existsSync(db) ? stored() : []).toEqual([]);
  });
});

describe('the classification methods, through the HTTP door', () => {
  it('lists what is to classify, decides in bulk, filters the directory, validates input', async () => {
    const t = testCore({ sample: false });
    const { server, invoke } = await httpCore(t.core);
    try {
      const csv = 'Name,Town\nHorta Coletiva,Recife\nMercado Central,Recife\nBanco Comunitário,Olinda\n';
      const imported = (await invoke('import-run', { fileName: 'list.csv', contentBase64: Buffer.from(csv).toString('base64') })) as { ok: true; value: ImportReport };
      expect(imported.value.solidarity).toMatchObject({ unknown: 3 });
      const list = (await invoke('enterprise-unclassified', {})) as { ok: true; value: { total: number; items: { id: string }[] } };
      expect(list.value.total).toBe(3);
      const stats = (await invoke('catalogue-stats', {})) as { ok: true; value: { unclassifiedEnterprises: number; solidarityEnterprises: number } };
      expect(stats.value).toMatchObject({ unclassifiedEnterprises: 3, solidarityEnterprises: 0 });

      const [a, b] = list.value.items.map((i) => i.id);
      const decided = (await invoke('enterprise-classify', { ids: [a, b, 'gone'], solidarity: true })) as { ok: true; value: { updated: number; missing: string[] } };
      expect(decided.value).toEqual({ updated: 2, missing: ['gone'] });
      const query = (await invoke('enterprise-query', { filters: { classified: false } })) as { ok: true; value: { total: number } };
      expect(query.value.total).toBe(1);
      const facets = (await invoke('enterprise-facets', {})) as { ok: true; value: { solidarity: { yes: number; no: number; unknown: number } } };
      expect(facets.value.solidarity).toEqual({ yes: 2, no: 1, unknown: 1 });
      const got = (await invoke('enterprise-get', { id: a })) as { ok: true; value: { solidarity: boolean; classified: boolean } };
      expect(got.value).toMatchObject({ solidarity: true, classified: true });

      const empty = (await invoke('enterprise-classify', { ids: [], solidarity: true })) as { ok: false; error: { code: string; message: string } };
      expect(empty.ok).toBe(false);
      expect(empty.error.code).toBe('invalid-input');
      const notBool = (await invoke('enterprise-classify', { ids: [a], solidarity: 'yes' })) as { ok: boolean };
      expect(notBool.ok).toBe(false);
      const badDecision = (await invoke('import-preview', { fileName: 'x.csv', contentBase64: 'eA==', solidarity: { mode: 'maybe' } })) as { ok: boolean };
      expect(badDecision.ok).toBe(false);

      // An unrelated edit on the form leaves an undecided enterprise undecided; ticking solidarity decides it.
      const left = list.value.items[2].id;
      const current = (await invoke('enterprise-get', { id: left })) as { ok: true; value: { name: string; locality: string } };
      await invoke('enterprise-replace', { id: left, record: { name: current.value.name, locality: 'Olinda PE', solidarity: false } });
      expect(((await invoke('enterprise-get', { id: left })) as { ok: true; value: { classified: boolean } }).value.classified).toBe(false);
      await invoke('enterprise-replace', { id: left, record: { name: current.value.name, locality: 'Olinda PE', solidarity: true } });
      expect(((await invoke('enterprise-get', { id: left })) as { ok: true; value: { classified: boolean } }).value.classified).toBe(true);
    } finally {
      await server.close();
      t.close();
    }
  });

  it('a re-import merging into an undecided record gives it the new decision, and never undoes one', async () => {
    const t = testCore({ sample: false });
    const { server, invoke } = await httpCore(t.core);
    try {
      const csv = Buffer.from('Name,Town\nHorta Coletiva,Recife\n').toString('base64');
      await invoke('import-run', { fileName: 'a.csv', contentBase64: csv });
      await invoke('import-run', { fileName: 'a.csv', contentBase64: csv, onDuplicate: 'merge', solidarity: { mode: 'yes' } });
      const stats = (await invoke('catalogue-stats', {})) as { ok: true; value: { enterprises: number; unclassifiedEnterprises: number; solidarityEnterprises: number } };
      expect(stats.value).toMatchObject({ enterprises: 1, unclassifiedEnterprises: 0, solidarityEnterprises: 1 });
      await invoke('import-run', { fileName: 'a.csv', contentBase64: csv, onDuplicate: 'merge', solidarity: { mode: 'no' } });
      await invoke('import-run', { fileName: 'a.csv', contentBase64: csv, onDuplicate: 'merge' });
      const again = (await invoke('catalogue-stats', {})) as { ok: true; value: { unclassifiedEnterprises: number; solidarityEnterprises: number } };
      expect(again.value).toMatchObject({ unclassifiedEnterprises: 0, solidarityEnterprises: 1 });
    } finally {
      await server.close();
      t.close();
    }
  });
});
