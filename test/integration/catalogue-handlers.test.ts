import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { generatePackage } from '../../electron/core/catalogue/generate.ts';
import { stringifyPackage } from '../../electron/core/catalogue/package-json.ts';
import type { TeiaEvent } from '../../shared/contract/index.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { sharedDir, tempDir } from '../helpers/tmp.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const example = fs.readFileSync(path.join(sharedDir, 'spec', 'example-network.json'), 'utf8');

let tmp: ReturnType<typeof tempDir>;
let core: Core;
let events: TeiaEvent[];
beforeEach(() => {
  tmp = tempDir();
  events = [];
  core = openCore({ dbPath: path.join(tmp.dir, 'teia.db'), host: 'server', sample: false, emit: (e) => events.push(e) });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

describe('import through the contract', () => {
  it('import-preview detects the format and gives the exact report without writing', async () => {
    const preview = await core.call('import-preview', { fileName: 'example.json', contentBase64: base64(example) });
    expect(preview.format).toBe('package');
    expect(preview.table).toBeNull();
    const pkg = JSON.parse(example) as TeiaPackage;
    const rows = [pkg.products, pkg.enterprises, pkg.offers, pkg.needs, pkg.flows, pkg.networks].reduce((n, l) => n + (l?.length ?? 0), 0);
    expect(preview.report).toMatchObject({ dryRun: true, applied: false, rowsRead: rows, accepted: rows, rejected: [] });
    expect((await core.call('catalogue-stats', {})).enterprises).toBe(0);

    const csv = 'Nome;Cidade\nCoop Um;Recife\nCoop Dois;Natal\n';
    const table = await core.call('import-preview', { fileName: 'list.csv', contentBase64: base64(csv), format: 'csv', mapping: { name: 'Nome', locality: 'Cidade' } });
    expect(table.table).toEqual({ headers: ['Nome', 'Cidade'], rows: [['Coop Um', 'Recife'], ['Coop Dois', 'Natal']] });
  });

  it('import-run writes, reports progress and tells the windows the catalogue changed', async () => {
    const pkg = stringifyPackage(generatePackage({ enterprises: 600, seed: 2 }));
    const report = await core.call('import-run', { fileName: 'gen.json', contentBase64: base64(pkg), jobId: 'job-1' });
    expect(report.applied).toBe(true);
    expect(report.accepted).toBe(report.rowsRead);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((e) => e.type === 'progress' && e.jobId === 'job-1' && e.done <= e.total)).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'catalogue-changed', reason: 'import' });
    expect((await core.call('catalogue-stats', {})).enterprises).toBe(600);
  });

  it('a cancelled import rolls back entirely', async () => {
    await core.call('import-run', { fileName: 'example.json', contentBase64: base64(example), onDuplicate: 'merge' });
    const before = await core.call('catalogue-stats', {});
    const pkg = stringifyPackage(generatePackage({ enterprises: 1500, seed: 3 }));
    const running = core.call('import-run', { fileName: 'gen.json', contentBase64: base64(pkg), jobId: 'big' });
    // Cancel as soon as the first progress event shows the write has started.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (events.some((e) => e.type === 'progress' && e.jobId === 'big')) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    // A second import meanwhile waits its turn rather than nesting inside the first one's
    // transaction (nested, a cancel of the first once kept the second's rows half-written).
    const second = core.call('import-run', { fileName: 'example.json', contentBase64: base64(example), onDuplicate: 'merge' });
    expect(await core.call('job-cancel', { jobId: 'big' })).toEqual({ cancelled: true });
    await expect(running).rejects.toThrow(/cancelled/);
    // The second ran whole after the first rolled back: the same records again, merged.
    expect((await second).applied).toBe(true);
    const after = await core.call('catalogue-stats', {});
    expect(after.imports).toBe(before.imports + 1);
    expect({ ...after, imports: before.imports }).toEqual(before);
    // The connection is usable again, foreign keys back on.
    expect(core.ctx.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('a dry run asked for while an import runs waits for it, and cancelling the import keeps nothing of either', async () => {
    const before = await core.call('catalogue-stats', {});
    const pkg = stringifyPackage(generatePackage({ enterprises: 1500, seed: 4 }));
    const running = core.call('import-run', { fileName: 'gen.json', contentBase64: base64(pkg), jobId: 'big2' });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (events.some((e) => e.type === 'progress' && e.jobId === 'big2')) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    const preview = core.call('import-preview', { fileName: 'gen.json', contentBase64: base64(pkg) });
    expect(await core.call('job-cancel', { jobId: 'big2' })).toEqual({ cancelled: true });
    await expect(running).rejects.toThrow(/cancelled/);
    const dry = await preview;
    expect(dry.report.dryRun).toBe(true);
    expect(dry.report.accepted).toBeGreaterThan(1500);
    expect(await core.call('catalogue-stats', {})).toEqual(before);
    expect(core.ctx.db.inTransaction).toBe(false);
  });

  it('export-run gives the catalogue back as a package', async () => {
    await core.call('import-run', { fileName: 'example.json', contentBase64: base64(example) });
    const out = await core.call('export-run', { format: 'package' });
    expect(out).toMatchObject({ fileName: 'teia-catalogue.json', mimeType: 'application/json' });
    const pkg = JSON.parse(out.text) as TeiaPackage;
    const original = JSON.parse(example) as TeiaPackage;
    expect(pkg.flows).toEqual(original.flows);
    expect(pkg.enterprises).toEqual(original.enterprises);
  });
});
