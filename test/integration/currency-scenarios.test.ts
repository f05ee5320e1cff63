import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index.ts';
import { migrate } from '../../electron/core/db/open.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { writePackage } from '../../electron/core/catalogue/write-package.ts';
import { methods } from '../../shared/contract/index.ts';
import { applyAcceptances } from '../../shared/engine/currency-scenario.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';

/**
 * "If these suppliers accepted Sampa" through the contract handlers, on a real SQLite file
 * that already holds a plan scenario saved before scenarios could carry acceptances (schema 7).
 */
const specDir = path.resolve(import.meta.dirname, '../../../shared/spec');
const example = JSON.parse(fs.readFileSync(path.join(specDir, 'example-network-v1.1.json'), 'utf8')) as TeiaPackage;
const expected = JSON.parse(fs.readFileSync(path.join(specDir, 'example-results-v1.1.json'), 'utf8'));

let dir: string;
let core: Core;
let oldId: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teia-currency-scen-'));
  const file = path.join(dir, 'teia.db');
  const old = new Database(file);
  old.pragma('foreign_keys = ON');
  migrate(old, 0, migrations.filter((m) => m.version <= 7));
  oldId = Number(
    old
      .prepare('INSERT INTO scenarios (name, network_id, settings, changes) VALUES (?, ?, ?, ?)')
      .run('plan from before', 'rede-sp', '{}', JSON.stringify(expected.plan.changes)).lastInsertRowid,
  );
  old.close();
  core = openCore({ dbPath: file, host: 'cli', sample: false, emit: () => {} });
  writePackage(core.ctx.db, example);
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('currency scenarios (contract handlers, real SQLite file)', () => {
  it('engine-payable lists the purchases payable in each currency the shop holds, adding up to its §3.8 spend', async () => {
    const analysis = await core.call('engine-analyse', { network: 'rede-sp', plan: false });
    for (const c of analysis.result.currencies) {
      for (const row of c.members) {
        const mine = await core.call('engine-payable', { enterprise: row.enterprise, network: 'rede-sp' });
        expect(methods['engine-payable'].output.safeParse(mine).success).toBe(true);
        const held = mine.currencies.find((x) => x.currency === c.currency)!;
        expect(held.spend).toBeCloseTo(row.spend, 9);
        expect(held.earn).toBeCloseTo(row.earn, 9);
        expect(held.purchases.reduce((s, p) => s + p.payable, 0)).toBeCloseTo(row.spend, 9);
        if (row.payableShare !== null) expect(held.payableShare).toBeCloseTo(row.payableShare, 9);
      }
    }
    await expect(core.call('engine-payable', { enterprise: 'nobody' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('saves "if the next acceptors took Sampa", lists and compares it: the payable value rises by their gain', async () => {
    const before = (await core.call('engine-analyse', { network: 'rede-sp', plan: false })).result.currencies.find((c) => c.currency === 'sampa')!;
    const next = before.nextAcceptors;
    expect(next.length).toBeGreaterThan(0);
    const acceptances = [{ currency: 'sampa', enterprises: next.map((n) => n.enterprise) }];
    const { id } = await core.call('scenario-save', { name: 'if they took Sampa', network: 'rede-sp', acceptances });
    const list = (await core.call('scenario-list', {})).scenarios;
    expect(list.find((s) => s.id === id)).toMatchObject({ name: 'if they took Sampa', network: 'rede-sp', changes: 0, acceptances: 1 });
    expect(await core.call('scenario-get', { id })).toMatchObject({ changes: [], acceptances });

    const cmp = await core.call('scenario-compare', { id });
    expect(methods['scenario-compare'].output.safeParse(cmp).success).toBe(true);
    const s = cmp.currencies.find((c) => c.currency === 'sampa')!;
    expect(s.before.payableValue).toBeCloseTo(before.payableValue, 9);
    expect(s.before.circulation).toBeCloseTo(before.circulation!, 9);
    // §3.8: gain(e) is what would become payable if e accepted it for everything at share 1.
    const gains = next.reduce((sum, n) => sum + n.gain, 0);
    expect(s.after.payableValue).toBeCloseTo(before.payableValue + gains, 9);
    expect(s.after.acceptors).toBe(before.acceptors.length + next.length);
    expect(s.after.nextAcceptors.map((n) => n.enterprise)).not.toContain(next[0].enterprise);
    // The flows are untouched, and the catalogue too: the analysis reads the same as before.
    expect(cmp.after.leakage).toEqual(cmp.before.leakage);
    const again = (await core.call('engine-analyse', { network: 'rede-sp', plan: false })).result.currencies.find((c) => c.currency === 'sampa')!;
    expect(again.payableValue).toBe(before.payableValue);

    // The same figures as a catalogue where those enterprises really accept it.
    const other = openCore({ dbPath: path.join(dir, 'accepted.db'), host: 'cli', sample: false, emit: () => {} });
    try {
      writePackage(other.ctx.db, applyAcceptances(example, acceptances));
      const real = (await other.call('engine-analyse', { network: 'rede-sp', plan: false })).result.currencies.find((c) => c.currency === 'sampa')!;
      expect(s.after.payableShare).toBeCloseTo(real.payableShare!, 9);
      expect(s.after.circulation ?? NaN).toBeCloseTo(real.circulation ?? NaN, 9);
      expect(s.after.stuck).toBeCloseTo(real.stuck, 9);
      expect(s.after.nextAcceptors).toEqual(real.nextAcceptors);
    } finally {
      other.close();
    }
  });

  it('compares acceptances given directly, at a share and for some products', async () => {
    const half = await core.call('scenario-compare', { network: 'rede-sp', acceptances: [{ currency: 'sampa', enterprises: ['bigcoffee'], share: 0.5 }] });
    const whole = await core.call('scenario-compare', { network: 'rede-sp', acceptances: [{ currency: 'sampa', enterprises: ['bigcoffee'] }] });
    const gain = (c: typeof half) => {
      const s = c.currencies.find((x) => x.currency === 'sampa')!;
      return s.after.payableValue - s.before.payableValue;
    };
    expect(gain(whole)).toBeGreaterThan(0);
    expect(gain(half)).toBeCloseTo(gain(whole) / 2, 9);
    // bigcoffee sells coffee: taking Sampa for food (coffee's parent) is all of it, for packaging none.
    const food = await core.call('scenario-compare', { network: 'rede-sp', acceptances: [{ currency: 'sampa', enterprises: ['bigcoffee'], products: ['food'] }] });
    const packaging = await core.call('scenario-compare', { network: 'rede-sp', acceptances: [{ currency: 'sampa', enterprises: ['bigcoffee'], products: ['packaging'] }] });
    expect(gain(food)).toBeCloseTo(gain(whole), 9);
    expect(gain(packaging)).toBe(0);
  });

  it('still loads, lists and compares a plan scenario saved before acceptances existed', async () => {
    const list = (await core.call('scenario-list', {})).scenarios;
    expect(list.find((s) => s.id === oldId)).toMatchObject({ name: 'plan from before', changes: expected.plan.changes.length, acceptances: 0 });
    const got = await core.call('scenario-get', { id: oldId });
    expect(got.changes).toEqual(expected.plan.changes);
    expect(got.acceptances).toEqual([]);
    const cmp = await core.call('scenario-compare', { id: oldId });
    expect(cmp.after.solidarityShare!).toBeGreaterThan(cmp.before.solidarityShare!);
    expect(cmp.currencies.map((c) => c.currency)).toEqual(expected.currencies.map((c: { currency: string }) => c.currency));
  });

  it('refuses bad acceptances at the door with a sentence, saving nothing', async () => {
    const count = (await core.call('scenario-list', {})).scenarios.length;
    await expect(core.call('scenario-save', { name: 'x', acceptances: [{ currency: 'sampa', enterprises: ['bigcoffee'], share: 1.5 }] })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('A share is the largest part of a price taken in the currency: above 0 and at most 1'),
    });
    await expect(core.call('scenario-save', { name: 'x', acceptances: [{ currency: 'sampa', enterprises: ['bigcoffee'], share: 0 }] })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(core.call('scenario-save', { name: 'x', acceptances: [{ currency: 'palmas', enterprises: ['bigcoffee'] }] })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'There is no currency "palmas" in this catalogue: define it, or pick one of its currencies.',
    });
    await expect(core.call('scenario-save', { name: 'x', acceptances: [{ currency: 'sampa', enterprises: [] }] })).rejects.toMatchObject({
      message: expect.stringContaining('Name at least one enterprise'),
    });
    await expect(core.call('scenario-compare', { acceptances: [{ currency: 'sampa', enterprises: ['nobody'] }] })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'There is no enterprise "nobody" in this catalogue.',
    });
    expect((await core.call('scenario-list', {})).scenarios.length).toBe(count);
  });
});
