// A writer for the crash tests, run as a child process that the test kills with SIGKILL:
//   node bin/tsx.mjs test/helpers/crash-writer.ts import DB FILE
//   node bin/tsx.mjs test/helpers/crash-writer.ts scenario DB CHANGES
//   node bin/tsx.mjs test/helpers/crash-writer.ts writes DB TAG N GO   (the concurrency test)
// It goes through the real paths (parseFile + applyImport, the scenario-save method) and
// prints what it is doing, one line at a time, so the test knows when it is mid-write.
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../../electron/core/index.ts';
import { parseFile } from '../../electron/core/import/formats/index.ts';
import { applyImport } from '../../electron/core/import/apply.ts';

const [mode, dbPath, arg] = process.argv.slice(2);
const say = (line: string) => fs.writeSync(1, line + '\n');
const core = openCore({ dbPath, host: 'cli', sample: false });
// A small page cache (as on a memory-tight machine) makes a big write spill pages into the WAL
// as it goes, instead of all at COMMIT: so a kill lands amid half-written pages.
if (process.env.TEIA_CRASH_SMALL_CACHE) core.ctx.db.pragma('cache_size = -256');

if (mode === 'import') {
  const parsed = await parseFile(fs.readFileSync(arg), { fileName: path.basename(arg) });
  say(`parsed ${parsed.rowsRead}`);
  const report = await applyImport(core.ctx.db, parsed, { fileName: path.basename(arg), onProgress: (done, total, label) => say(`progress ${label} ${done}/${total}`) });
  say(`committed ${report.accepted}`);
} else if (mode === 'scenario') {
  const n = Number(arg);
  const changes = Array.from({ length: n }, (_, i) => ({ line: `f${i}`, buyer: `buyer-${i % 977}`, product: `p${i % 31}`, from: `s${i % 13}`, to: `t${i % 17}`, quantity: i % 1000 }));
  say('saving');
  const { id } = await core.call('scenario-save', { name: 'Big what-if', network: null, changes });
  say(`saved ${id}`);
} else if (mode === 'writes') {
  // N small writes of every kind, started together with the other writers (when GO exists),
  // each reported; any error is reported too, never swallowed.
  const [tag, n, go] = process.argv.slice(4);
  while (!fs.existsSync(go)) await new Promise((r) => setTimeout(r, 5));
  const errors: string[] = [];
  let ok = 0;
  for (let i = 0; i < Number(n); i++) {
    try {
      const { id } = await core.call('enterprise-create', { name: `Writer ${tag} number ${i}`, solidarity: i % 2 === 0 });
      await core.call('enterprise-update', { id, changes: { description: `written by ${tag}` } });
      if (i % 10 === 0) {
        const rows = Array.from({ length: 20 }, (_, k) => `Imported ${tag} ${i} ${k},Porto`).join('\n');
        const report = await core.call('import-run', { fileName: `${tag}-${i}.csv`, contentBase64: Buffer.from(`name,locality\n${rows}`).toString('base64'), mapping: { name: 'name', locality: 'locality' }, onDuplicate: 'keep-both' });
        if (!report.applied) errors.push(`import ${i} not applied: ${report.warnings.join(' ')}`);
        await core.call('scenario-save', { name: `Scenario ${tag} ${i}`, network: null, changes: [] });
      }
      ok++;
    } catch (err) {
      errors.push(`${i}: ${(err as Error).message}`);
    }
  }
  say(JSON.stringify({ tag, ok, errors }));
} else {
  say(`unknown mode ${mode}`);
  process.exitCode = 2;
}
core.close();
