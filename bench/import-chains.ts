// Chains benchmark (issue 10): a 100,000-row sheet of flows whose partners are written as
// people write them (upper case, no accents, a legal suffix added, a few hundred names nobody
// has yet), imported into a generated catalogue of 5,000 enterprises: parse, resolve every
// partner and product name, write in one transaction. Target under 30 s; peak memory is this
// process's own (bench/index.ts runs each bench file in its own process).
// Run alone: `node bin/tsx.mjs bench/import-chains.ts [rows]`.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { generatePackage } from '../electron/core/catalogue/generate.ts';
import { openDatabase } from '../electron/core/db/open.ts';
import { parseFile } from '../electron/core/import/formats/index.ts';
import { parsePackage } from '../electron/core/import/formats/package.ts';
import { applyImport, applyImportSync } from '../electron/core/import/apply.ts';
import { mulberry32 } from '../electron/core/catalogue/generate.ts';

interface BenchRow {
  name: string;
  value: number | string;
  unit: string;
  target: string;
}

/** How a person might write a catalogue name in a sheet. */
function respell(name: string, r: number): string {
  if (r < 0.25) return name.toUpperCase();
  if (r < 0.5) return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (r < 0.75) return `${name.replace(/ (Ltda\.?|S\.A\.|Eireli|ME)$/, '')} Ltda`;
  return name;
}

export async function run(rows = 100_000): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teia-bench-chains-'));
  try {
    const db = openDatabase(path.join(dir, 'teia.db'));
    const pkg = generatePackage({ enterprises: 5000, seed: 11 });
    applyImportSync(db, parsePackage(new TextEncoder().encode(JSON.stringify({ ...pkg, flows: [], offers: [], needs: [] }))), { fileName: 'generated.json' });
    const names = (pkg.enterprises ?? []).map((e) => e.name);
    // Products by their Portuguese name where they have one, quantities in each product's own unit.
    const products = (pkg.products ?? []).filter((p) => p.parent).map((p) => ({ name: p.names?.pt ?? p.name, unit: p.unit ?? '' }));
    const rand = mulberry32(5);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
    const lines = ['Fornecedor,Comprador,Produto,Quantidade,Unidade,Valor'];
    for (let i = 0; i < rows; i++) {
      // One row in 200 names a partner nobody has: a new enterprise, not yet classified.
      const supplier = rand() < 0.005 ? `Sítio Novo ${Math.floor(rand() * 300)}` : respell(pick(names), rand());
      let buyer = respell(pick(names), rand());
      if (buyer === supplier) buyer = respell(pick(names), 0.9);
      const quantity = rand() < 0.2 ? '' : String(Math.round(1 + rand() * 500));
      const product = pick(products);
      lines.push([supplier, buyer, product.name, quantity, quantity ? product.unit : '', String(Math.round(rand() * 10000))].map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    }
    const content = new TextEncoder().encode(lines.join('\n'));
    const started = performance.now();
    const parsed = await parseFile(content, { fileName: 'flows.csv', kind: 'flows' });
    const parsedAt = performance.now();
    const report = await applyImport(db, parsed, { fileName: 'flows.csv' });
    const ms = performance.now() - started;
    db.close();
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    const seconds = (x: number) => Math.round(x / 100) / 10;
    return [
      { name: `flow sheet, ${rows.toLocaleString('en')} rows, names resolved: total`, value: seconds(ms), unit: 's', target: '< 30 s' },
      { name: '  of which reading the sheet', value: seconds(parsedAt - started), unit: 's', target: '' },
      { name: '  flows written', value: report.written.flows, unit: '', target: `${report.rejected.length} rejected` },
      { name: '  partner cells matched / new enterprises', value: `${report.partners?.matched ?? 0} / ${report.partners?.created.length ?? 0}`, unit: '', target: `${report.partners?.review.length ?? 0} to review` },
      { name: '  peak memory (maxRSS, whole process)', value: peak, unit: 'MB', target: '' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  for (const r of await run(Number(process.argv[2]) || 100_000)) console.log(`${r.name.padEnd(56)} ${String(r.value).padStart(12)} ${r.unit} ${r.target}`);
}
