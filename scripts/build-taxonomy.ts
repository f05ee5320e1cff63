// Builds data/taxonomy/hs.json, the product tree Teia starts from: the Harmonized System's
// 21 sections, 97 chapters (2-digit) and 1,229 headings (4-digit), package-shaped, from the
// team's open data (../shared/data/taxonomies, or TEIA_SHARED_DATA). The 6-digit
// subheadings are left out to keep the tree small; users add their own products below any
// node. Run: node bin/tsx.mjs scripts/build-taxonomy.ts  (deterministic output).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import type { Product, TeiaPackage } from '../shared/domain/package.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.TEIA_SHARED_DATA ?? path.join(root, '..', 'shared', 'data');
const outFile = path.join(root, 'data', 'taxonomy', 'hs.json');

/** The taxonomy file's content, from the HS files of the team's open data. */
export function buildTaxonomy(sharedData = shared): TeiaPackage {
  const read = <T>(file: string) =>
    Papa.parse<T>(fs.readFileSync(path.join(sharedData, 'taxonomies', file), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

  const capitalise = (s: string) => s.trim().charAt(0).toUpperCase() + s.trim().slice(1);

  const products: Product[] = [];
  const sectionId = (roman: string) => `hs-section-${roman}`;
  for (const s of read<{ section: string; name: string }>('hs-sections.csv')) {
    products.push({ id: sectionId(s.section), name: capitalise(s.name), parent: null, codes: { 'hs-section': s.section } });
  }
  for (const row of read<{ section: string; hscode: string; description: string; parent: string; level: string }>('hs-harmonized-system.csv')) {
    if (row.level === '2') {
      // Chapter 99 ("not specified according to kind") belongs to no section: a root.
      const parent = row.section === 'TOTAL' ? null : sectionId(row.section);
      products.push({ id: `hs-${row.hscode}`, name: capitalise(row.description), parent, codes: { hs: row.hscode } });
    } else if (row.level === '4') {
      products.push({ id: `hs-${row.hscode}`, name: capitalise(row.description), parent: `hs-${row.parent}`, codes: { hs: row.hscode } });
    }
  }

  // Parents before children (the file lists each chapter before its headings, sections first).
  const ids = new Set<string>();
  for (const p of products) {
    if (p.parent && !ids.has(p.parent)) throw new Error(`${p.id}: parent ${p.parent} not defined before it`);
    ids.add(p.id);
  }

  return {
    format: 'teia-package',
    version: 1,
    name: 'Harmonized System (HS): sections, chapters and headings',
    description: 'From datasets/harmonized-system @ 905e5a0f, ODC-PDDL 1.0. See data/ATTRIBUTION.md.',
    products,
  } satisfies TeiaPackage;
}

// Run as a script (not when a test imports buildTaxonomy).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const pkg = buildTaxonomy();
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(pkg, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`Wrote ${path.relative(root, outFile)}: ${pkg.products!.length} products.`);
}
